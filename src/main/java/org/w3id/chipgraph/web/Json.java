package org.w3id.chipgraph.web;

import java.util.function.Function;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** The two shapes every JSON answer of ours is built from: a list of one value per item, and an object of named strings. */
final class Json {
    private Json() {}

    /** One value per item, in order. */
    static <T> JsonArray array(Iterable<T> items, Function<? super T, ? extends JsonValue> one) {
        JsonArray a = new JsonArray();
        for (T x : items)
            a.add(one.apply(x));
        return a;
    }

    static JsonArray strings(Iterable<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    /** An object of string members, given as name, value, name, value... */
    static JsonObject object(String... namesAndValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < namesAndValues.length; i += 2)
            o.put(namesAndValues[i], namesAndValues[i + 1]);
        return o;
    }
}
