package org.w3id.chipgraph.input;

import java.util.function.Consumer;

/**
 * A stage of the loader that imports an open dataset (ETO's supply chain, Epoch AI's hardware
 * and models) into named graphs of the parsed inputs. It runs after the files are parsed and
 * before any check: its graphs then pass the same provenance check, SHACL gate and reasoning as
 * every other graph, so a bad row stops the whole load and nothing is half-imported. A stage
 * throws {@link LoadException} (exit code 2, naming file and line) for a malformed row.
 * It lives below the loader so that the stages (eto, epoch) need not import it.
 */
public interface OpenDataStage {
    /** What is imported and from where, for the load output ("the ETO supply-chain dataset from DIR"). */
    String describe();

    /** Read, check and reconcile the dataset; add its graphs to {@code in}; report through {@code log}. */
    void run(StageInputs in, ProjectFiles files, Consumer<String> log);
}
