package org.w3id.chipgraph.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server child: started, ready when its ping answers, stopped by closing its input (or killed). */
final class BenchServer {
    Process process;
    double readySeconds;

    static BenchServer start(List<String> cmd, Path log, String ping, HttpClient http) throws Exception {
        BenchServer s = new BenchServer();
        long t0 = System.nanoTime();
        s.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (true) {
            if (!s.process.isAlive())
                throw new IllegalStateException("server exited: see " + log);
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(ping)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) break;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > 300e9)
                throw new IllegalStateException("server not ready after 5 minutes: see " + log);
            Thread.sleep(10);
        }
        s.readySeconds = (System.nanoTime() - t0) / 1e9;
        return s;
    }

    /** A worker server stops when its input closes; the serve command on SIGTERM. */
    void stop() throws InterruptedException {
        try (OutputStream o = process.getOutputStream()) {
            o.write('\n');
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS))
                process.destroyForcibly();
        }
        process.waitFor();
    }
}
