package org.w3id.chipgraph.epoch;

import java.util.List;

import org.w3id.chipgraph.input.OpenDataStage;

/** The two Epoch AI stages, in the order they must run: models resolve their hardware against the chips. */
public final class EpochStages {
    public static final String MAPPING_FILE = "data/epoch-mapping.csv";

    private EpochStages() {}

    /** Both stages reading {@code source}; none when it is null (--no-epoch). */
    public static List<OpenDataStage> of(EpochSource source) {
        return source == null ? List.of() : List.of(new HardwareStage(source), new ModelsStage(source));
    }
}
