package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.input.LoadException;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.store.VersionedStore;

/** A running server keeps serving its store when a load fails, and follows the pointer when a load succeeds. */
class ReloadTest {
    @TempDir Path tmp;

    static final String ASK_NEW = "ASK { <https://w3id.org/chipgraph/id/test-new-chip> ?p ?o }";

    @Test
    void badLoadLeavesTheServedStoreAndAGoodLoadIsPickedUp() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
        new Loader(InputFiles.in(project), List.of(), quiet).load(store);

        ServerOptions options = new ServerOptions(0, Duration.ofSeconds(5), true);
        FusekiServer server = ChipgraphServer.build(store.openCurrent(), options);
        server.start();
        StoreFollower follower = new StoreFollower(store, store.currentVersion().orElseThrow(), server, options, quiet);
        String endpoint = "http://localhost:" + server.getHttpPort() + "/chipgraph/sparql";
        try {
            String servedHash = ProjectCopy.treeHash(store.locationOf(follower.servedVersion()));
            Path broken = project.resolve("data/zz-broken.trig");
            Files.writeString(broken, "this is not TriG\n");
            assertThrows(LoadException.class, () -> new Loader(InputFiles.in(project), List.of(), quiet).load(store));
            follower.check();
            assertFalse(ask(endpoint), "still the old graph");
            assertEquals(servedHash, ProjectCopy.treeHash(store.locationOf(follower.servedVersion())));

            Files.delete(broken);
            Files.writeString(project.resolve("data/zz-new.trig"), """
                    @prefix cg: <https://w3id.org/chipgraph/ontology#> .
                    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                    <https://w3id.org/chipgraph/graph/register> {
                      <https://w3id.org/chipgraph/id/test-new-chip> a cg:Accelerator ; rdfs:label "New chip"@en, "새 칩"@ko .
                    }
                    """);
            String before = follower.servedVersion();
            new Loader(InputFiles.in(project), List.of(), quiet).load(store);
            follower.check();
            assertNotEquals(before, follower.servedVersion());
            assertTrue(ask(endpoint), "the server answers from the new version");
        } finally {
            follower.close();
            server.stop();
        }
    }

    static boolean ask(String endpoint) {
        try (var qe = QueryExecHTTP.service(endpoint).query(ASK_NEW).build()) {
            return qe.ask();
        }
    }
}
