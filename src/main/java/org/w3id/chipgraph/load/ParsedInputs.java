package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.StageInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.mem.GraphMemIndexedSet;
import org.apache.jena.mem.IndexingStrategy;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphMapLink;

/**
 * Everything the loader parsed, in memory, before any checks: the ontology, the shapes,
 * and one dataset of named graphs for the facts, plus where each subject was first written
 * so that later errors can point at a file.
 */
public final class ParsedInputs implements StageInputs {
    final Graph ontology;
    final Graph shapes;
    private volatile boolean indexed;
    /**
     * Named graphs: sources, register, fact graphs, claim graphs. No default-graph triples.
     * While the files are parsed a graph is a flat set of triples (Jena's GraphMemIndexedSet with
     * no index yet), which every collection during the parse copies: with Jena's default graph,
     * its indexes were 9 million of the 14 million objects alive after the parse at scale 100
     * (jmap -histo:live). {@link #indexData()} then builds every graph's index, once, with fewer
     * objects (10 million alive, 401 MB instead of 572 MB); graphs made after keep theirs as they grow.
     * (A lookup before then builds that graph's index on the spot: fine for a test reading what
     * it parsed on one thread, not for the loader, whose readers run side by side.)
     */
    final DatasetGraph data = new DatasetGraphMapLink(
            name -> new GraphMemIndexedSet(indexed ? IndexingStrategy.EAGER : IndexingStrategy.LAZY));
    /** Where the ontology's and the source register's subjects were written (small, noted as parsed). */
    final Map<Node, String> subjectFile = new HashMap<>();
    /** Where each subject of a stage's graph came from (a CSV file and line, say). */
    private final Map<Node, String> stageOrigin = new HashMap<>();
    /** Terms, references, labels and literal sizes, noted file by file as they are parsed. */
    final IntegrityChecks integrity;

    ParsedInputs(Graph ontology, Graph shapes, String ontologyFile) {
        this.ontology = ontology;
        this.shapes = shapes;
        this.integrity = new IntegrityChecks(ontology, ontologyFile);
    }

    /** Triples from which a graph's own index is built by all cores at once. */
    private static final int LARGE_GRAPH = 100_000;

    /**
     * Builds the index of every graph parsed (Jena's bulk-load pattern for GraphMemIndexedSet),
     * after which every graph may be read by several threads at once.
     */
    void indexData() {
        indexData(LARGE_GRAPH);
    }

    /** {@link #indexData()}, with graphs of {@code largeGraph} triples or more indexed each by all cores. */
    void indexData(int largeGraph) {
        indexed = true;
        List<GraphMemIndexedSet> graphs = graphs();
        // A large graph is indexed by all cores; the many small ones side by side, one per core
        // (at scale 100, 1,104 graphs: 0.4-0.5 s this way, 0.7-0.9 s with each graph's own parallel build).
        graphs.stream().filter(g -> g.size() >= largeGraph).forEach(GraphMemIndexedSet::initializeIndexParallel);
        graphs.parallelStream().filter(g -> g.size() < largeGraph).forEach(GraphMemIndexedSet::initializeIndex);
    }

    /** Whether every graph has its index (after {@link #indexData()}, or a lookup that built it). */
    boolean dataIndexed() {
        return graphs().stream().allMatch(GraphMemIndexedSet::isIndexInitialized);
    }

    /** Every graph of {@link #data}, the default graph first. */
    private List<GraphMemIndexedSet> graphs() {
        List<GraphMemIndexedSet> graphs = new ArrayList<>(List.of((GraphMemIndexedSet) data.getDefaultGraph()));
        data.listGraphNodes().forEachRemaining(name -> graphs.add((GraphMemIndexedSet) data.getGraph(name)));
        return graphs;
    }

    @Override public Graph ontology() { return ontology; }
    public Graph shapes() { return shapes; }
    @Override public DatasetGraph data() { return data; }

    /** The data files parsed, by the name used in messages: read again only to point at a file in an error. */
    private final Map<String, Path> dataFiles = new LinkedHashMap<>();
    private final Map<String, DatasetGraph> reread = new HashMap<>();

    void noteDataFile(String name, Path path) {
        dataFiles.put(name, path);
    }

    /**
     * The file that states this triple, for an error message about it: the data files are parsed
     * again (only on this error path, so a good load keeps one copy of the data in memory).
     * Falls back to the subject's first file.
     */
    public synchronized String fileOf(Node s, Node p, Node o) {
        String name = firstFileStating(s, p, o);
        return name != null ? name : fileOf(s);
    }

    /**
     * The file a subject was first described in, for error messages; "?" if unknown. The fact
     * files are parsed again to find it (only on this error path: noting every subject while
     * parsing took a seventh of the parse at a million edges).
     */
    public synchronized String fileOf(Node subject) {
        String noted = subjectFile.get(subject);
        if (noted != null)
            return noted;
        String name = firstFileStating(subject, Node.ANY, Node.ANY);
        return name != null ? name : stageOrigin.getOrDefault(subject, "?");
    }

    /** The first data file (in parse order) with a statement matching the pattern, or null. */
    private String firstFileStating(Node s, Node p, Node o) {
        for (String name : new ArrayList<>(dataFiles.keySet()))
            if (reparsed(name).contains(Node.ANY, s, p, o))
                return name;
        return null;
    }

    /** A data file parsed again into its own dataset (empty if it no longer parses), kept for the next question. */
    private DatasetGraph reparsed(String name) {
        return reread.computeIfAbsent(name, n -> {
            DatasetGraph d = DatasetGraphFactory.createGeneral();
            try {
                Path path = dataFiles.get(n);
                RDFParser.source(path).lang(InputParser.langOf(path)).context(InputParser.parserContext()).parse(d);
            } catch (RuntimeException | StackOverflowError e) {
                // It parsed a moment ago; if it no longer does, it cannot be the answer.
            }
            return d;
        });
    }

    /**
     * Add a named graph made by a stage of the loader (e.g. the ETO import) rather than parsed
     * from a file; {@code origins} says where each subject came from, for error messages.
     */
    @Override
    public void addGraph(Node graphName, Graph triples, Map<Node, String> origins, String defaultOrigin) {
        triples.find().forEachRemaining(t -> {
            data.add(graphName, t.getSubject(), t.getPredicate(), t.getObject());
            stageOrigin.putIfAbsent(t.getSubject(), origins.getOrDefault(t.getSubject(), defaultOrigin));
        });
    }

    void noteSubjects(Graph g, String file) {
        g.find().forEachRemaining(t -> subjectFile.putIfAbsent(t.getSubject(), file));
    }
}
