package org.w3id.chipgraph.archfixture.query;

import org.w3id.chipgraph.archfixture.search.CycleB;

/** Fixture of ArchitectureTest: half of a package cycle (query -> search). */
public final class CycleA {
    public static int a() { return CycleB.b() + 1; }
}
