package org.w3id.chipgraph.ontology;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.apache.jena.rdf.model.Resource;

/**
 * Every class and property of our namespace is used by at least one query of queries/ (the
 * FIBO rule: a term no competency question needs should not be in the ontology). SPARQL cannot
 * read the query files, so this check is a test: it parses each queries/*.rq with Jena's
 * QueryFactory, walks its algebra (triple patterns, property paths, VALUES, expressions and
 * the patterns inside EXISTS), collects the IRIs of our namespace, and compares them with the
 * classes and properties ontology/chipgraph.ttl declares.
 */
class TermsUsedByQueriesTest {

    /**
     * Terms no query needs to name, because the graph uses them only through the inference
     * rules or the SHACL shapes. Keep this short: every entry says why.
     */
    static final Map<String, String> USED_ONLY_BY_RULES_OR_SHAPES = Map.of(
            // Empty: every term is named by some query. The inverse properties cg:dependencyOf
            // and cg:designedBy, which only the 40-inverse rule produces, are used by
            // dependents.rq and chips-by-designer.rq. Add an entry here only for a term that the
            // graph uses through the rules or the shapes alone, with the reason as its value.
            );

    static final List<Resource> DECLARATIONS = List.of(
            OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty);

    @Test
    void everyClassAndPropertyIsUsedByAQuery() throws IOException {
        Set<String> declared = declaredTerms();
        assertTrue(declared.size() > 100, "read only " + declared.size() + " terms from the ontology");
        Map<String, Set<String>> usedBy = termsUsedByQueries();
        Set<String> unused = new TreeSet<>(declared);
        unused.removeAll(usedBy.keySet());
        unused.removeAll(USED_ONLY_BY_RULES_OR_SHAPES.keySet());
        assertTrue(unused.isEmpty(), unused.size() + " ontology term(s) used by no query in queries/ "
                + "(write a query that needs them, or drop them): " + unused);
    }

    @Test
    void theExclusionListNamesOnlyDeclaredTermsThatNoQueryUses() throws IOException {
        Set<String> declared = declaredTerms();
        Map<String, Set<String>> usedBy = termsUsedByQueries();
        for (String t : USED_ONLY_BY_RULES_OR_SHAPES.keySet()) {
            assertTrue(declared.contains(t), "excluded term cg:" + t + " is not declared");
            assertFalse(usedBy.containsKey(t), "cg:" + t + " is used by " + usedBy.get(t) + ": remove it from the exclusion list");
        }
    }

    @Test
    void theWalkerFindsTermsInPathsValuesAndExists() {
        Query q = QueryFactory.create("""
                PREFIX cg: <https://w3id.org/chipgraph/ontology#>
                SELECT * WHERE {
                  ?a cg:designerOf/cg:fabricatedBy ?b .
                  VALUES ?k { cg:Foundry }
                  FILTER NOT EXISTS { ?b a cg:MemoryMaker }
                  BIND(cg:tpp AS ?p)
                }""");
        assertEquals(Set.of("designerOf", "fabricatedBy", "Foundry", "MemoryMaker", "tpp"), termsOf(q));
    }

    static Set<String> declaredTerms() {
        Model m = RDFDataMgr.loadModel(TestGraph.PROJECT.resolve("ontology/chipgraph.ttl").toString());
        Set<String> out = new TreeSet<>();
        for (var kind : DECLARATIONS)
            m.listSubjectsWithProperty(RDF.type, kind).forEachRemaining(r -> {
                if (r.isURIResource() && r.getURI().startsWith(Chipgraph.NS))
                    out.add(r.getURI().substring(Chipgraph.NS.length()));
            });
        return out;
    }

    /** Local name of each term of our namespace, with the queries that use it. */
    static Map<String, Set<String>> termsUsedByQueries() throws IOException {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        try (Stream<Path> s = Files.list(TestGraph.PROJECT.resolve("queries"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                Query q = QueryFactory.read(p.toString());
                for (String t : termsOf(q))
                    usedBy.computeIfAbsent(t, k -> new TreeSet<>()).add(p.getFileName().toString());
            }
        }
        return usedBy;
    }

    static Set<String> termsOf(Query q) {
        Set<String> out = new TreeSet<>();
        Walker.walk(Algebra.compile(q), new OpVisitorBase() {
            @Override public void visit(OpBGP op) { op.getPattern().forEach(t -> triple(t, out)); }
            @Override public void visit(OpTriple op) { triple(op.getTriple(), out); }
            @Override public void visit(OpQuadPattern op) {
                node(op.getGraphNode(), out);
                op.getBasicPattern().forEach(t -> triple(t, out));
            }
            @Override public void visit(OpPath op) {
                TriplePath tp = op.getTriplePath();
                node(tp.getSubject(), out);
                node(tp.getObject(), out);
                path(tp.getPath(), out);
            }
            @Override public void visit(OpGraph op) { node(op.getNode(), out); }
            @Override public void visit(OpTable op) {
                op.getTable().rows().forEachRemaining(b -> b.vars().forEachRemaining((Var v) -> node(b.get(v), out)));
            }
        }, new ExprVisitorBase() {
            @Override public void visit(NodeValue nv) { node(nv.asNode(), out); }
        });
        return out;
    }

    static void triple(Triple t, Set<String> out) {
        node(t.getSubject(), out);
        node(t.getPredicate(), out);
        node(t.getObject(), out);
    }

    static void path(org.apache.jena.sparql.path.Path p, Set<String> out) {
        if (p instanceof P_Link l) node(l.getNode(), out);
        else if (p instanceof P_ReverseLink r) node(r.getNode(), out);
        else if (p instanceof P_NegPropSet n) { n.getFwdNodes().forEach(x -> node(x, out)); n.getBwdNodes().forEach(x -> node(x, out)); }
        else if (p instanceof P_Path1 p1) path(p1.getSubPath(), out);
        else if (p instanceof P_Path2 p2) { path(p2.getLeft(), out); path(p2.getRight(), out); }
    }

    static void node(Node n, Set<String> out) {
        if (n != null && n.isURI() && n.getURI().startsWith(Chipgraph.NS))
            out.add(n.getURI().substring(Chipgraph.NS.length()));
    }

}
