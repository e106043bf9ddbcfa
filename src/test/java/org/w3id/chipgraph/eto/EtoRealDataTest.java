package org.w3id.chipgraph.eto;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.InputParser;
import org.w3id.chipgraph.load.ParsedInputs;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * The real ETO files in ../shared/data/eto-supply-chain (beside the clone; always there in CI):
 * every row is read and imported, and the mappings hold. Skipped, with one line saying so,
 * when the folder is absent.
 */
class EtoRealDataTest {
    /** ../shared beside the clone, or -Dchipgraph.shared=DIR (a worktree elsewhere). */
    static final Path REAL = Path.of(System.getProperty("chipgraph.shared", TestGraph.PROJECT.resolve("../shared").toString()))
            .resolve("data/eto-supply-chain").toAbsolutePath().normalize();
    static EtoSource.Fetched fetched;

    @BeforeAll
    static void present() {
        // SkipReasons prints this in the build output.
        Assumptions.assumeTrue(Files.isDirectory(REAL), REAL + " not found (the real ETO files; CI has them beside the clone)");
        fetched = EtoSource.directory(REAL, p -> p.getFileName().toString()).fetch();
    }

    @Test
    void everyRowOfEveryFileIsRead() {
        EtoDataset ds = EtoDataset.read(fetched.texts(), fetched.names());
        assertEquals(Map.of("stages.csv", 3, "inputs.csv", 79, "providers.csv", 294, "provision.csv", 660, "sequence.csv", 93), ds.rowsRead());
        assertEquals(274, ds.providers().stream().filter(p -> !p.country()).count(), "organizations");
        assertEquals(20, ds.providers().stream().filter(EtoDataset.Provider::country).count(), "'country' providers (one of them 'Various')");
    }

