package org.w3id.chipgraph.reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The rules of ontology/rules/, in file-name order. */
public record RuleSet(List<Rule> rules) {

    public static RuleSet fromDirectory(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Rule> rules = s.filter(p -> p.getFileName().toString().endsWith(".rq"))
                    .sorted()
                    .map(Rule::read)
                    .toList();
            if (rules.isEmpty())
                throw new IllegalArgumentException(dir + ": no rules (*.rq)");
            return new RuleSet(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list rules in " + dir, e);
        }
    }
}
