package org.w3id.chipgraph.eto;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.input.LoadException;

/**
 * Maps the ETO dataset into RDF (the triples of graph/eto) and reconciles it with the register.
 *
 * <ul>
 * <li>stages -> cg:SupplyChainStage {@code id:eto-s1}; inputs -> cg:SupplyChainInput
 *     {@code id:eto-n20} with cg:etoInputType, cg:supplyChainStage; sequence -> cg:goesInto,
 *     cg:isTypeOf;</li>
 * <li>providers -> cg:Organization (with cg:headquarteredIn its ETO country) or cg:Country
 *     {@code id:eto-p88}; a "country" provider that is not a country code ("Various") is not a
 *     country: its rows are skipped and reported;</li>
 * <li>provision rows -> cg:MarketShare {@code id:eto-share-p88-n20}: cg:provider, cg:market,
 *     cg:sharePercent and/or cg:negligibleShare (false when ETO names the provider without a
 *     figure);</li>
 * <li>a provider, input or stage mapped in data/eto-mapping.csv (or carrying cg:etoId in the
 *     register) is written as that chipgraph entity, with cg:etoId, so its shares and links
 *     attach to it. A mapping to an entity that is not in the register, or of the wrong kind, is
 *     reported or refused; providers left unmatched are listed, with name matches to check.</li>
 * </ul>
 */
public final class EtoImport {
    public static final String SOURCE_SLUG = "eto-supply-chain-4ad9219";
    public static final Node GRAPH = NodeFactory.createURI(Chipgraph.GRAPH + "eto");
    public static final Node SOURCE = NodeFactory.createURI(Chipgraph.SOURCE + SOURCE_SLUG);

    static final String CG = Chipgraph.NS;
    static final Node ETO_ID = uri(CG + "etoId");
    static final Node ORGANIZATION = uri(CG + "Organization"), COUNTRY = uri(CG + "Country"), PERSON = uri(CG + "Person");

    /** English short names of the country codes ETO uses (ISO 3166-1 alpha-3, and ETO's "MAL"). */
    static final Map<String, String> COUNTRY_NAMES = Map.ofEntries(
            Map.entry("USA", "United States"), Map.entry("CHN", "China"), Map.entry("KOR", "South Korea"),
            Map.entry("JPN", "Japan"), Map.entry("TWN", "Taiwan"), Map.entry("DEU", "Germany"), Map.entry("ITA", "Italy"),
            Map.entry("NLD", "Netherlands"), Map.entry("MAL", "Malaysia"), Map.entry("MYS", "Malaysia"),
            Map.entry("SGP", "Singapore"), Map.entry("CHE", "Switzerland"), Map.entry("AUT", "Austria"),
            Map.entry("SWE", "Sweden"), Map.entry("GBR", "United Kingdom"), Map.entry("FRA", "France"),
            Map.entry("ISR", "Israel"), Map.entry("BLR", "Belarus"), Map.entry("CZE", "Czechia"), Map.entry("CAN", "Canada"),
            Map.entry("LUX", "Luxembourg"), Map.entry("IRL", "Ireland"), Map.entry("BEL", "Belgium"), Map.entry("IND", "India"),
            Map.entry("FIN", "Finland"), Map.entry("DNK", "Denmark"), Map.entry("NOR", "Norway"), Map.entry("ESP", "Spain"),
            Map.entry("PHL", "Philippines"), Map.entry("THA", "Thailand"), Map.entry("VNM", "Vietnam"), Map.entry("HKG", "Hong Kong"),
            Map.entry("RUS", "Russia"), Map.entry("AUS", "Australia"));

    /** What the import did, for the load output and the tests. */
    public record Result(Graph graph, Map<Node, String> origins, Map<String, Integer> rowsRead,
                         int stages, int inputs, int organizations, int countries, int marketShares,
                         Map<String, String> mapped, List<String> notes, List<String> skipped,
                         List<String> suggestions, List<String> unmatched) {}

    private final EtoDataset ds;
    private final EtoMapping mapping;
    private final Graph register;
    private final Graph ontology;

    private final Graph out = GraphFactory.createDefaultGraph();
    private final Map<Node, String> origins = new HashMap<>();
    private final Map<String, Node> nodeOf = new HashMap<>();      // ETO id -> node
    private final Map<String, String> mapped = new TreeMap<>(EtoImport::byIdNumber);
    private final List<String> notes = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private EtoImport(EtoDataset ds, EtoMapping mapping, Graph register, Graph ontology) {
        this.ds = ds;
        this.mapping = mapping;
        this.register = register;
        this.ontology = ontology;
    }

    public static Result build(EtoDataset ds, EtoMapping mapping, Graph register, Graph ontology) {
        return new EtoImport(ds, mapping, register, ontology).run();
    }

