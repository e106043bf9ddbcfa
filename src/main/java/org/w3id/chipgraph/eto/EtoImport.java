package org.w3id.chipgraph.eto;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private final Graph out = GraphFactory.createDefaultGraph();
    private final Map<Node, String> origins = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final EtoReconciler ids;

    private EtoImport(EtoDataset ds, EtoMapping mapping, Graph register, Graph ontology) {
        this.ds = ds;
        this.ids = new EtoReconciler(ds, mapping, register, ontology, notes);
    }

    public static Result build(EtoDataset ds, EtoMapping mapping, Graph register, Graph ontology) {
        return new EtoImport(ds, mapping, register, ontology).run();
    }

    private Result run() {
        ids.reconcile();
        writeStagesAndInputs();
        Set<String> notCountries = new TreeSet<>();
        ProviderCounts providers = writeProviders(notCountries);
        int marketShares = writeShares(notCountries);
        return new Result(out, origins, ds.rowsRead(), ds.stages().size(), ds.inputs().size(), providers.organizations(),
                providers.countries(), marketShares, ids.mapped(), notes, skipped, ids.suggestions(), ids.unmatched(notCountries));
    }

    private record ProviderCounts(int organizations, int countries) {}

    /** Stages, inputs and how inputs go into one another. */
    private void writeStagesAndInputs() {
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
    }

    /**
     * Organizations and countries; a "country" provider that is no country code goes into
     * {@code notCountries} instead.
     */
    private ProviderCounts writeProviders(Set<String> notCountries) {
        int organizations = 0, countries = 0;
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
                if (!ours || !ids.hasName(n, p.name()))
                    add(n, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(p.name(), "en"), p.where());
            } else {
                organizations++;
                add(n, RDF.type.asNode(), ORGANIZATION, p.where());
                describe(n, p.id(), p.name(), "", ours, p.where());
                Node country = countryNode(p.countryCode().orElseThrow(), p.where());
                add(n, uri(CG + "headquarteredIn"), country, p.where());
            }
        }
        return new ProviderCounts(organizations, countries);
    }

    /** One cg:MarketShare per provision row (a repeated row once). Returns how many. */
    private int writeShares(Set<String> notCountries) {
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
            writeShare(share, v);
        }
        if (duplicates > 0)
            notes.add(duplicates + " provision row(s) repeat an earlier row exactly (same provider, input and share): imported once");
        return shares.size();
    }

    private void writeShare(Node share, EtoDataset.Provision v) {
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

    // ------------------------------------------------------------ helpers

    private boolean isMapped(String etoId) { return ids.isMapped(etoId); }

    private Node node(String etoId) { return ids.node(etoId); }

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
            if (!ids.hasName(n, name))
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
