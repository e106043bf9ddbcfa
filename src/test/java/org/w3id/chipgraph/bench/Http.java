package org.w3id.chipgraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain blocking HTTP/1.1 client (the JDK's HttpURLConnection, connections kept alive) for
 * latency measurements: it adds less of its own time than java.net.http's asynchronous client.
 */
final class Http {
    private Http() {}

    record Response(int status, String body, String totalCount) {}

    static Response get(String url, String accept, Duration timeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Accept", accept);
        c.setConnectTimeout(5000);
        c.setReadTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        return read(c);
    }

    static Response postQuery(String endpoint, String query, Duration timeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(endpoint).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Accept", "application/sparql-results+json");
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setConnectTimeout(5000);
        c.setReadTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        byte[] form = ("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        c.setFixedLengthStreamingMode(form.length);
        try (OutputStream o = c.getOutputStream()) {
            o.write(form);
        }
        return read(c);
    }

    private static Response read(HttpURLConnection c) throws IOException {
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (in != null) in.close();
        return new Response(status, body, c.getHeaderField("X-Total-Count"));
    }
}