    private Result run() {
        reconcile();

        for (EtoDataset.Stage s : ds.stages()) {
            Node n = node(s.id());
            boolean ours = isMapped(s.id());
            add(n, RDF.type.asNode(), uri(CG + "SupplyChainStage"), s.where());
            describe(n, s.id(), s.name(), s.description(), ours, s.where());
        }
        for (EtoDataset.Input i : ds.inputs()) {
            Node n = node(i.id());
            boolean ours = isMapped(i.id());
            add(n, RDF.type.asNode(), uri(CG + "SupplyChainInput"), i.where());
            describe(n, i.id(), i.name(), i.description(), ours, i.where());
            add(n, uri(CG + "etoInputType"), NodeFactory.createLiteralString(i.type()), i.where());
            i.stageId().ifPresent(sid -> add(n, uri(CG + "supplyChainStage"), node(sid), i.where()));
        }
        for (EtoDataset.Sequence q : ds.sequences()) {
            q.goesInto().ifPresent(t -> add(node(q.inputId()), uri(CG + "goesInto"), node(t), q.where()));
            q.isTypeOf().ifPresent(t -> add(node(q.inputId()), uri(CG + "isTypeOf"), node(t), q.where()));
        }

        int organizations = 0, countries = 0;
        Set<String> notCountries = new TreeSet<>();
        for (EtoDataset.Provider p : ds.providers()) {
            if (p.country() && !isCountryCode(p.name())) {
                notCountries.add(p.id());
                continue;
            }
            Node n = node(p.id());
            boolean ours = isMapped(p.id());
            if (p.country()) {
                countries++;
                add(n, RDF.type.asNode(), COUNTRY, p.where());
                String label = COUNTRY_NAMES.getOrDefault(p.name(), p.name());
                describe(n, p.id(), label, "", ours, p.where());
                if (!ours || !hasName(n, p.name()))
                    add(n, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(p.name(), "en"), p.where());
            } else {
                organizations++;
                add(n, RDF.type.asNode(), ORGANIZATION, p.where());
                describe(n, p.id(), p.name(), "", ours, p.where());
                Node country = countryNode(p.countryCode().orElseThrow(), p.where());
                add(n, uri(CG + "headquarteredIn"), country, p.where());
            }
        }

        Set<Node> shares = new HashSet<>();
        int duplicates = 0;
        for (EtoDataset.Provision v : ds.provisions()) {
            if (notCountries.contains(v.providerId())) {
                skipped.add(v.where() + ": " + v.providerId() + " '" + ds.provider(v.providerId()).name()
                        + "' is listed as a country but is none: its share of " + v.providedId() + " is not imported");
                continue;
            }
            Node share = uri(Chipgraph.ID + "eto-share-" + v.providerId().toLowerCase(Locale.ROOT) + "-" + v.providedId().toLowerCase(Locale.ROOT));
            if (!shares.add(share)) {
                duplicates++;
                continue;
            }
            String provider = ds.provider(v.providerId()).name();
            String market = ds.nameOf(v.providedId());
            String size = v.sharePercent().map(s -> s.toPlainString() + " %")
                    .orElse(v.negligible() ? "negligible" : "no figure");
            add(share, RDF.type.asNode(), uri(CG + "MarketShare"), v.where());
            add(share, RDFS.label.asNode(), NodeFactory.createLiteralLang(provider + " share of " + market + " (ETO "
                    + v.providerId() + ", " + v.providedId() + "): " + size, "en"), v.where());
            add(share, uri(CG + "provider"), node(v.providerId()), v.where());
            add(share, uri(CG + "market"), node(v.providedId()), v.where());
            if (v.sharePercent().isPresent())
                add(share, uri(CG + "sharePercent"), decimal(v.sharePercent().get()), v.where());
            add(share, uri(CG + "negligibleShare"), NodeFactory.createLiteralDT(Boolean.toString(v.negligible()), XSDDatatype.XSDboolean), v.where());
        }
        if (duplicates > 0)
            notes.add(duplicates + " provision row(s) repeat an earlier row exactly (same provider, input and share): imported once");

        return new Result(out, origins, ds.rowsRead(), ds.stages().size(), ds.inputs().size(), organizations, countries,
                shares.size(), mapped, notes, skipped, suggestions(), unmatched(notCountries));
    }

    // ------------------------------------------------------------ reconciliation

