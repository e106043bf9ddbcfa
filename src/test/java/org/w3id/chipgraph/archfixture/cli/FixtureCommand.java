package org.w3id.chipgraph.archfixture.cli;

/** Fixture of ArchitectureTest: a top-layer class. */
public final class FixtureCommand {
    public static String name() { return "fixture"; }
}
