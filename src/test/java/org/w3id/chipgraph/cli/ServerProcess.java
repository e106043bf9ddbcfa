package org.w3id.chipgraph.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./chipgraph serve --port 0 --localhost [args]} in a project copy whose {@code chipgraph}
 * is {@link ReadmeExamplesTest#writeLauncher}'s: its own JVM, as users run it. Closing it stops the
 * server as Ctrl-C would (SIGTERM: shutdown hooks run).
 */
final class ServerProcess implements AutoCloseable {
    static final Pattern ENDPOINT = Pattern.compile("SPARQL endpoint: http://localhost:(\\d+)/chipgraph/sparql");

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private int port = -1;

    private ServerProcess(Process process) {
        this.process = process;
    }

    static ServerProcess start(Path project, String... args) throws Exception {
        return startOnPort(project, 0, args);
    }

    /** The same on a given port (0: a free one), e.g. to restart a replica where its balancer expects it. */
    static ServerProcess startOnPort(Path project, int port, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("./chipgraph", "serve", "--port", Integer.toString(port), "--localhost"));
        cmd.addAll(List.of(args));
        ServerProcess s = new ServerProcess(new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(s.process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; )
                    s.lines.add(line);
            } catch (IOException e) {
                // the server ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (s.port < 0 && System.nanoTime() < deadline && s.process.isAlive()) {
            synchronized (s.lines) {
                for (String l : s.lines) {
                    Matcher m = ENDPOINT.matcher(l);
                    if (m.find())
                        s.port = Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(100);
        }
        if (s.port < 0) {
            s.close();
            throw new AssertionError("serve did not start:\n" + s.output());
        }
        return s;
    }

    int port() { return port; }

    long pid() { return process.pid(); }

    /** Ends the process at once (SIGKILL): no shutdown hooks, as a crash or the OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS))
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
