package org.w3id.chipgraph.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a server's Prometheus metrics for the heap in use, keeping the largest. */
final class HeapPoller {
    volatile long peak;
    private final Thread thread;
    private volatile boolean running = true;

    HeapPoller(HttpClient http, String url) {
        thread = new Thread(() -> {
            while (running) {
                try {
                    String body = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    long sum = 0;
                    for (String line : body.split("\n"))
                        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                            sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (sum > peak) peak = sum;
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // try again
                }
            }
        }, "heap-poller");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
