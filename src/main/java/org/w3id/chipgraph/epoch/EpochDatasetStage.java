package org.w3id.chipgraph.epoch;

import org.w3id.chipgraph.input.OpenDataStage;

/** A loader stage importing one Epoch AI dataset (its title, as Epoch names it) from a source of Epoch files. */
abstract class EpochDatasetStage implements OpenDataStage {
    final EpochSource source;
    private final String title;

    EpochDatasetStage(EpochSource source, String title) {
        this.source = source;
        this.title = title;
    }

    @Override
    public String describe() {
        return "Epoch AI's " + title + " from " + source.describe();
    }
}
