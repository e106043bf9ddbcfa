package org.w3id.chipgraph.reason;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;

/**
 * The {@link DependencyIndex} on disk ({@value DependencyIndex#FILE_NAME} in a store version:
 * the IRIs, the forward adjacency as int arrays and, once computed, each node's answer counts)
 * and on an opened version's dataset, where the SPARQL functions and /api routes find it.
 */
final class DependencyIndexFile {
    private static final int MAGIC = 0x43474449; // "CGDI"
    private static final int FORMAT = 2;

    private DependencyIndexFile() {}

    /** Write {@code idx} to {@code file} and force it to disk. */
    static void write(DependencyIndex idx, Path file) {
        try (OutputStream fos = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fos, 1 << 20))) {
            int n = idx.iris.length;
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(n);
            out.writeInt(idx.outAdj.length);
            out.writeLong(idx.pairs);
            for (String iri : idx.iris) {
                byte[] b = iri.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
            for (int i = 0; i < n; i++) out.writeBoolean(idx.selfLoop[i]);
            boolean counts = idx.outCount != null;
            out.writeBoolean(counts);
            ByteBuffer buf = ByteBuffer.allocate(4 * (n + 1 + idx.outAdj.length + (counts ? 2 * n : 0)));
            buf.asIntBuffer().put(idx.outStart).put(idx.outAdj);
            if (counts)
                buf.asIntBuffer().position(n + 1 + idx.outAdj.length).put(idx.outCount).put(idx.inCount);
            out.write(buf.array());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dependency index " + file, e);
        }
        forceToDisk(file, "dependency index");
    }

    /** A file beside a store version is on disk before the version is published. */
    static void forceToDisk(Path file, String what) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sync the " + what + " " + file, e);
        }
    }

    static DependencyIndex read(Path file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            if (b.getInt() != MAGIC || b.getInt() != FORMAT)
                throw new IllegalStateException(file + " is not a chipgraph dependency index (format " + FORMAT + ")");
            int n = b.getInt(), m = b.getInt();
            long pairs = b.getLong();
            String[] iris = new String[n];
            byte[] arr = b.array();
            for (int i = 0; i < n; i++) {
                int len = b.getInt();
                iris[i] = new String(arr, b.position(), len, StandardCharsets.UTF_8);
                b.position(b.position() + len);
            }
            boolean[] self = new boolean[n];
            for (int i = 0; i < n; i++) self[i] = b.get() != 0;
            boolean counts = b.get() != 0;
            int[] start = new int[n + 1], adj = new int[m];
            var ints = b.asIntBuffer();
            ints.get(start);
            ints.get(adj);
            DependencyIndex idx = new DependencyIndex(iris, start, adj, self);
            if (counts) {
                int[] oc = new int[n], ic = new int[n];
                ints.get(oc);
                ints.get(ic);
                idx.outCount = oc;
                idx.inCount = ic;
            }
            idx.pairs = pairs;
            return idx;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dependency index " + file, e);
        }
    }

    // ------------------------------------------------------------------ datasets

    /**
     * Attach the index file of a store version to the dataset opened on it, if the version has
     * one; it is read in the background so that opening stays fast.
     */
    static void attachFile(DatasetGraph dsg, Path versionDir) {
        if (AttachedFile.attach(dsg, DependencyIndex.CONTEXT_KEY, versionDir.resolve(DependencyIndex.FILE_NAME), DependencyIndexFile::read))
            DependsOnFromIndex.markIfNotMaterialized(dsg);
    }

    /** The index attached to a dataset or query context, or null (none, or its file could not be read). */
    static DependencyIndex of(Context cxt) {
        return AttachedFile.joined(cxt, DependencyIndex.CONTEXT_KEY, DependencyIndex.class, "Dependency index");
    }
}
