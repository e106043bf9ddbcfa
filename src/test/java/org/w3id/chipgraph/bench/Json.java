package org.w3id.chipgraph.bench;

import java.util.Collection;
import java.util.Map;

/** One-line JSON for the benchmark's worker results (read back with Jena's JSON parser). */
final class Json {
    private Json() {}

    static String of(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (var e : m.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(str(e.getKey())).append(':').append(value(e.getValue()));
        }
        return sb.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    static String value(Object v) {
        if (v == null) return "null";
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (n instanceof Double || n instanceof Float ? Double.toString(d) : n.toString()) : "null";
        }
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Map<?, ?> m) return of((Map<String, ?>) m);
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) sb.append(i > 0 ? "," : "").append(value(a[i]));
            return sb.append(']').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object o : c) { sb.append(first ? "" : ",").append(value(o)); first = false; }
            return sb.append(']').toString();
        }
        return str(v.toString());
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        return sb.append('"').toString();
    }
}
