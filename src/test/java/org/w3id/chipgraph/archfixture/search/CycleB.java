package org.w3id.chipgraph.archfixture.search;

import org.w3id.chipgraph.archfixture.query.CycleA;

/** Fixture of ArchitectureTest: the other half of a package cycle (search -> query). */
public final class CycleB {
    public static int b() { return 1; }
    public static int back() { return CycleA.a(); }
}
