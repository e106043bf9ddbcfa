package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The SERVICE allow-list, decided from the IRI's text alone. Addresses such as 10.0.0.1 appear
 * here only as strings: every refusal happens before anything is called, which the recording
 * transport (standing in for HTTP) proves for the execution-time wall.
 */
class ServicePolicyTest {
    static final String FIXTURE = "http://127.0.0.1:3999/wd/sparql";

    /** Stands in for HTTP: records the URL of every call that got through, and answers with no data. */
    static final class Recorder implements ServiceExecutor {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        @Override
        public org.apache.jena.sparql.engine.QueryIterator createExecution(org.apache.jena.sparql.algebra.op.OpService opExecute,
                org.apache.jena.sparql.algebra.op.OpService original, org.apache.jena.sparql.engine.binding.Binding binding,
                org.apache.jena.sparql.engine.ExecutionContext execCxt) {
            calls.add(opExecute.getService().getURI());
            return QueryIterSingleton.create(binding, execCxt);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "http://127.0.0.1:3030/chipgraph/sparql | 127.0.0.1 is a loopback address (127.0.0.0/8)",
            "http://127.0.0.1:3999/wd/sparql        | 127.0.0.1 is a loopback address (127.0.0.0/8)",
            "http://10.0.0.1/sparql                 | 10.0.0.1 is a private address (10.0.0.0/8)",
            "http://172.16.5.4:8080/sparql          | 172.16.5.4 is a private address (172.16.0.0/12)",
            "http://172.31.255.255/                 | 172.31.255.255 is a private address (172.16.0.0/12)",
            "http://192.168.1.1/sparql              | 192.168.1.1 is a private address (192.168.0.0/16)",
            "http://169.254.169.254/latest/meta-data/ | 169.254.169.254 is a link-local address (169.254.0.0/16)",
            "http://0.0.0.0:3030/                   | 0.0.0.0 is a 'this network' address",
            "http://[fe80::1]/sparql                | [fe80::1] is a link-local address (fe80::/10)",
            "http://[::1]:3030/chipgraph/sparql     | [::1] is the IPv6 loopback address",
            "http://[fd00::1]/                      | unique local (private) address (fc00::/7)",
            "http://[::ffff:10.0.0.1]/              | maps 10.0.0.1 is a private address (10.0.0.0/8)",
            "http://localhost:3030/chipgraph/sparql | 'localhost' is a loopback host name",
            "http://LOCALHOST./sparql               | 'localhost' is a loopback host name",
            "http://wd.localhost/sparql             | 'wd.localhost' is a loopback host name",
            "http://2130706433/                     | written in a non-standard form",
            "http://0x7f.1/                         | written in a non-standard form",
            "http://127.1/                          | written in a non-standard form",
            "http://010.0.0.1/                      | not a plain dotted-decimal address",
            "http://metadata/computeMetadata/v1/    | 'metadata' is a local network name",
            "http://printer.local/                  | 'printer.local' is a local network name",
            "file:///etc/passwd                     | the scheme 'file:' is not allowed (only http and https endpoints)",
            "ftp://ftp.example.org/data             | the scheme 'ftp:' is not allowed",
            "jar:file:/tmp/x.jar!/a                 | the scheme 'jar:' is not allowed",
            "https://user@query.wikidata.org/sparql | user information in an endpoint IRI is not allowed",
            "https://query.wikidata.org/sparql/     | 'query.wikidata.org' is not an endpoint on this server's allow-list",
            "http://query.wikidata.org/sparql       | 'query.wikidata.org' is not an endpoint on this server's allow-list",
            "https://dbpedia.org/sparql             | 'dbpedia.org' is not an endpoint on this server's allow-list",
            "http://172.32.0.1/sparql               | '172.32.0.1' is not an endpoint on this server's allow-list",
    })
    void aRefusedIriNamesTheRuleItBreaks(String iri, String rule) {
        ServicePolicy policy = ServicePolicy.of(Map.of(ServicePolicy.WIKIDATA, FIXTURE));
        ServiceRefusedException e = assertThrows(ServiceRefusedException.class, () -> policy.resolve(iri));
        assertEquals(iri, e.iri());
        assertTrue(e.rule().contains(rule), e.rule());
        assertTrue(e.getMessage().startsWith("SERVICE <" + iri + "> is refused: "), e.getMessage());
        assertTrue(e.getMessage().contains("<" + ServicePolicy.WIKIDATA + ">"), "the message names what is allowed: " + e.getMessage());
    }