    /** Decide each ETO id's node: the mapped chipgraph entity, or id:eto-<id>. */
    private void reconcile() {
        Map<String, Node> registerEtoIds = new HashMap<>();
        register.find(Node.ANY, ETO_ID, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral())
                registerEtoIds.put(t.getObject().getLiteralLexicalForm(), t.getSubject());
        });
        for (EtoMapping.Entry e : mapping.entries()) {
            String name = ds.nameOf(e.etoId());
            if (name == null) {
                notes.add(e.where() + ": " + e.etoId() + " is not in this ETO data: mapping not used");
                continue;
            }
            if (!name.equals(e.etoName()) && !ds.otherNames().getOrDefault(e.etoId(), Set.of()).contains(e.etoName()))
                throw new LoadException(LoadException.INPUT, e.where() + ": " + e.etoId() + " is '" + name
                        + "' in the ETO data, not '" + e.etoName() + "': check the id");
            Node entity = uri(e.iri());
            Set<Node> types = types(entity);
            if (types.isEmpty()) {
                notes.add(e.where() + ": " + shortIri(e.iri()) + " is not an entity of the register: " + e.etoId() + " '" + name
                        + "' imported as " + shortIri(Chipgraph.ID + "eto-" + e.etoId().toLowerCase(Locale.ROOT)) + " instead");
                continue;
            }
            checkKind(e.etoId(), entity, types, e.where());
            register.find(entity, ETO_ID, Node.ANY).forEachRemaining(t -> {
                String other = t.getObject().getLiteralLexicalForm();
                if (!other.equals(e.etoId()))
                    throw new LoadException(LoadException.INPUT, e.where() + ": the register gives " + shortIri(e.iri())
                            + " cg:etoId \"" + other + "\", not " + e.etoId());
            });
            Node other = registerEtoIds.get(e.etoId());
            if (other != null && !other.equals(entity))
                throw new LoadException(LoadException.INPUT, e.where() + ": the register gives " + e.etoId() + " to "
                        + shortIri(other.getURI()) + ", not " + shortIri(e.iri()));
            nodeOf.put(e.etoId(), entity);
            mapped.put(e.etoId(), e.iri());
        }
        // An ETO id the register already gives to an entity is that entity, mapping file or not.
        registerEtoIds.forEach((id, entity) -> {
            if (nodeOf.containsKey(id) || ds.nameOf(id) == null || !entity.isURI())
                return;
            checkKind(id, entity, types(entity), mapping.file() + " (cg:etoId in the register)");
            nodeOf.put(id, entity);
            mapped.put(id, entity.getURI());
            notes.add(id + " '" + ds.nameOf(id) + "' is " + shortIri(entity.getURI()) + " by its cg:etoId in the register (not in "
                    + mapping.file() + ")");
        });
    }

    private void checkKind(String etoId, Node entity, Set<Node> types, String where) {
        Set<Node> all = superClasses(types);
        String kind;
        boolean ok;
        if (etoId.startsWith("P")) {
            EtoDataset.Provider p = ds.provider(etoId);
            kind = p.country() ? "a country" : "an organization";
            ok = all.contains(p.country() ? COUNTRY : ORGANIZATION);
        } else {
            kind = etoId.startsWith("N") ? "a supply-chain input" : "a supply-chain stage";
            ok = !all.contains(ORGANIZATION) && !all.contains(COUNTRY) && !all.contains(PERSON);
        }
        if (!ok)
            throw new LoadException(LoadException.INPUT, where + ": " + etoId + " '" + ds.nameOf(etoId) + "' is " + kind
                    + " in the ETO data, but " + shortIri(entity.getURI()) + " is " + types.stream().map(t -> shortIri(t.getURI())).toList());
    }

    /** Name matches between unmapped providers and register entities: to check by hand, never applied. */
    private List<String> suggestions() {
        Map<String, List<Node>> byName = new HashMap<>();
        Set<Node> registered = new HashSet<>();
        register.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> registered.add(t.getSubject()));
        for (Node e : registered) {
            for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode()))
                register.find(e, p, Node.ANY).forEachRemaining(t -> {
                    if (t.getObject().isLiteral())
                        byName.computeIfAbsent(normalize(t.getObject().getLiteralLexicalForm()), k -> new ArrayList<>()).add(e);
                });
        }
        Set<Node> alreadyMapped = new HashSet<>(nodeOf.values());
        List<String> out = new ArrayList<>();
        for (EtoDataset.Provider p : ds.providers()) {
            if (isMapped(p.id()))
                continue;
            String key = normalize(p.country() ? COUNTRY_NAMES.getOrDefault(p.name(), p.name()) : p.name());
            Set<String> candidates = new TreeSet<>();
            for (Node e : byName.getOrDefault(key, List.of()))
                if (!alreadyMapped.contains(e))
                    candidates.add(shortIri(e.getURI()));
            if (!candidates.isEmpty())
                out.add(p.id() + " '" + p.name() + "' may be " + String.join(" or ", candidates)
                        + " (same name): if so, add it to " + mapping.file() + " with the evidence");
        }
        return out;
    }

    private List<String> unmatched(Set<String> notCountries) {
        List<String> out = new ArrayList<>();
        for (EtoDataset.Provider p : ds.providers())
            if (!isMapped(p.id()) && !notCountries.contains(p.id()))
                out.add(p.id() + " " + p.name());
        return out;
    }

    /** Lower case, accents and punctuation dropped, company-form words ("Inc", "Co., Ltd.") removed. */
    static String normalize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace(".", "").replaceAll("[^\\p{L}\\p{N}]+", " ");
        List<String> words = new ArrayList<>();
        for (String w : s.trim().split(" +"))
            if (!Set.of("inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "ag",
                    "sa", "nv", "bv", "se", "gmbh", "kk", "holding", "holdings", "group", "the").contains(w))
                words.add(w);
        return String.join(" ", words);
    }

    // ------------------------------------------------------------ helpers

    private boolean isMapped(String etoId) { return mapped.containsKey(etoId); }

    private Node node(String etoId) {
        return nodeOf.computeIfAbsent(etoId, id -> uri(Chipgraph.ID + "eto-" + id.toLowerCase(Locale.ROOT)));
    }

    private final Map<String, Node> extraCountries = new HashMap<>();

    /** The country an organization is based in: the ETO country provider of that code, or a country node of its own. */
    private Node countryNode(String code, String where) {
        for (EtoDataset.Provider p : ds.providers())
            if (p.country() && p.name().equals(code))
                return node(p.id());
        return extraCountries.computeIfAbsent(code, c -> {
            Node n = uri(Chipgraph.ID + "eto-country-" + c.toLowerCase(Locale.ROOT));
            add(n, RDF.type.asNode(), COUNTRY, where);
            add(n, RDFS.label.asNode(), NodeFactory.createLiteralLang(COUNTRY_NAMES.getOrDefault(c, c), "en"), where);
            add(n, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(c, "en"), where);
            add(n, RDFS.comment.asNode(), NodeFactory.createLiteralLang("Country code " + c
                    + " of an organization in the ETO dataset (not itself an ETO provider).", "en"), where);
            return n;
        });
    }

    /** Label, ETO id and other names; an entity of the register keeps its own labels and gets ETO's name as another. */
    private void describe(Node n, String etoId, String name, String description, boolean ours, String where) {
        add(n, ETO_ID, NodeFactory.createLiteralString(etoId), where);
        if (ours) {
            if (!hasName(n, name))
                add(n, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(name, "en"), where);
        } else {
            add(n, RDFS.label.asNode(), NodeFactory.createLiteralLang(name, "en"), where);
            if (!description.isBlank())
                add(n, RDFS.comment.asNode(), NodeFactory.createLiteralLang(description.strip(), "en"), where);
        }
        for (String other : ds.otherNames().getOrDefault(etoId, Set.of()))
            if (!other.equals(name))
                add(n, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(other, "en"), where);
    }

    private boolean hasName(Node n, String name) {
        for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
            var it = register.find(n, p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && o.getLiteralLexicalForm().equals(name))
                    return true;
            }
        }
        return false;
    }

    private Set<Node> types(Node entity) {
        Set<Node> types = new HashSet<>();
        register.find(entity, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
        return types;
    }

    private Set<Node> superClasses(Set<Node> classes) {
        Set<Node> all = new HashSet<>(classes);
        List<Node> todo = new ArrayList<>(classes);
        while (!todo.isEmpty()) {
            Node c = todo.remove(todo.size() - 1);
            ontology.find(c, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && all.add(t.getObject()))
                    todo.add(t.getObject());
            });
        }
        return all;
    }

    private void add(Node s, Node p, Node o, String where) {
        out.add(s, p, o);
        origins.putIfAbsent(s, where);
    }

    private static boolean isCountryCode(String name) {
        return name.matches("[A-Z]{3}");
    }

    private static Node decimal(BigDecimal v) {
        return NodeFactory.createLiteralDT(v.toPlainString(), XSDDatatype.XSDdecimal);
    }

    static Node uri(String s) { return NodeFactory.createURI(s); }

    static String shortIri(String iri) {
        if (iri.startsWith(Chipgraph.ID)) return "id:" + iri.substring(Chipgraph.ID.length());
        if (iri.startsWith(Chipgraph.NS)) return "cg:" + iri.substring(Chipgraph.NS.length());
        return "<" + iri + ">";
    }

    /** S before N before P, then by number: S1, S2, N1, N20, P9, P11. */
    static int byIdNumber(String a, String b) {
        String order = "SNP";
        int c = Integer.compare(order.indexOf(a.charAt(0)), order.indexOf(b.charAt(0)));
        return c != 0 ? c : Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
    }

    /** Mapped ids in order, as "P11 -> id:nvidia". */
    public static List<String> describeMapped(Map<String, String> mapped) {
        List<String> out = new ArrayList<>();
        new LinkedHashMap<>(mapped).forEach((id, iri) -> out.add(id + " -> " + shortIri(iri)));
        return out;
    }
}
