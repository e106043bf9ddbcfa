package org.w3id.chipgraph.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.w3id.chipgraph.eto.EtoSource;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.input.LoadException;

import picocli.CommandLine.Option;

/**
 * Where the loader takes the ETO supply-chain dataset from: {@code --eto DIR}, {@code --eto}
 * alone (download the pinned commit), or, when neither is given, {@code load.eto} in the
 * project's {@code chipgraph.properties} (a directory relative to the project, or "download").
 */
final class EtoOptions {
    static final String DOWNLOAD = "download";
    static final String CONFIG_FILE = "chipgraph.properties";

    @Option(names = "--eto", arity = "0..1", paramLabel = "DIR", fallbackValue = DOWNLOAD, description = {
            "Also import the ETO supply-chain dataset (CC BY-NC 4.0) into graph/eto: the five CSV files in DIR,"
            + " or, with no DIR, downloaded from github.com/georgetown-cset/eto-supply-chain at commit " + "4ad9219 (checked by SHA-256).",
            "Default: load.eto in chipgraph.properties, if any."})
    String eto;

    @Option(names = "--eto-base-url", paramLabel = "URL",
            description = "Download the ETO files from URL (a mirror) instead of the pinned commit's raw files.")
    String baseUrl;

    /** The source to import, or null for no ETO import. */
    EtoSource source(Path project) {
        InputFiles files = InputFiles.in(project);
        String spec = eto;
        String base = baseUrl;
        Path relativeTo = Path.of("").toAbsolutePath();
        if (spec == null) {
            Properties config = config(files.projectDir());
            spec = config.getProperty("load.eto");
            if (base == null)
                base = config.getProperty("load.eto.base-url");
            relativeTo = files.projectDir();
        }
        if (spec == null || spec.isBlank())
            return base == null ? null : EtoSource.download(base);
        if (spec.strip().equals(DOWNLOAD))
            return base == null ? EtoSource.download() : EtoSource.download(base);
        return EtoSource.directory(relativeTo.resolve(spec.strip()).normalize(), files::display);
    }

    static Properties config(Path projectDir) {
        Properties p = new Properties();
        Path f = projectDir.resolve(CONFIG_FILE);
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new LoadException(LoadException.INPUT, CONFIG_FILE + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return p;
    }
}
