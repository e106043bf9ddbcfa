package org.w3id.chipgraph.eto;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.query.ExpectedResults;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * The ETO stage of the loader on the project's own fixture: what it writes into graph/eto, how
 * it reconciles ETO providers and inputs with the register through data/eto-mapping.csv, and
 * what it reports. The whole project goes through the real loader (provenance, SHACL,
 * reasoning) with the import.
 */
class EtoImportTest {
    static EtoFixture.Loaded loaded;
    static DatasetGraph dsg;

    @BeforeAll
    static void load() {
        loaded = EtoFixture.load(TestGraph.PROJECT, EtoFixture.directory(EtoFixture.DIR));
        dsg = loaded.dataset();
    }

    static Node id(String slug) { return NodeFactory.createURI(Chipgraph.ID + slug); }
    static Node cg(String name) { return NodeFactory.createURI(Chipgraph.NS + name); }
    static Node str(String s) { return NodeFactory.createLiteralString(s); }

    static boolean inEto(Node s, Node p, Node o) {
        return Txn.calculateRead(dsg, () -> dsg.contains(EtoImport.GRAPH, s, p, o));
    }

    static List<String> select(String query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(Chipgraph.PREFIXES + query).build()) {
                RowSetRewindable rows = qe.select().rewindable();
                List<String> out = new ArrayList<>();
                rows.forEachRemaining(b -> {
                    StringBuilder sb = new StringBuilder();
                    rows.getResultVars().forEach(v -> {
                        Node n = b.get(v);
                        sb.append(sb.isEmpty() ? "" : " | ").append(n == null ? "" : n.isLiteral() ? lexical(n) : n.getURI());
                    });
                    out.add(sb.toString());
                });
                return out;
            }
        });
    }

    /** Numbers in plain form (TDB2 gives "100.0" for "100"^^xsd:decimal). */
    static String lexical(Node n) {
        if (n.getLiteralValue() instanceof Number)
            return new BigDecimal(n.getLiteralLexicalForm()).stripTrailingZeros().toPlainString();
        return n.getLiteralLexicalForm();
    }

    @Test
    void mappedProvidersAreTheRegistersEntities() {
        // P11 Nvidia, P34 TSMC, P37 SMIC, P88 ASML, and N20 EUV scanners, through data/eto-mapping.csv.
        Map<String, String> expected = Map.of("P11", "nvidia", "P34", "tsmc", "P37", "smic", "P88", "asml", "N20", "euv-scanner",
                "P45", "netherlands", "P1", "united-states");
        expected.forEach((eto, slug) -> assertTrue(inEto(id(slug), cg("etoId"), str(eto)), slug + " cg:etoId " + eto));
        for (String unmapped : List.of("p11", "p34", "p37", "p88", "n20"))
            assertFalse(Txn.calculateRead(dsg, () -> dsg.find(Node.ANY, id("eto-" + unmapped), Node.ANY, Node.ANY).hasNext()),
                    "a mapped id gets no id:eto- node of its own: " + unmapped);
        assertTrue(loaded.log().contains("P11 -> id:nvidia") && loaded.log().contains("P34 -> id:tsmc")
                && loaded.log().contains("P37 -> id:smic") && loaded.log().contains("P88 -> id:asml")
                && loaded.log().contains("N20 -> id:euv-scanner"), loaded.log());
    }

    @Test
    void euvScannersAsmlHasAHundredPercentAsAMarketShareOfOurEntities() {
        Node share = id("eto-share-p88-n20");
        assertTrue(inEto(share, RDF.type.asNode(), cg("MarketShare")));
        assertTrue(inEto(share, cg("provider"), id("asml")));
        assertTrue(inEto(share, cg("market"), id("euv-scanner")));
        assertTrue(inEto(share, cg("negligibleShare"), NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean)));
        List<String> rows = select("""
                SELECT ?provider ?share WHERE { GRAPH g:eto { ?m cg:market id:euv-scanner ; cg:provider ?p ; cg:sharePercent ?share }
                  ?p rdfs:label ?provider FILTER(lang(?provider) = "en") } ORDER BY ?provider""");
        assertEquals(List.of("ASML | 100", "Netherlands | 100"), rows);
        assertTrue(inEto(id("euv-scanner"), RDF.type.asNode(), cg("SupplyChainInput")), "the mapped input is an ETO input too");
        assertTrue(inEto(id("euv-scanner"), cg("isTypeOf"), id("eto-n19")), "N20 is a type of N19");
    }

    @Test
    void stagesInputsProvidersAndSequenceAreMapped() {
        // The register gives S1-S3 (cg:etoId) to its supply-chain segments, so the import uses those entities.
        assertTrue(inEto(id("chip-design"), RDF.type.asNode(), cg("SupplyChainStage")));
        // The register's entity keeps its own description; the dataset keeps ETO's multi-line field whole.
        var fetched = EtoFixture.directory(EtoFixture.DIR).fetch();
        String s1 = EtoDataset.read(fetched.texts(), fetched.names()).stages().get(0).description();
        assertTrue(s1.contains("\n") && s1.contains("\"quoted\""), "the quoted multi-line field is kept whole: " + s1);
        assertTrue(inEto(id("chip-atp"), RDF.type.asNode(), cg("SupplyChainStage")));
        assertTrue(inEto(id("eto-n25"), cg("supplyChainStage"), id("chip-fabrication")));
        assertTrue(inEto(id("eto-n25"), cg("etoInputType"), str("process")));
        assertTrue(inEto(id("eto-n19"), cg("goesInto"), id("eto-n25")));
        assertTrue(inEto(id("eto-n25"), SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("Photolithography (lithography)", "en")),
                "another name a row gives an input is kept");
        // ETO countries are cg:Country (also when not in the register); organizations are cg:Organization in their ETO country.
        assertTrue(inEto(id("japan"), RDF.type.asNode(), cg("Country")));
        assertTrue(inEto(id("nikon"), RDF.type.asNode(), cg("Organization")));
        assertTrue(inEto(id("nikon"), cg("headquarteredIn"), id("japan")));
        assertTrue(inEto(id("smic"), cg("headquarteredIn"), id("china")));
        // ETO's negligible flag; a provider named without a figure.
        assertTrue(inEto(id("eto-share-p70-n21"), cg("negligibleShare"), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
        assertEquals(List.of("false"), select("SELECT ?n WHERE { id:eto-share-p11-n2 cg:negligibleShare ?n FILTER NOT EXISTS { id:eto-share-p11-n2 cg:sharePercent ?s } }"));
    }

    @Test
    void theImportAnswersFromItsOwnGraphWithItsSource() {
        assertEquals(List.of("https://w3id.org/chipgraph/id/source/eto-supply-chain-4ad9219 | https://creativecommons.org/licenses/by-nc/4.0/ | 4ad9219e626bd53e70175feb44b25b03e03e0025"),
                select("SELECT ?s ?l ?v WHERE { g:eto prov:wasDerivedFrom ?s . ?s dct:license ?l ; owl:versionInfo ?v }"));
        assertEquals(List.of("16"), select("SELECT (COUNT(?m) AS ?n) WHERE { GRAPH g:eto { ?m a cg:MarketShare } }"));
    }

    @Test
    void theLoadOutputReportsCountsSkipsAndUnmatchedProviders() {
        String log = loaded.log();
        assertTrue(log.contains("read 3 stages, 5 inputs, 13 providers, 18 provision rows, 3 sequence rows"), log);
        assertTrue(log.contains("3 stages, 5 inputs, 7 organizations, 5 countries, 16 market shares"), log);
        assertTrue(log.contains("skipped: provision.csv:3: P5 'Various' is listed as a country but is none"), log);
        assertTrue(log.contains("1 provision row(s) repeat an earlier row exactly"), log);
        // Every provider of the fixture is an entity of the register (by the mapping file or its cg:etoId).
        assertTrue(log.contains("providers not matched to a chipgraph entity (0)"), log);
        assertTrue(log.contains("note: P89 'Nikon' is id:nikon by its cg:etoId in the register"), log);
        assertTrue(log.contains("note: data/eto-mapping.csv:") && log.contains("P9 is not in this ETO data: mapping not used"), log);
    }

    @Test
    void inputsWithASingleFullShareProviderAreChokepoints() {
        // R5: an input with a 100 % organization provider; through the mapping it is our EUV scanner, on which TSMC's 5 nm nodes depend.
        List<String> rows = select("""
                SELECT DISTINCT ?input ?provider ?node WHERE {
                  ?m a cg:MarketShare ; cg:market ?i ; cg:provider ?p ; cg:sharePercent ?s .
                  FILTER(?s = 100) ?p a cg:Organization .
                  ?i rdfs:label ?input FILTER(lang(?input) = "en")
                  ?p rdfs:label ?provider FILTER(lang(?provider) = "en")
                  ?n cg:requiresEquipment ?i ; rdfs:label ?node FILTER(lang(?node) = "en")
                } ORDER BY ?node""");
        assertTrue(rows.contains("EUV scanner | ASML | TSMC 4N"), rows.toString());
    }

    @Test
    void d9AnswersAsmlAHundredPercentWithTheImport() throws Exception {
        checkD9(dsg);
    }

    @Test
    void d9AnswersFromTheEtoImportAlone(@TempDir Path tmp) throws Exception {
        // Without the ETO figures cited in data/supply-chain.trig, the import alone gives the answer.
        Path project = ProjectCopy.into(tmp.resolve("p"));
        Files.delete(project.resolve("data/supply-chain.trig"));
        var alone = EtoFixture.load(project, EtoFixture.directory(EtoFixture.DIR));
        checkD9(alone.dataset());
    }

    /** queries/d9-*.rq on a dataset gives its expected answer (ASML, 100). */
    static void checkD9(DatasetGraph data) throws Exception {
        var catalog = QueryCatalog.in(TestGraph.PROJECT.resolve("queries"));
        var d9 = catalog.queries().stream().filter(q -> q.cq().filter("D9"::equals).isPresent()).findFirst().orElseThrow();
        var rows = QueryRunner.select(data, d9.parse(), Map.of());
        var expected = ExpectedResults.readCsv(d9.file().resolveSibling(d9.name() + ".csv"));
        assertNull(expected.compare(ExpectedResults.actualRows(rows, expected.vars()), true));
        assertEquals(List.of(List.of("ASML", "100")), expected.rows());
    }

    @Test
    void nameNormalizationIgnoresCaseAccentsPunctuationAndCompanyForms() {
        assertEquals("sk hynix", EtoReconciler.normalize("SK Hynix Inc."));
        assertEquals("tokyo electron", EtoReconciler.normalize("Tokyo Electron Ltd"));
        assertEquals("asml", EtoReconciler.normalize("ASML Holding N.V."));
        assertEquals("nestle", EtoReconciler.normalize("Nestlé S.A."));
        var sorted = new TreeSet<String>(EtoImport::byIdNumber);
        sorted.addAll(Set.of("P11", "N20", "P9", "S2"));
        assertEquals(List.of("S2", "N20", "P9", "P11"), List.copyOf(sorted));
    }
}
