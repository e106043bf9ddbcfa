package org.w3id.chipgraph.eto;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.input.ProjectFiles;
import org.w3id.chipgraph.input.OpenDataStage;
import org.w3id.chipgraph.input.StageInputs;

/**
 * The ETO import as a stage of the loader: fetch the five files (directory or download), read
 * and check them, reconcile with data/eto-mapping.csv and the register, and add graph/eto to
 * the parsed inputs. It runs before the store is touched; the graph then goes through the same
 * provenance check, SHACL gate and reasoning as every other graph, so a bad row stops the whole
 * load and nothing is half-imported.
 */
public final class EtoStage implements OpenDataStage {
    public static final String MAPPING_FILE = "data/eto-mapping.csv";

    private final EtoSource source;

    private EtoStage(EtoSource source) {
        this.source = source;
    }

    /** The stage importing {@code source}, or null (no ETO import) when the source is null. */
    public static EtoStage of(EtoSource source) {
        return source == null ? null : new EtoStage(source);
    }

    @Override
    public String describe() {
        return "the ETO supply-chain dataset from " + source.describe();
    }

    @Override
    public void run(StageInputs in, ProjectFiles files, Consumer<String> log) {
        run(source, in, files, log);
    }

    public static EtoImport.Result run(EtoSource source, StageInputs in, ProjectFiles files, Consumer<String> log) {
        EtoSource.Fetched fetched = source.fetch();
        EtoDataset ds = EtoDataset.read(fetched.texts(), fetched.names());
        EtoMapping mapping = EtoMapping.read(files.projectDir().resolve(MAPPING_FILE), MAPPING_FILE);
        EtoImport.Result r = EtoImport.build(ds, mapping, registerWithEtoIds(in), in.ontology());
        in.addGraph(EtoImport.GRAPH, r.graph(), r.origins(), "ETO import");
        report(r, mapping, log);
        return r;
    }

    /**
     * The register with the ETO ids the curated data gives its entities: those sit in the graph
     * of the ETO dataset (the source that states them), not in the register itself.
     */
    static Graph registerWithEtoIds(StageInputs in) {
        Graph g = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(g, in.data().getGraph(Chipgraph.GRAPH_REGISTER));
        Graph eto = in.data().getGraph(NodeFactory.createURI(Chipgraph.GRAPH + "eto-supply-chain"));
        eto.find(Node.ANY, EtoImport.ETO_ID, Node.ANY).forEachRemaining(g::add);
        return g;
    }

    static void report(EtoImport.Result r, EtoMapping mapping, Consumer<String> log) {
        var n = r.rowsRead();
        log.accept(String.format("read %d stages, %d inputs, %d providers, %d provision rows, %d sequence rows",
                n.get("stages.csv"), n.get("inputs.csv"), n.get("providers.csv"), n.get("provision.csv"), n.get("sequence.csv")));
        log.accept(String.format("imported into <%s>: %d stages, %d inputs, %d organizations, %d countries, %d market shares, %d triples",
                EtoImport.GRAPH.getURI(), r.stages(), r.inputs(), r.organizations(), r.countries(), r.marketShares(), r.graph().size()));
        log.accept("mapped to chipgraph entities (" + mapping.file() + "): " + r.mapped().size()
                + (r.mapped().isEmpty() ? "" : ": " + String.join(", ", EtoImport.describeMapped(r.mapped()))));
        for (String s : r.notes())
            log.accept("note: " + s);
        for (String s : r.skipped())
            log.accept("skipped: " + s);
        for (String s : r.suggestions())
            log.accept("name match to check (not applied): " + s);
        log.accept("providers not matched to a chipgraph entity (" + r.unmatched().size() + "), imported as id:eto-p…:");
        wrap(r.unmatched(), log);
    }

    private static void wrap(List<String> items, Consumer<String> log) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i + 1 < items.size() ? "," : "");
            if (line.length() + item.length() > 100 && line.length() > 2) {
                log.accept(line.toString().stripTrailing());
                line = new StringBuilder("  ");
            }
            line.append(item).append(' ');
        }
        if (line.length() > 2)
            log.accept(line.toString().stripTrailing());
    }
}
