package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.sparql.exec.http.QueryExecHTTP;

/**
 * The dependency neighbourhood of an entity computed by SPARQL alone, independently of the
 * server's code, to check what the picture draws: the entity, everything reachable from it in
 * 1..depth steps along dependency edges, and everything reaching it in 1..depth steps. A step
 * is an edge by a property strictly below cg:dependsOn in any graph (asserted or inferred), or
 * a cg:dependsOn stated by a source graph (the inferred cg:dependsOn is the closure, not a step).
 */
final class NeighbourhoodSparql {
    private NeighbourhoodSparql() {}

    static String step(String from, String to, int i) {
        return ("{ { GRAPH ?g%1$d { %2$s ?p%1$d %3$s } GRAPH <https://w3id.org/chipgraph/graph/ontology> { ?p%1$d rdfs:subPropertyOf+ cg:dependsOn } "
                + "FILTER(?p%1$d != cg:dependsOn) } UNION "
                + "{ GRAPH ?h%1$d { %2$s cg:dependsOn %3$s } FILTER(?h%1$d != <https://w3id.org/chipgraph/graph/inferred>) } }")
                .formatted(i, from, to);
    }

    static Set<String> nodes(String endpoint, String root, int depth) {
        List<String> branches = new ArrayList<>();
        for (boolean forward : new boolean[] {true, false}) {
            for (int len = 1; len <= depth; len++) {
                StringBuilder b = new StringBuilder("{ ");
                String prev = "<" + root + ">";
                for (int i = 1; i <= len; i++) {
                    String next = i == len ? "?n" : "?x" + i;
                    b.append(forward ? step(prev, next, i) : step(next, prev, i)).append(" ");
                    prev = next;
                }
                branches.add(b.append("FILTER(isIRI(?n)) }").toString());
            }
        }
        String q = """
                PREFIX cg: <https://w3id.org/chipgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?n WHERE { %s }""".formatted(String.join(" UNION ", branches));
        Set<String> out = new TreeSet<>();
        out.add(root);
        try (var qe = QueryExecHTTP.service(endpoint).query(q).build()) {
            qe.select().forEachRemaining(b -> out.add(b.get("n").getURI()));
        }
        return out;
    }
}
