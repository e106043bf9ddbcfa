package org.w3id.chipgraph;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;

/**
 * The layering docs/ARCHITECTURE.md describes, pinned: a new import that breaks it fails the build.
 * <pre>
 *   cli  ->  load, serve, web  ->  store, reason, query, search, eto, epoch, link  ->  the root package, input
 * </pre>
 * A layer may use the layers below it and its own; nothing uses cli; no package cycles. The
 * benchmark harness (bench, in src/test) sits beside cli and no product class may use it.
 */
class ArchitectureTest {
    static final String BASE = "org.w3id.chipgraph";

    /** The product's classes (src/main only). */
    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    /** The layering of the packages under {@code base}. */
    static ArchRule layering(String base) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy(base + ".cli..")
                .layer("interfaces").definedBy(base + ".load..", base + ".serve..", base + ".web..")
                .layer("services").definedBy(base + ".store..", base + ".reason..", base + ".query..", base + ".search..",
                        base + ".eto..", base + ".epoch..", base + ".link..")
                .layer("model").definedBy(base, base + ".input..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("interfaces").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("services").mayOnlyBeAccessedByLayers("cli", "interfaces")
                .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "interfaces", "services");
    }

    /** No cycles between the packages directly under {@code base}. */
    static SliceRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void theLayersOnlyUseTheLayersBelowThem() {
        layering(BASE).check(PRODUCT);
    }

    @Test
    void noPackageCycles() {
        noCycles(BASE).check(PRODUCT);
    }

    @Test
    void noProductClassUsesTheBenchmarkHarness() {
        noClasses().should().dependOnClassesThat(describe("are in the benchmark harness",
                c -> c.getPackageName().startsWith(BASE + ".bench"))).check(PRODUCT);
    }

    /**
     * The rules fail on a wrong import: in the fixture (src/test/.../archfixture), a store class
     * uses a cli class (upward), and query and search use each other (a cycle).
     */
    @Test
    void aWrongImportFailsTheRules() {
        String fixture = BASE + ".archfixture";
        JavaClasses classes = new ClassFileImporter().importPackages(fixture);
        AssertionError upward = assertThrows(AssertionError.class, () -> layering(fixture).check(classes));
        assertTrue(upward.getMessage().contains("archfixture.store.ImportsUpward") && upward.getMessage().contains("archfixture.cli.FixtureCommand"),
                upward.getMessage());
        AssertionError cycle = assertThrows(AssertionError.class, () -> noCycles(fixture).check(classes));
        assertTrue(cycle.getMessage().contains("Cycle detected") && cycle.getMessage().contains("CycleA.a()> calls method <" + fixture + ".search.CycleB.b()")
                   && cycle.getMessage().contains("CycleB.back()> calls method <" + fixture + ".query.CycleA.a()"), cycle.getMessage());
    }
}
