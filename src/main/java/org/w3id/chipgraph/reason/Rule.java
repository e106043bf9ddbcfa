package org.w3id.chipgraph.reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * One inference rule: a SPARQL CONSTRUCT in its own file under ontology/rules/, headed by
 * {@code #+ summary:} (what it derives) and {@code #+ why:} lines.
 */
public record Rule(String name, String summary, Query construct) {

    public static Rule read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        Query q;
        try {
            q = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException(file + ":" + e.getLine() + ": rule is not valid SPARQL: " + e.getMessage(), e);
        }
        if (!q.isConstructType())
            throw new IllegalArgumentException(file + ": a rule must be a SPARQL CONSTRUCT query");
        String summary = text.lines().filter(l -> l.startsWith("#+ summary:"))
                .map(l -> l.substring("#+ summary:".length()).trim()).findFirst().orElse(name);
        return new Rule(name, summary, q);
    }
}
