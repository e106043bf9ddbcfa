package org.w3id.chipgraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.security.NoSuchAlgorithmException;

/** A throwaway copy of the project's inputs (ontology/, data/, queries/) that a test may break. */
public final class ProjectCopy {
    private ProjectCopy() {}

    public static Path into(Path dir) {
        for (String sub : List.of("ontology", "data", "queries"))
            copyTree(TestGraph.PROJECT.resolve(sub), dir.resolve(sub));
        return dir;
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hash of every file under a directory (names and bytes), to show that nothing changed. */
    public static String treeHash(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                md.update(dir.relativize(p).toString().getBytes());
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
