package org.w3id.chipgraph.archfixture.store;

import org.w3id.chipgraph.archfixture.cli.FixtureCommand;

/** Fixture of ArchitectureTest: a lower-layer class importing upward, which the layering must refuse. */
public final class ImportsUpward {
    public static String wrong() { return FixtureCommand.name(); }
}
