package org.w3id.chipgraph.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The queries of {@code queries/} in natural order of their names (d1, d2, ..., d10), each a file with a header (see {@link CatalogQuery}). */
public record QueryCatalog(Path dir, List<CatalogQuery> queries) {

    public static QueryCatalog in(Path dir) {
        if (!Files.isDirectory(dir))
            return new QueryCatalog(dir, List.of());
        try (Stream<Path> s = Files.list(dir)) {
            return new QueryCatalog(dir, s.filter(p -> p.getFileName().toString().endsWith(".rq"))
                    .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()))
                    .map(CatalogQuery::read).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    public Optional<CatalogQuery> byName(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** A catalogue name, or the path of a .rq file anywhere. */
    public CatalogQuery resolve(String nameOrFile) {
        Optional<CatalogQuery> q = byName(nameOrFile.replaceFirst("\\.rq$", ""));
        if (q.isPresent() && !nameOrFile.contains("/"))
            return q.get();
        Path p = Path.of(nameOrFile);
        if (Files.isRegularFile(p))
            return CatalogQuery.read(p);
        throw new IllegalArgumentException("No query '" + nameOrFile + "': not a name in " + dir
                + " nor a file. Known names: " + String.join(", ", queries.stream().map(CatalogQuery::name).toList()));
    }
}
