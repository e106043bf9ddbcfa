package org.w3id.chipgraph.reason;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.w3id.chipgraph.Chipgraph;

/**
 * The dependency graph of one store version with its chokepoint ranking, written by the loader
 * beside the store ({@value #FILE_NAME}) and read when the version is opened. Without it a
 * server builds the graph through SPARQL on first use (41.6 s at a million edges) and ranks
 * every entity after that; with it, what-if and chokepoints answer from the first request.
 * A version written before this file, or a file this build cannot read, falls back to that.
 */
public final class DependencyGraphFile {
    public static final String FILE_NAME = "dependency-graph.bin";
    static final Symbol CONTEXT_KEY = Symbol.create(Chipgraph.NS + "dependencyGraphFile");
    private static final int MAGIC = 0x43474447; // "CGDG"
    private static final int FORMAT = 1;

    private DependencyGraphFile() {}

    /** Write {@code g} and its ranking to {@code file} and force it to disk. */
    public static void write(DependencyGraph g, List<Chokepoints.Ranked> ranking, Path file) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            writeStrings(out, g.nodes);
            out.writeInt(g.labels.size());
            for (var e : g.labels.entrySet()) {
                out.writeInt(g.ids.get(e.getKey()));
                writeString(out, e.getValue());
            }
            writeMap(out, g.propertyLabels);
            writeStrings(out, g.partialProperties);
            writeStrings(out, g.jointProperties);
            out.writeInt(g.products.size());
            for (int p : g.products) out.writeInt(p);
            out.writeInt(g.superProperties.size());
            for (var e : g.superProperties.entrySet()) {
                writeString(out, e.getKey());
                writeStrings(out, e.getValue());
            }
            writeEdges(out, g.edges);
            out.writeInt(ranking.size());
            for (Chokepoints.Ranked r : ranking) {
                out.writeInt(r.node());
                out.writeInt(r.failed());
                out.writeInt(r.partial());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dependency graph " + file, e);
        }
        DependencyIndexFile.forceToDisk(file, "dependency graph");
    }

    /** Properties and sources repeat across edges: each is written once, edges point at them. */
    private static void writeEdges(DataOutputStream out, List<DependencyGraph.Edge> edges) throws IOException {
        Map<String, Integer> properties = new HashMap<>();
        Map<DependencyGraph.Source, Integer> sources = new HashMap<>();
        for (DependencyGraph.Edge e : edges) {
            properties.putIfAbsent(e.property(), properties.size());
            for (DependencyGraph.Source s : e.sources()) sources.putIfAbsent(s, sources.size());
        }
        writeStrings(out, inOrder(properties));
        out.writeInt(sources.size());
        for (DependencyGraph.Source s : inOrder(sources)) {
            writeString(out, s.iri());
            writeString(out, s.title());
            writeString(out, s.graph());
        }
        out.writeInt(edges.size());
        for (DependencyGraph.Edge e : edges) {
            out.writeInt(e.from());
            out.writeInt(e.to());
            out.writeInt(properties.get(e.property()));
            out.writeInt(e.sources().size());
            for (DependencyGraph.Source s : e.sources()) out.writeInt(sources.get(s));
        }
    }

    public static DependencyGraph read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT)
                throw new IllegalStateException(file + " is not a chipgraph dependency graph (format " + FORMAT + ")");
            DependencyGraph g = new DependencyGraph();
            for (String iri : readStrings(in)) g.id(iri);
            for (int i = 0, n = in.readInt(); i < n; i++) g.labels.put(g.nodes.get(in.readInt()), readString(in));
            g.propertyLabels.putAll(readMap(in));
            g.partialProperties.addAll(readStrings(in));
            g.jointProperties.addAll(readStrings(in));
            for (int i = 0, n = in.readInt(); i < n; i++) g.products.add(in.readInt());
            Map<String, Set<String>> sup = new HashMap<>();
            for (int i = 0, n = in.readInt(); i < n; i++) sup.put(readString(in), new LinkedHashSet<>(readStrings(in)));
            g.superProperties = sup;
            readEdges(in, g);
            int ranked = in.readInt();
            List<Chokepoints.Ranked> ranking = new ArrayList<>(ranked);
            for (int i = 0; i < ranked; i++) ranking.add(new Chokepoints.Ranked(in.readInt(), in.readInt(), in.readInt()));
            g.ranking = List.copyOf(ranking);
            g.index();
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dependency graph " + file, e);
        }
    }

    private static void readEdges(DataInputStream in, DependencyGraph g) throws IOException {
        List<String> properties = readStrings(in);
        List<DependencyGraph.Source> sources = new ArrayList<>();
        for (int i = 0, n = in.readInt(); i < n; i++)
            sources.add(new DependencyGraph.Source(readString(in), readString(in), readString(in)));
        for (int i = 0, m = in.readInt(); i < m; i++) {
            int from = in.readInt(), to = in.readInt();
            String property = properties.get(in.readInt());
            DependencyGraph.Source[] own = new DependencyGraph.Source[in.readInt()];
            for (int k = 0; k < own.length; k++) own[k] = sources.get(in.readInt());
            g.edges.add(new DependencyGraph.Edge(from, to, property, List.of(own)));
        }
    }

    // ------------------------------------------------------------------ datasets

    /** Attach a graph and its ranking computed in this process to a dataset (in-memory loads). */
    public static void attach(DatasetGraph dsg, DependencyGraph graph, List<Chokepoints.Ranked> ranking) {
        graph.ranking = List.copyOf(ranking);
        dsg.getContext().set(CONTEXT_KEY, CompletableFuture.completedFuture(graph));
    }

    /**
     * Attach the graph file of a store version to the dataset opened on it, if the version has
     * one; it is read in the background so that opening stays fast.
     */
    public static void attachFile(DatasetGraph dsg, Path versionDir) {
        AttachedFile.attach(dsg, CONTEXT_KEY, versionDir.resolve(FILE_NAME), DependencyGraphFile::read);
    }

    /** The graph attached to a dataset's context, waiting for its read; null when none or unreadable. */
    public static DependencyGraph of(Context cxt) {
        return AttachedFile.joined(cxt, CONTEXT_KEY, DependencyGraph.class, "Dependency graph file");
    }

    // ------------------------------------------------------------------ strings

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, Collection<String> all) throws IOException {
        out.writeInt(all.size());
        for (String s : all) writeString(out, s);
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(readString(in));
        return out;
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (var e : map.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (int i = 0, n = in.readInt(); i < n; i++) map.put(readString(in), readString(in));
        return map;
    }

    private static <T> List<T> inOrder(Map<T, Integer> numbered) {
        List<T> out = new ArrayList<>(numbered.keySet());
        out.sort((a, b) -> Integer.compare(numbered.get(a), numbered.get(b)));
        return out;
    }
}
