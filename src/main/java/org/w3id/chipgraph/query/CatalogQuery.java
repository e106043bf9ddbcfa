package org.w3id.chipgraph.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * One query of the catalogue, {@code queries/NAME.rq}, with its header:
 * <pre>
 * #+ summary: what it answers, in one line
 * #+ tags: seed, policy
 * #+ cq: S1
 * #+ param: ?company iri [id:nvidia]
 * </pre>
 */
public record CatalogQuery(String name, Path file, String text, String summary, List<String> tags,
                           Optional<String> cq, List<Param> params) {

    /** A parameter: a variable bound by VALUES-like substitution, never by string splicing. */
    public record Param(String var, String type, Optional<String> defaultValue) {}

    public static CatalogQuery read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        String summary = null;
        List<String> tags = new ArrayList<>();
        String cq = null;
        List<Param> params = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#+"))
                continue;
            String body = line.substring(2).trim();
            int colon = body.indexOf(':');
            if (colon < 0)
                continue;
            String key = body.substring(0, colon).trim();
            String value = body.substring(colon + 1).trim();
            switch (key) {
                case "summary" -> summary = value;
                case "tags" -> { for (String t : value.split(",")) if (!t.isBlank()) tags.add(t.trim()); }
                case "cq" -> cq = value;
                case "param" -> params.add(parseParam(file, value));
                default -> { }
            }
        }
        if (summary == null)
            throw new IllegalArgumentException(file + ": missing '#+ summary:' header line");
        return new CatalogQuery(name, file, text, summary, List.copyOf(tags), Optional.ofNullable(cq), List.copyOf(params));
    }

    private static Param parseParam(Path file, String spec) {
        // ?var type [default]
        String[] parts = spec.split("\\s+", 3);
        if (parts.length < 2 || !parts[0].startsWith("?"))
            throw new IllegalArgumentException(file + ": bad '#+ param:' line (want '?var type [default]'): " + spec);
        Optional<String> dft = Optional.empty();
        if (parts.length == 3) {
            String d = parts[2].trim();
            if (d.startsWith("[") && d.endsWith("]"))
                d = d.substring(1, d.length() - 1);
            dft = Optional.of(d);
        }
        return new Param(parts[0].substring(1), parts[1], dft);
    }

    public Query parse() {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException(file + ":" + e.getLine() + ": not valid SPARQL: " + e.getMessage(), e);
        }
    }

    /** Whether row order is part of the answer (the query sorts). */
    public boolean ordered() {
        return parse().hasOrderBy();
    }
}
