package org.w3id.chipgraph.cli;

import java.nio.file.Path;

import org.w3id.chipgraph.store.VersionedStore;

import picocli.CommandLine.Option;

/** Options shared by commands that use the store and the project files. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "DIR", description = "Store directory (default: ${DEFAULT-VALUE}).",
            defaultValue = VersionedStore.DEFAULT_DIR)
    Path db;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "The chipgraph checkout holding ontology/, data/ and queries/ (default: the working directory).")
    Path project;

    VersionedStore store() { return new VersionedStore(db); }
}
