package org.w3id.chipgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.w3id.chipgraph.HaltPoint;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import org.w3id.chipgraph.reason.DependencyGraphFile;
import org.w3id.chipgraph.reason.DependencyIndex;

/**
 * A store directory holding several TDB2 databases, one per load, and a pointer file naming
 * the one that is published. A load builds a new version beside the published one and
 * switches the pointer with an atomic rename only when the version is complete, so a failed
 * or killed load never touches what readers see.
 *
 * <pre>
 * DIR/CURRENT            the name of the published version (one line)
 * DIR/versions/v-.../    one TDB2 database per load
 * DIR/load.lock          held (an OS file lock) by the one load running; released by the OS if it dies
 * </pre>
 *
 * A load killed at any point leaves at most an unpublished directory under {@code versions/}
 * (and perhaps {@code CURRENT.tmp}); readers never look at either, and the next successful load
 * deletes every version but the published one and the one it replaced.
 */
public final class VersionedStore {
    public static final String DEFAULT_DIR = "chipgraph-db";
    private static final String POINTER = "CURRENT";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** Versions kept besides the published one, so a server still reading one is not pulled from under it. */
    private static final int KEEP_PREVIOUS = 1;

    private final Path root;
    /** The version this instance's last {@link #publish} replaced: kept by {@link #pruneOldVersions()}. */
    private volatile String replaced;

    public VersionedStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() { return root; }
    public Path pointerFile() { return root.resolve(POINTER); }
    Path versionsDir() { return root.resolve("versions"); }

    /** The published version's name, if any load has completed. */
    public Optional<String> currentVersion() {
        Path p = pointerFile();
        if (!Files.isRegularFile(p))
            return Optional.empty();
        try {
            String name = Files.readString(p, StandardCharsets.UTF_8).trim();
            if (name.isEmpty() || !Files.isDirectory(versionsDir().resolve(name)))
                return Optional.empty();
            return Optional.of(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the store pointer " + p, e);
        }
    }

    public boolean hasPublishedVersion() { return currentVersion().isPresent(); }

    public Path locationOf(String version) { return versionsDir().resolve(version); }

    /** A fresh, empty directory for the next version. */
    public String createVersion() {
        try {
            Files.createDirectories(versionsDir());
            String base = "v-" + LocalDateTime.now().format(STAMP);
            String name = base;
            for (int i = 1; Files.exists(versionsDir().resolve(name)); i++)
                name = base + "-" + i;
            Files.createDirectory(versionsDir().resolve(name));
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a new version under " + versionsDir(), e);
        }
    }

    /** Make {@code version} the published one: write the pointer beside, fsync, rename over. */
    public void publish(String version) {
        if (!Files.isDirectory(locationOf(version)))
            throw new IllegalArgumentException("No such version: " + version);
        Path tmp = root.resolve(POINTER + ".tmp");
        try {
            Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
            try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            String before = currentVersion().orElse(null);
            HaltPoint.reached(HaltPoint.POINTER);
            Files.move(tmp, pointerFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            replaced = before;
            syncDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish version " + version, e);
        }
    }

    /**
     * Delete every version but the published one and the one it replaced (a server may still be
     * reading that). Unpublished leftovers of killed loads go too: they are never "the one replaced".
     * Call it while holding the {@link #lockForLoad() load lock}, so no load is writing a version.
     * Without a publish by this instance, the newest {@value #KEEP_PREVIOUS} older version is kept.
     */
    public void pruneOldVersions() {
        Optional<String> current = currentVersion();
        if (current.isEmpty() || !Files.isDirectory(versionsDir()))
            return;
        try (Stream<Path> s = Files.list(versionsDir())) {
            List<String> others = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(current.get()))
                    .sorted(Comparator.reverseOrder())
                    .toList();
            String keep = replaced;
            if (keep == null)
                keep = others.stream().filter(n -> n.compareTo(current.get()) < 0).findFirst().orElse(null);
            for (String name : others)
                if (!name.equals(keep))
                    deleteTree(locationOf(name));
        } catch (IOException e) {
            // Pruning is housekeeping: a version still open elsewhere is removed by a later load.
        }
    }

    /** Held for the whole of a load; closing it releases the lock. */
    public interface LoadLock extends AutoCloseable {
        @Override void close();
    }

    /**
     * Take the store's load lock, or fail at once if another load holds it. It is an OS file lock:
     * a load that is killed releases it with its process, so it never goes stale.
     */
    public LoadLock lockForLoad() {
        try {
            Files.createDirectories(root);
            FileChannel ch = FileChannel.open(root.resolve("load.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new StoreBusyException(root);
            }
            FileLock held = lock;
            return () -> {
                try {
                    held.release();
                    ch.close();
                } catch (IOException e) {
                    // Closing the channel releases the lock; nothing more to do.
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + root.resolve("load.lock"), e);
        }
    }

    /** Make a rename durable (Linux and macOS allow syncing a directory; elsewhere this is skipped). */
    private static void syncDirectory(Path dir) {
        try (var ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Not supported on this platform: the rename itself is still atomic.
        }
    }

    /** Delete a version that was never published (a failed load). */
    public void discard(String version) {
        if (currentVersion().filter(version::equals).isPresent())
            throw new IllegalStateException("Refusing to discard the published version " + version);
        try {
            deleteTree(locationOf(version));
        } catch (IOException e) {
            // Left for pruning.
        }
    }

    /**
     * Open a version's database with the union default graph on, so that a query's default
     * graph is every named graph together (asserted, inferred, ontology, sources).
     */
    public static DatasetGraph open(Path location) {
        DatasetGraph dsg;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(Location.create(location));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("lock"))
                throw new StoreInUseException(location, e);
            throw e;
        }
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        // The transitive dependency index the loader wrote beside this version (cgf:dependsOn).
        DependencyIndex.attachFile(dsg, location);
        // The dependency graph and chokepoint ranking it wrote (what-if, chokepoints, explain).
        DependencyGraphFile.attachFile(dsg, location);
        return dsg;
    }

    public DatasetGraph openCurrent() {
        String v = currentVersion().orElseThrow(() -> new NoStoreException(root));
        return open(locationOf(v));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(p);
        }
    }

    /** Another load holds this store's load lock. */
    public static final class StoreBusyException extends RuntimeException {
        public StoreBusyException(Path root) {
            super("Another load is running on the store " + root + " (it holds " + root.resolve("load.lock")
                  + "); wait for it to finish");
        }
    }

    /** No load has completed in this store directory yet. */
    public static final class NoStoreException extends RuntimeException {
        public NoStoreException(Path root) {
            super("No published store in " + root + ": run 'load' first (or 'serve', which loads when there is none)");
        }
    }

    /** TDB2 lets one process hold a database; another process (a running server) has it. */
    public static final class StoreInUseException extends RuntimeException {
        public StoreInUseException(Path location, Throwable cause) {
            super("The store " + location + " is held by another process (a running 'serve'?): "
                  + "query that server with --endpoint URL (its SPARQL endpoint, which 'serve' prints) instead", cause);
        }
    }
}
