package org.w3id.chipgraph.bench;

import java.util.List;
import org.apache.jena.atlas.json.JsonObject;

/** What a worker JVM reported: its result lines, whether it was stopped at the cap, and how long it ran. */
record ChildResult(List<JsonObject> lines, boolean timedOut, double seconds) {
    JsonObject one() {
        if (lines.isEmpty()) throw new IllegalStateException("the worker gave no result (see bench.log)");
        return lines.get(lines.size() - 1);
    }
    List<JsonObject> parts(String name) {
        return lines.stream().filter(o -> o.hasKey("part") && name.equals(o.get("part").getAsString().value())).toList();
    }
    JsonObject part(String name) {
        for (JsonObject o : lines)
            if (o.hasKey("part") && name.equals(o.get("part").getAsString().value())) return o;
        return null;
    }
}
