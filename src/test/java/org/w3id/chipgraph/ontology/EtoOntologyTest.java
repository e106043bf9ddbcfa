package org.w3id.chipgraph.ontology;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.w3id.chipgraph.eto.EtoStage;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.eto.EtoSource;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.junit.jupiter.api.Assumptions;

/**
 * With the ETO import (the project's fixture, and the real files when they are beside the
 * clone), the ontology and facts stay consistent for HermiT: ETO countries are countries,
 * organizations organizations, mapped entities of the right kind.
 */
class EtoOntologyTest {
    static final Path REAL = TestGraph.PROJECT.resolve("../shared/data/eto-supply-chain").normalize();

    static void assertConsistent(Path etoDir) throws Exception {
        DatasetGraph dsg = new Loader(InputFiles.in(TestGraph.PROJECT), List.of(), new PrintStream(OutputStream.nullOutputStream()))
                .withStage(EtoStage.of(EtoSource.directory(etoDir, Path::toString))).loadInMemory();
        OWLOntology ont = OwlChecks.toOwlApi(OwlChecks.ontologyAndFacts(dsg));
        Configuration conf = new Configuration();
        conf.ignoreUnsupportedDatatypes = true;
        OWLReasoner hermit = new ReasonerFactory().createReasoner(ont, conf);
        try {
            assertTrue(hermit.isConsistent(), "HermiT finds the ontology and facts with the ETO import (" + etoDir + ") inconsistent");
        } finally {
            hermit.dispose();
        }
    }

    @Test
    void consistentWithTheFixtureImport() throws Exception {
        assertConsistent(TestGraph.PROJECT.resolve("src/test/resources/eto-fixture"));
    }

    @Test
    void consistentWithTheRealImport() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REAL), REAL + " not found (the real ETO files)");
        assertConsistent(REAL);
    }
}
