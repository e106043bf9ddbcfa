package org.w3id.chipgraph.reason;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.vocabulary.RDF;
import org.w3id.chipgraph.Chipgraph;

/**
 * Rules 70-meets-criterion and 71-criterion-undetermined in Java, with SPARQL's semantics:
 * each OPTIONAL value is one row (a criterion or product with two values of a threshold or
 * spec gives two rows), a comparison that cannot be made (not two numbers) is an error that
 * fails its FILTER, and a product meets a criterion when some row passes every FILTER.
 * Thresholds bear on one spec each (TPP, performance density, interconnect, DRAM bandwidth),
 * so the rows can be checked spec by spec. {@link FastMaterializer} uses it only while the
 * rule files have the hashes {@link FastMaterializer#KNOWN} gives.
 */
final class CriterionRules {
    private CriterionRules() {}

    enum Cmp { GE, LT, LE }

    record Threshold(Node property, int spec, Cmp cmp) {}

    static Node cg(String local) { return NodeFactory.createURI(Chipgraph.NS + local); }

    static final Node CRITERION = cg("criterion"), PRODUCT = cg("Product"), CHIP = cg("Chip"),
            MEETS = cg("meetsCriterion"), UNDETERMINED = cg("criterionUndetermined");
    /** The specs a threshold is tested against, in rule order: tpp, pd, ic, bw. */
    static final Node[] SPECS = {cg("tpp"), cg("performanceDensity"), cg("interconnectBandwidthGBps"), cg("memoryBandwidthGBps")};
    static final Threshold[] THRESHOLDS = {
            new Threshold(cg("tppAtLeast"), 0, Cmp.GE), new Threshold(cg("tppBelow"), 0, Cmp.LT), new Threshold(cg("tppAtMost"), 0, Cmp.LE),
            new Threshold(cg("performanceDensityAtLeast"), 1, Cmp.GE), new Threshold(cg("performanceDensityBelow"), 1, Cmp.LT),
            new Threshold(cg("interconnectAtLeastGBps"), 2, Cmp.GE),
            new Threshold(cg("dramBandwidthBelowGBps"), 3, Cmp.LT), new Threshold(cg("dramBandwidthAtLeastGBps"), 3, Cmp.GE),
            new Threshold(cg("dramBandwidthAtMostGBps"), 3, Cmp.LE)};

    /** The triples rule 70 ({@code meets}) or 71 constructs over {@code g}. */
    static List<Triple> run(Graph g, boolean meets) {
        Set<Node> criteria = new LinkedHashSet<>();
        g.find(Node.ANY, CRITERION, Node.ANY).forEachRemaining(t -> criteria.add(t.getObject()));
        List<Node> cs = new ArrayList<>();
        List<NodeValue[][]> thresholds = new ArrayList<>();
        for (Node c : criteria) {
            NodeValue[][] tv = new NodeValue[THRESHOLDS.length][];
            boolean any = false;
            for (int i = 0; i < THRESHOLDS.length; i++) {
                tv[i] = values(g, c, THRESHOLDS[i].property());
                any |= tv[i].length > 0;
            }
            if (meets && !any)
                continue;  // FILTER(BOUND(?tppMin) || ...)
            cs.add(c);
            thresholds.add(tv);
        }
        List<Triple> out = new ArrayList<>();
        if (cs.isEmpty())
            return out;
        Set<Node> products = new LinkedHashSet<>();
        g.find(Node.ANY, RDF.type.asNode(), meets ? PRODUCT : CHIP).forEachRemaining(t -> products.add(t.getSubject()));
        NodeValue[][] sv = new NodeValue[SPECS.length][];
        for (Node p : products) {
            for (int k = 0; k < SPECS.length; k++)
                sv[k] = values(g, p, SPECS[k]);
            for (int j = 0; j < cs.size(); j++)
                if (meets ? meets(thresholds.get(j), sv) : undetermined(thresholds.get(j), sv))
                    out.add(Triple.create(p, meets ? MEETS : UNDETERMINED, cs.get(j)));
        }
        return out;
    }

    static NodeValue[] values(Graph g, Node s, Node p) {
        List<Triple> ts = g.find(s, p, Node.ANY).toList();
        NodeValue[] v = new NodeValue[ts.size()];
        for (int i = 0; i < v.length; i++) v[i] = NodeValue.makeNode(ts.get(i).getObject());
        return v;
    }

    /** Rule 70: every threshold is met (its spec known and passing), for some choice of values. */
    static boolean meets(NodeValue[][] tv, NodeValue[][] sv) {
        for (int k = 0; k < SPECS.length; k++) {
            if (sv[k].length == 0) {
                for (int i = 0; i < THRESHOLDS.length; i++)
                    if (THRESHOLDS[i].spec() == k && tv[i].length > 0) return false;
            } else if (!someValuePasses(k, tv, sv[k])) {
                return false;
            }
        }
        return true;
    }

    /** Rule 71: no known spec fails a threshold, and some threshold has no spec to test. */
    static boolean undetermined(NodeValue[][] tv, NodeValue[][] sv) {
        boolean missing = false;
        for (int k = 0; k < SPECS.length; k++) {
            if (sv[k].length == 0) {
                for (int i = 0; i < THRESHOLDS.length; i++)
                    if (THRESHOLDS[i].spec() == k && tv[i].length > 0) missing = true;
            } else if (!someValuePasses(k, tv, sv[k])) {
                return false;
            }
        }
        return missing;
    }

    /** Is there a value of spec k that passes each threshold on k (unbound, or some value of it)? */
    static boolean someValuePasses(int k, NodeValue[][] tv, NodeValue[] specValues) {
        for (NodeValue s : specValues) {
            boolean all = true;
            for (int i = 0; i < THRESHOLDS.length && all; i++) {
                if (THRESHOLDS[i].spec() != k || tv[i].length == 0) continue;
                boolean one = false;
                for (NodeValue t : tv[i])
                    if (passes(s, t, THRESHOLDS[i].cmp())) { one = true; break; }
                all = one;
            }
            if (all) return true;
        }
        return false;
    }

    /** SPARQL's >=, < and <= ; an error (values that do not compare) fails. */
    static boolean passes(NodeValue s, NodeValue t, Cmp cmp) {
        try {
            int r = NodeValue.compare(s, t);
            return switch (cmp) {
                case GE -> r == Expr.CMP_GREATER || r == Expr.CMP_EQUAL;
                case LT -> r == Expr.CMP_LESS;
                case LE -> r == Expr.CMP_LESS || r == Expr.CMP_EQUAL;
            };
        } catch (ExprEvalException e) {
            return false; // values that do not compare (a string against a number) do not meet the criterion, as in a FILTER
        }
    }
}
