package org.w3id.chipgraph.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The note a running {@code serve} keeps beside its store, {@code DIR/server.properties}: its
 * SPARQL endpoint and process id. Written once the server answers, removed when it stops. TDB2
 * lets one process open a store, so a reading command that finds the store held looks here for
 * the server holding it. A note whose process is gone, or whose server does not answer
 * {@code /$/ping}, is stale (a server killed with SIGKILL leaves one) and is ignored.
 */
record ServerRecord(String endpoint, long pid) {
    static final String FILE = "server.properties";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Path fileIn(Path storeRoot) { return storeRoot.resolve(FILE); }

    /** The server's base URL, e.g. http://localhost:3030/ for http://localhost:3030/chipgraph/sparql. */
    String base() {
        int i = endpoint.indexOf("/chipgraph/");
        return i < 0 ? endpoint : endpoint.substring(0, i + 1);
    }

    /** Write this process's note (atomically: a reader never sees half a file). */
    static ServerRecord write(Path storeRoot, String endpoint) {
        ServerRecord r = new ServerRecord(endpoint, ProcessHandle.current().pid());
        Properties p = new Properties();
        p.setProperty("endpoint", endpoint);
        p.setProperty("pid", Long.toString(r.pid));
        Path tmp = storeRoot.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(storeRoot);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "chipgraph serve is running on this store; removed when it stops");
            }
            Files.move(tmp, fileIn(storeRoot), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + fileIn(storeRoot), e);
        }
        return r;
    }

    /** Remove the note if it is still this process's own. */
    static void remove(Path storeRoot) {
        read(storeRoot).filter(r -> r.pid == ProcessHandle.current().pid()).ifPresent(r -> {
            try {
                Files.deleteIfExists(fileIn(storeRoot));
            } catch (IOException e) {
                // A note left behind is stale: readers check the process and /$/ping.
            }
        });
    }

    /** The note in the store directory, if there is a readable one. */
    static Optional<ServerRecord> read(Path storeRoot) {
        Path f = fileIn(storeRoot);
        if (!Files.isRegularFile(f))
            return Optional.empty();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            String endpoint = p.getProperty("endpoint");
            return endpoint == null ? Optional.empty() : Optional.of(new ServerRecord(endpoint, Long.parseLong(p.getProperty("pid", "-1").trim())));
        } catch (IOException | NumberFormatException e) {
            // An unreadable or half-written note is as good as none: the command opens the store itself.
            return Optional.empty();
        }
    }

    boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether the server answers /$/ping within a few seconds. */
    boolean answers() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "$/ping")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            // No answer (or a bad endpoint in the note): treated as a stale note, which the caller ignores.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
