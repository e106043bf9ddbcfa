package org.w3id.chipgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/load-jvm-options as the launcher reads it: whitespace-separated options, # to the end of a
 * line a comment; a line {@code small<BYTES: OPTIONS} only for a load whose extra files total
 * under BYTES.
 */
final class LoadJvmOptions {
    private LoadJvmOptions() {}

    private static final Pattern SMALL = Pattern.compile("small<(\\d+):(.*)");

    /** The options for every load. */
    static List<String> read(Path file) throws IOException {
        return collect(file, Long.MAX_VALUE, true);
    }

    /** The options for a load whose files named after {@code load} total {@code inputBytes}. */
    static List<String> forInput(Path file, long inputBytes) throws IOException {
        return collect(file, inputBytes, true);
    }

    /** Only the "small<" options that a load of {@code inputBytes} adds to {@link #read}. */
    static List<String> smallOnly(Path file, long inputBytes) throws IOException {
        return collect(file, inputBytes, false);
    }

    private static List<String> collect(Path file, long inputBytes, boolean everyLoad) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int hash = line.indexOf('#');
            String body = (hash < 0 ? line : line.substring(0, hash)).trim();
            Matcher small = SMALL.matcher(body);
            if (small.matches()) {
                if (inputBytes >= Long.parseLong(small.group(1)))
                    continue;
                body = small.group(2);
            } else if (!everyLoad) {
                continue;
            }
            for (String word : body.trim().split("\\s+"))
                if (!word.isEmpty()) out.add(word);
        }
        return out;
    }
}
