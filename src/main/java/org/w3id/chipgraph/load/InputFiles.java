package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.ProjectFiles;
import org.w3id.chipgraph.input.LoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the loader finds its inputs in a project directory (the repository checkout):
 * the ontology, the SHACL shapes, the inference rules, the source register and the fact files.
 */
public record InputFiles(Path projectDir, Path ontology, Path shapes, Path rulesDir, Path sources, List<Path> factFiles) implements ProjectFiles {

    public static InputFiles in(Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        Path data = dir.resolve("data");
        List<Path> facts = new ArrayList<>();
        if (Files.isDirectory(data)) {
            try (Stream<Path> s = Files.list(data)) {
                s.filter(p -> p.getFileName().toString().endsWith(".trig"))
                 .sorted()
                 .forEach(facts::add);
            } catch (IOException e) {
                throw new LoadException(LoadException.INPUT, "Cannot list " + data + ": " + e.getMessage(), e);
            }
        }
        return new InputFiles(dir, dir.resolve("ontology/chipgraph.ttl"), dir.resolve("ontology/shapes.ttl"),
                dir.resolve("ontology/rules"), data.resolve("sources.ttl"), List.copyOf(facts));
    }

    /** Every input file, in load order. */
    public List<Path> all() {
        List<Path> all = new ArrayList<>(List.of(ontology, shapes, sources));
        all.addAll(factFiles);
        return all;
    }

    /** Check that each file is there before anything is parsed or the store is touched. */
    public void checkPresent() {
        for (Path p : List.of(ontology, shapes, sources)) {
            if (!Files.isRegularFile(p))
                throw new LoadException(LoadException.INPUT, display(p) + ": missing file (required input of every load)");
        }
        if (!Files.isDirectory(rulesDir))
            throw new LoadException(LoadException.INPUT, display(rulesDir) + ": missing directory of inference rules");
        if (factFiles.isEmpty())
            throw new LoadException(LoadException.INPUT, display(projectDir.resolve("data")) + ": no fact files (*.trig)");
        for (Path p : factFiles) {
            if (!Files.isReadable(p))
                throw new LoadException(LoadException.INPUT, display(p) + ": cannot be read");
        }
        checkInsideProject();
    }

    /**
     * The inputs found in the project (ontology/, data/, the rules) must resolve inside it: a
     * symbolic link out of it, say data/x.trig to /etc/passwd, is not followed. A file named on
     * the command line is the user's explicit choice and is not checked.
     */
    void checkInsideProject() {
        List<Path> found = new ArrayList<>(all());
        try (Stream<Path> s = Files.list(rulesDir)) {
            s.forEach(found::add);
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, display(rulesDir) + ": cannot be listed: " + e.getMessage(), e);
        }
        try {
            Path root = projectDir.toRealPath();
            for (Path p : found) {
                Path real = p.toRealPath();
                if (!real.startsWith(root))
                    throw new LoadException(LoadException.INPUT, display(p) + ": resolves outside the project (to "
                            + escape(real.toString()) + "); inputs found in ontology/ and data/ must be inside it."
                            + " Name the file on the command line to load it");
            }
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, "Cannot resolve an input path: " + escape(e.getMessage()), e);
        }
    }

    /** A path as the user knows it: relative to the project directory when inside it. */
    @Override
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return escape(abs.startsWith(projectDir) ? projectDir.relativize(abs).toString() : abs.toString());
    }

    /** Control characters in a file name (an escape sequence, a newline) are shown as \\uXXXX, never sent to the terminal. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                b.append(String.format("\\u%04x", c));
            else
                b.appendCodePoint(c);
        });
        return b.toString();
    }
}
