package org.w3id.chipgraph.ontology;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.chipgraph.TestGraph;
import org.apache.jena.query.ResultSet;

/** Each ontology/qc/*-violation.rq is a check: any row it returns over the loaded graph fails the build. */
class QualityChecksTest {

    @TestFactory
    Stream<DynamicTest> noQualityCheckFindsAViolation() throws IOException {
        Path dir = TestGraph.PROJECT.resolve("ontology/qc");
        List<Path> checks = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith("-violation.rq")).sorted().forEach(checks::add);
        }
        assertFalse(checks.isEmpty(), "no QC checks in " + dir);
        return checks.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Query q = QueryFactory.read(p.toString());
            var dsg = TestGraph.dataset();
            RowSetRewindable rows = Txn.calculateRead(dsg, () -> {
                try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
                    return qe.select().rewindable();
                }
            });
            if (rows.size() > 0) {
                rows.reset();
                fail(p.getFileName() + " found " + rows.size() + " violation(s):\n"
                     + ResultSetFormatter.asText(ResultSet.adapt(rows)));
            }
        }));
    }
}
