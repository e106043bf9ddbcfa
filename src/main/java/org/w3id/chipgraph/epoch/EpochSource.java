package org.w3id.chipgraph.epoch;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.w3id.chipgraph.input.ProjectFiles;

/**
 * Where the Epoch AI files are read from: the copies shipped in data/epoch-ai/ (pinned by
 * SHA-256: a changed file stops the load), or a directory holding a newer download (no pin).
 */
public record EpochSource(Path dir, boolean pinned, Function<Path, String> display) {
    public static final String SHIPPED_DIR = "data/epoch-ai";
    public static final String HARDWARE = "ml_hardware.csv", MODELS = "notable_ai_models.csv";
    /** SHA-256 of the shipped copies (see data/epoch-ai/SOURCE.txt for their origin). */
    static final Map<String, String> PINS = Map.of(
            HARDWARE, "7d691b6ecc061d36c7d1f5322508b6b1c85edb3f21def1b1ca0410c9c1c77ea9",
            MODELS, "365f2fccd7e946b2edabe1cf5bef48633f538b07fb0153acc41fac9869e3b787");

    /** The copies shipped with the project. */
    public static EpochSource shipped(ProjectFiles files) {
        return new EpochSource(files.projectDir().resolve(SHIPPED_DIR), true, files::display);
    }

    /** A newer copy in {@code dir}: read as it is, without the pin. */
    public static EpochSource directory(Path dir, Function<Path, String> display) {
        return new EpochSource(dir, false, display);
    }

    EpochFile read(String name) {
        return EpochFile.read(dir, name, pinned ? PINS.get(name) : null, display.apply(dir.resolve(name)));
    }

    String describe() {
        return display.apply(dir) + (pinned ? " (shipped copy, SHA-256 pinned)" : " (a newer copy: SHA-256 pin not checked)");
    }
}
