package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * A JSON-LD input may not name a context or document to fetch: every {@code @context} must be
 * written inline (an object), and {@code @import} is refused. Checked on the JSON before the
 * JSON-LD parser sees it, so the error names the file and the rule; the parser's document loader
 * refuses too ({@link org.w3id.chipgraph.NoRemoteDocuments}), as a second wall.
 */
final class JsonLdCheck {
    static final String RULE = "remote JSON-LD contexts are not loaded: write the @context inline"
            + " (an object, not a URL), and do not use @import";

    private JsonLdCheck() {}

    static void check(Path p, String name) {
        JsonValue json;
        try (InputStream in = Files.newInputStream(p)) {
            json = JSON.parseAny(in);
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, name + ": cannot be read: " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new LoadException(LoadException.INPUT, name + ": syntax error: not valid JSON: " + e.getMessage(), e);
        }
        String remote = findRemote(json);
        if (remote != null)
            throw new LoadException(LoadException.INPUT, name + ": " + remote + " is refused; " + RULE);
    }

    /** Where the document names something to fetch, e.g. {@code "@context": "http://..."}; null if nowhere. */
    private static String findRemote(JsonValue v) {
        if (v.isArray()) {
            for (JsonValue x : v.getAsArray()) {
                String r = findRemote(x);
                if (r != null)
                    return r;
            }
        } else if (v.isObject()) {
            JsonObject o = v.getAsObject();
            for (String key : o.keys()) {
                JsonValue x = o.get(key);
                if (key.equals("@import"))
                    return "\"@import\": " + x;
                if (key.equals("@context")) {
                    String r = remoteContext(x);
                    if (r != null)
                        return r;
                }
                String r = findRemote(x);
                if (r != null)
                    return r;
            }
        }
        return null;
    }

    /** A context given by reference: a string, or a string inside an array of contexts. */
    private static String remoteContext(JsonValue c) {
        if (c.isString())
            return "\"@context\": " + c;
        if (c instanceof JsonArray a)
            for (JsonValue x : a)
                if (x.isString())
                    return "\"@context\": " + x;
        return null;
    }
}
