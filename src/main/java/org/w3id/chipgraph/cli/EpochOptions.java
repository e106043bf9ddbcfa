package org.w3id.chipgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.w3id.chipgraph.epoch.EpochSource;
import org.w3id.chipgraph.epoch.EpochStages;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.input.LoadException;
import org.w3id.chipgraph.input.OpenDataStage;

import picocli.CommandLine.Option;

/**
 * The Epoch AI datasets (hardware, notable models): loaded by default from the copies shipped in
 * data/epoch-ai/ (SHA-256 pinned); {@code --epoch DIR} loads a newer copy instead (pin not
 * checked), {@code --no-epoch} leaves them out.
 */
final class EpochOptions {
    @Option(names = "--epoch", paramLabel = "DIR", description = {
            "Load the Epoch AI datasets (CC BY 4.0) from DIR, a newer copy of ml_hardware.csv and notable_ai_models.csv"
            + " (their SHA-256 pin is not checked). Default: the copies shipped in data/epoch-ai/, pinned by SHA-256."})
    Path dir;

    @Option(names = "--no-epoch", description = "Leave the Epoch AI datasets out (curated data only).")
    boolean none;

    /** The stages to run: none with --no-epoch. */
    List<OpenDataStage> stages(Path project) {
        if (none && dir != null)
            throw new LoadException(LoadException.INPUT, "--epoch and --no-epoch contradict each other: give one");
        if (none)
            return List.of();
        InputFiles files = InputFiles.in(project);
        if (dir == null)
            return EpochStages.of(EpochSource.shipped(files));
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d))
            throw new LoadException(LoadException.INPUT, "--epoch " + dir + ": not a directory");
        System.out.println("note: --epoch " + dir + ": loading a newer copy of the Epoch AI datasets; their SHA-256 pin is not checked");
        return EpochStages.of(EpochSource.directory(d, files::display));
    }
}
