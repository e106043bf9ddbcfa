package org.w3id.chipgraph.store;

import java.util.Locale;
import java.util.function.Consumer;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes quads into a fresh TDB2 database with one of Jena's TDB2 bulk loaders (the ones
 * behind {@code tdb2.tdbloader}) instead of one big write transaction of adds: the bulk
 * loaders build the node table and each index in parallel streams, several times faster.
 * The loader is chosen by the system property {@code chipgraph.loader}: {@code parallel}
 * (the default), {@code phased}, {@code sequential} or {@code basic}.
 */
public final class BulkWriter {
    private BulkWriter() {}

    public static final String PROPERTY = "chipgraph.loader";

    public static String loaderName() {
        return System.getProperty(PROPERTY, "parallel").toLowerCase(Locale.ROOT);
    }

    /** A TDB2 bulk loader by name, quiet (no progress lines). */
    public static DataLoader loader(String name, DatasetGraph dsg, MonitorOutput output) {
        return switch (name) {
            case "parallel" -> LoaderFactory.parallelLoader(dsg, output);
            case "phased" -> LoaderFactory.phasedLoader(dsg, output);
            case "sequential" -> LoaderFactory.sequentialLoader(dsg, output);
            case "basic" -> LoaderFactory.basicLoader(dsg, output);
            default -> throw new IllegalArgumentException("Unknown TDB2 loader '" + name + "' (parallel, phased, sequential, basic)");
        };
    }

    public static final MonitorOutput QUIET = (fmt, args) -> { };

    /** Stream quads into {@code dsg} with the configured bulk loader; returns the quads sent. */
    public static long write(DatasetGraph dsg, Consumer<StreamRDF> producer) {
        DataLoader loader = loader(loaderName(), dsg, QUIET);
        loader.startBulk();
        long[] n = {0};
        try {
            StreamRDF target = loader.stream();
            target.start();
            producer.accept(new StreamRDFWrapper(target) {
                @Override public void quad(Quad q) { n[0]++; super.quad(q); }
                @Override public void triple(Triple t) { n[0]++; super.triple(t); }
            });
            target.finish();
            loader.finishBulk();
            return n[0];
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }
}
