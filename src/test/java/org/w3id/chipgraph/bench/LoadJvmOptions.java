package org.w3id.chipgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** bin/load-jvm-options as the launcher reads it: whitespace-separated options, # to the end of a line a comment. */
final class LoadJvmOptions {
    private LoadJvmOptions() {}

    static List<String> read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int hash = line.indexOf('#');
            String body = hash < 0 ? line : line.substring(0, hash);
            for (String word : body.trim().split("\\s+"))
                if (!word.isEmpty()) out.add(word);
        }
        return out;
    }
}
