package org.w3id.chipgraph.input;

import java.nio.file.Path;

/** The project checkout as an {@link OpenDataStage} sees it (load's InputFiles implements it). */
public interface ProjectFiles {
    /** The checkout's directory (with ontology/, data/, ...), absolute. */
    Path projectDir();

    /** A path as the user knows it, for messages: relative to the project directory when inside it. */
    String display(Path p);
}