    @Test
    void everyOrganizationGivenAnEtoIdIsNamedAsEtoNamesIt() throws Exception {
        // P44 is "Kioxia" in providers.csv: Toshiba (its former parent) must not carry it (issue 13).
        EtoDataset ds = EtoDataset.read(fetched.texts(), fetched.names());
        ParsedInputs in = new InputParser(InputFiles.in(TestGraph.PROJECT)).parseAll();
        var g = EtoStage.registerWithEtoIds(in);
        List<String> wrong = new ArrayList<>();
        g.find(Node.ANY, EtoImport.ETO_ID, Node.ANY).forEachRemaining(t -> {
            EtoDataset.Provider p = ds.provider(t.getObject().getLiteralLexicalForm());
            if (p == null || p.country())
                return;
            Set<String> names = new HashSet<>();
            for (String prop : List.of("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"))
                g.find(t.getSubject(), NodeFactory.createURI(prop), Node.ANY)
                        .forEachRemaining(l -> names.add(l.getObject().getLiteralLexicalForm().toLowerCase()));
            if (names.stream().noneMatch(n -> n.contains(p.name().toLowerCase()) || p.name().toLowerCase().contains(n)))
                wrong.add(t.getSubject().getLocalName() + " has " + p.id() + " '" + p.name() + "' but is named " + names);
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theFilesAreThoseOfThePinnedCommit() throws Exception {
        for (String f : EtoDataset.FILES)
            assertEquals(EtoSource.SHA256.get(f), EtoSource.sha256(Files.readAllBytes(REAL.resolve(f))), f);
    }

    @Test
    void theWholeDatasetImportsAndReconcilesWithTheRegister() throws Exception {
        InputFiles files = InputFiles.in(TestGraph.PROJECT);
        ParsedInputs in = new InputParser(files).parseAll();
        EtoImport.Result r = EtoStage.run(EtoSource.directory(REAL, p -> p.getFileName().toString()), in, files, s -> {});
        assertEquals(3, r.stages());
        assertEquals(79, r.inputs());
        assertEquals(274, r.organizations());
        assertEquals(19, r.countries());
        assertEquals(656, r.marketShares(), "660 rows less 3 of 'Various' (not a country) and 1 repeated row");
        assertEquals(3, r.skipped().size());
        for (var e : Map.of("P11", "nvidia", "P34", "tsmc", "P88", "asml", "P37", "smic", "P17", "hisilicon", "N20", "euv-scanner").entrySet())
            assertEquals(Chipgraph.ID + e.getValue(), r.mapped().get(e.getKey()), e.getKey());
        // Every ETO id named by the mapping file or by a register entity's cg:etoId is mapped;
        // every other provider (less 'Various', which is no country) is reported unmatched.
        Set<String> named = etoIdsNamedByTheProject();
        Set<String> inData = new HashSet<>();
        EtoDataset ds = EtoDataset.read(fetched.texts(), fetched.names());
        ds.stages().forEach(x -> inData.add(x.id()));
        ds.inputs().forEach(x -> inData.add(x.id()));
        ds.providers().stream().filter(x -> !x.id().equals("P5")).forEach(x -> inData.add(x.id()));
        Set<String> expectedMapped = new HashSet<>(named);
        expectedMapped.retainAll(inData);
        assertEquals(new TreeSet<>(expectedMapped), new TreeSet<>(r.mapped().keySet()));
        long unmatchedProviders = ds.providers().stream().filter(x -> !x.id().equals("P5") && !expectedMapped.contains(x.id())).count();
        assertEquals(unmatchedProviders, r.unmatched().size());
        Node share = NodeFactory.createURI(Chipgraph.ID + "eto-share-p88-n20");
        assertTrue(r.graph().contains(share, NodeFactory.createURI(Chipgraph.NS + "provider"), NodeFactory.createURI(Chipgraph.ID + "asml")));
        assertTrue(r.graph().contains(share, NodeFactory.createURI(Chipgraph.NS + "sharePercent"),
                NodeFactory.createLiteralDT("100", XSDDatatype.XSDdecimal)));
    }

    @Test
    void theFullLoadWithTheRealDataPassesEveryCheckAndAnswersD9() throws Exception {
        var loaded = EtoFixture.load(TestGraph.PROJECT, EtoSource.directory(REAL, p -> p.getFileName().toString()));
        long shares = Txn.calculateRead(loaded.dataset(), () -> loaded.dataset().getGraph(EtoImport.GRAPH)
                .find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(Chipgraph.NS + "MarketShare")).toList().size());
        assertEquals(656, shares);
        assertTrue(loaded.log().contains("read 3 stages, 79 inputs, 294 providers, 660 provision rows, 93 sequence rows"), loaded.log());
        assertTrue(List.of(loaded.log().split("\n")).stream().anyMatch(l -> l.contains("providers not matched to a chipgraph entity (")), loaded.log());
        EtoImportTest.checkD9(loaded.dataset());
        // One share stated by the curated ETO graph and by the import is one row (issue 13: ASML 100
        // and the Netherlands 100 appeared twice).
        var catalog = QueryCatalog.in(TestGraph.PROJECT.resolve("queries"));
        var q = catalog.queries().stream().filter(x -> x.name().equals("market-shares")).findFirst().orElseThrow();
        var rows = QueryRunner.select(loaded.dataset(), q.parse(),
                Map.of(Var.alloc("market"), NodeFactory.createURI(Chipgraph.ID + "euv-scanner")));
        List<String> providers = new ArrayList<>();
        rows.forEachRemaining(b -> providers.add(b.get("provider").getLiteralLexicalForm()));
        assertEquals(List.of("ASML", "Netherlands"), providers);
    }

    /** The README's figures for the real files are those of the import, so they cannot go stale. */
    @Test
    void theReadmeFiguresAreThoseOfTheImport() throws Exception {
        InputFiles files = InputFiles.in(TestGraph.PROJECT);
        EtoImport.Result r = EtoStage.run(EtoSource.directory(REAL, p -> p.getFileName().toString()),
                new InputParser(files).parseAll(), files, x -> {});
        Map<String, Integer> read = EtoDataset.read(fetched.texts(), fetched.names()).rowsRead();
        String figures = String.format("%d stages, %d inputs, %d providers, %d provision rows and %d sequence rows read; "
                        + "%d market shares imported; %d ids mapped; %d providers unmatched",
                read.get("stages.csv"), read.get("inputs.csv"), read.get("providers.csv"), read.get("provision.csv"),
                read.get("sequence.csv"), r.marketShares(), r.mapped().size(), r.unmatched().size());
        String readme = Files.readString(TestGraph.PROJECT.resolve("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("With the real files: " + figures + "."),
                "README.md, section 'The ETO supply-chain dataset', should say: With the real files: " + figures + ".");
    }

    /** ETO ids the project names: the first column of data/eto-mapping.csv and every cg:etoId in data/register.trig. */
    static Set<String> etoIdsNamedByTheProject() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(TestGraph.PROJECT.resolve("data/eto-mapping.csv")).subList(1, Files.readAllLines(TestGraph.PROJECT.resolve("data/eto-mapping.csv")).size()))
            if (!line.isBlank() && !line.startsWith("#"))
                ids.add(line.substring(0, line.indexOf(',')).trim());
        var m = Pattern.compile("cg:etoId \"([A-Z][0-9]+)\"").matcher(Files.readString(TestGraph.PROJECT.resolve("data/register.trig")));
        while (m.find())
            ids.add(m.group(1));
        return ids;
    }
}
