package org.w3id.chipgraph.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.w3id.chipgraph.query.RemoteFailure;

/**
 * The dependency reports of a running chipgraph server ({@code /api/explain}, {@code /api/impact},
 * {@code /api/chokepoints}): the same JSON the local store gives, computed by the server from the
 * dependency graph it keeps, so the commands print the same text either way.
 */
final class ServerApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServerApi() {}

    /** http://host:port/ for a chipgraph endpoint (http://host:port/chipgraph/sparql), or empty for another endpoint. */
    static Optional<String> baseOf(String endpoint) {
        int i = endpoint.indexOf("/chipgraph/");
        if (i < 0 && endpoint.endsWith("/chipgraph"))
            i = endpoint.length() - "/chipgraph".length();
        return i < 0 ? Optional.empty() : Optional.of(endpoint.substring(0, i + 1));
    }

    /**
     * GET {@code base + "api/" + name} with the parameters. Empty when the server has no such API
     * (a 404 that is not ours: another SPARQL server); a refused argument (4xx with our JSON error)
     * is an IllegalArgumentException carrying the server's message, as the local path would throw.
     */
    static Optional<JsonObject> get(String base, String name, List<Map.Entry<String, String>> params) {
        String query = params.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        String url = base + "api/" + name + (query.isEmpty() ? "" : "?" + query);
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw RemoteFailure.of("GET", url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RemoteFailure.of("GET", url, e);
        }
        JsonObject body = parse(r.body());
        if (r.statusCode() == 200 && body != null)
            return Optional.of(body);
        if (r.statusCode() >= 400 && r.statusCode() < 500 && body != null && body.hasKey("error"))
            throw new IllegalArgumentException(body.get("error").getAsString().value());
        if (r.statusCode() == 404)
            return Optional.empty();
        throw new IllegalStateException("GET " + url + " failed: HTTP " + r.statusCode() + firstLine(r.body()));
    }

    private static JsonObject parse(String s) {
        try {
            return s == null || !s.strip().startsWith("{") ? null : JSON.parse(s);
        } catch (JsonParseException e) {
            // Not our JSON error body (a proxy's page, say): the caller reports the status and first line.
            return null;
        }
    }

    private static String firstLine(String s) {
        return s == null || s.isBlank() ? "" : ": " + s.strip().lines().findFirst().orElse("");
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