    @Test
    void wikidataIsAllowedByDefaultAndTheMapChoosesWhereItGoes() {
        assertEquals(ServicePolicy.WIKIDATA, ServicePolicy.defaults().resolve(ServicePolicy.WIKIDATA));
        ServicePolicy mapped = ServicePolicy.of(Map.of(ServicePolicy.WIKIDATA, FIXTURE));
        assertEquals(FIXTURE, mapped.resolve(ServicePolicy.WIKIDATA));
        // The mapped target is reached through its IRI only, never named directly.
        assertThrows(ServiceRefusedException.class, () -> mapped.resolve(FIXTURE));
    }

    @Test
    void aBadServiceMapIsRefusedAtStartup() {
        var e = assertThrows(IllegalArgumentException.class, () -> ServicePolicy.of(Map.of(ServicePolicy.WIKIDATA, "file:///tmp/wd.ttl")));
        assertTrue(e.getMessage().contains("must be an absolute http or https URL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServicePolicy.of(Map.of("wikidata", FIXTURE)));
    }

    @Test
    void theStaticCheckFindsEveryServiceInTheQuery() {
        ServicePolicy policy = ServicePolicy.defaults();
        String wd = "SERVICE <" + ServicePolicy.WIKIDATA + "> { ?s ?p ?o }";
        policy.checkQuery(QueryFactory.create("SELECT * { " + wd + " }"));
        for (String where : List.of(
                "{ SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }",
                "{ ?s ?p ?o OPTIONAL { SERVICE <http://10.0.0.1/sparql> { ?s ?q ?v } } }",
                "{ ?s ?p ?o FILTER EXISTS { SERVICE <http://10.0.0.1/sparql> { ?s ?q ?v } } }",
                "{ ?s ?p ?o FILTER NOT EXISTS { SERVICE SILENT <http://10.0.0.1/sparql> { ?s ?q ?v } } }",
                "{ { SELECT ?s { SERVICE <http://10.0.0.1/sparql> { ?s ?q ?v } } } }",
                "{ " + wd + " { ?s ?p ?o } UNION { SERVICE <http://10.0.0.1/sparql> { ?s ?q ?v } } }",
                "{ BIND(<http://10.0.0.1/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }")) {
            var q = QueryFactory.create("SELECT * " + where);
            ServiceRefusedException e = assertThrows(ServiceRefusedException.class, () -> policy.checkQuery(q), where);
            assertTrue(e.getMessage().contains("10.0.0.1") || e.getMessage().contains("variable"), e.getMessage());
        }
    }

    @Test
    void atExecutionARefusedServiceIsNeverCalledAndAnAllowedOneGoesToItsMappedUrl() {
        Recorder recorder = new Recorder();
        ServicePolicy policy = ServicePolicy.of(Map.of(ServicePolicy.WIKIDATA, FIXTURE)).withTransport(recorder);
        var dsg = DatasetGraphFactory.createTxnMem();
        // The second wall on its own: no static check, the query goes straight to execution.
        for (String iri : List.of("http://10.0.0.1/sparql", "http://169.254.169.254/", "http://127.0.0.1:3999/wd/sparql", "file:///etc/passwd")) {
            Context cxt = new Context();
            policy.install(cxt);
            try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT * { SERVICE <" + iri + "> { ?s ?p ?o } }").context(cxt).build()) {
                ServiceRefusedException e = assertThrows(ServiceRefusedException.class, () -> qe.select().materialize());
                assertEquals(iri, e.iri());
            }
        }
        // A variable endpoint bound at run time is checked too.
        Context cxt = new Context();
        policy.install(cxt);
        try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT * { BIND(<http://10.0.0.1/x> AS ?e) SERVICE ?e { ?s ?p ?o } }").context(cxt).build()) {
            assertThrows(ServiceRefusedException.class, () -> qe.select().materialize());
        }
        assertEquals(List.of(), recorder.calls, "a refused SERVICE must not reach the transport");

        Context ok = new Context();
        policy.install(ok);
        try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT * { SERVICE <" + ServicePolicy.WIKIDATA + "> { ?s ?p ?o } }").context(ok).build()) {
            qe.select().materialize();
        }
        assertEquals(List.of(FIXTURE), recorder.calls, "the allowed IRI is sent to its mapped URL");
    }
}
