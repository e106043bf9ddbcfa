package org.w3id.chipgraph.reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * One inference rule: a SPARQL CONSTRUCT in its own file under ontology/rules/, headed by
 * {@code #+ summary:} (what it derives) and {@code #+ why:} lines. Its identity is its file name
 * and the SHA-256 of its text (line ends read as LF, so a Windows checkout hashes the same).
 */
public record Rule(String name, String summary, Query construct, String sha256) {

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
        return new Rule(name, summary, q, sha256(text));
    }

    /** SHA-256 (hex) of a rule's text with CRLF and CR read as LF. */
    static String sha256(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lf.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's documentation).
            throw new IllegalStateException(e);
        }
    }
}
