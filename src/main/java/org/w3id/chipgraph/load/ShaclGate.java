package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.sparql.graph.GraphFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.w3id.chipgraph.Chipgraph;

/**
 * The quality gate: SHACL shapes (ontology/shapes.ttl) over the ontology and every fact,
 * claim and source together, before any inference. A violation names the focus node, the
 * file it was written in, the path and the shape's message.
 */
final class ShaclGate {
    private ShaclGate() {}

    /** The project's one prefix table (the prefixes users see in queries), for readable messages. */
    static final PrefixMap PREFIXES = PrefixMapFactory.create(QueryFactory.create(Chipgraph.PREFIXES + "ASK {}").getPrefixMapping());

    static final PrefixMapping PREFIX_MAPPING = PrefixMapping.Factory.create().setNsPrefixes(PREFIXES.getMapping()).lock();

    /** Throws a {@link LoadException} listing the violations, if there are any, over {@code all}: the ontology and every graph of {@code in} as one graph. */
    static void validate(ParsedInputs in, Graph all, String shapesFile) {
        Shapes shapes;
        try {
            shapes = Shapes.parse(withoutWarningTargets(in.shapes()));
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.INPUT, shapesFile + ": not usable as SHACL shapes: " + e.getMessage(), e);
        }
        ValidationReport report = ShaclValidator.get().validate(shapes, all);
        if (report.conforms())
            return;
        List<String> lines = new ArrayList<>();
        int violations = 0;
        for (ReportEntry e : report.getEntries()) {
            if (e.severity() != null && !e.severity().equals(Severity.Violation))
                continue;
            violations++;
            if (lines.size() < 50)
                lines.add(describe(in, e));
        }
        if (violations == 0)
            return;
        String more = violations > lines.size() ? "\n  ... and " + (violations - lines.size()) + " more" : "";
        throw new LoadException(LoadException.VALIDATION, "SHACL validation failed (" + shapesFile + "): "
                + violations + " violation(s):\n  " + String.join("\n  ", lines) + more);
    }

    /**
     * The shapes graph with the targets of warning-only node shapes taken away. The gate fails
     * on violations alone and reports no warning, so evaluating those shapes only cost time
     * (the Korean-label shape is a qualified-value check of every entity's labels).
     */
    static Graph withoutWarningTargets(Graph shapesGraph) {
        Node severity = SHACL.severity, warning = SHACL.Warning, info = SHACL.Info;
        Set<Node> quiet = new HashSet<>();
        Predicate<Node> belowViolation = shape -> {
            List<Node> levels = new ArrayList<>();
            shapesGraph.find(shape, severity, Node.ANY).forEachRemaining(t -> levels.add(t.getObject()));
            return !levels.isEmpty() && levels.stream().allMatch(l -> l.equals(warning) || l.equals(info));
        };
        shapesGraph.find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape).forEachRemaining(t -> {
            Node shape = t.getSubject();
            // A property shape does not take its node shape's severity: each must be below violation too.
            List<Node> properties = new ArrayList<>();
            shapesGraph.find(shape, SHACL.property, Node.ANY).forEachRemaining(p -> properties.add(p.getObject()));
            if (belowViolation.test(shape) && properties.stream().allMatch(belowViolation))
                quiet.add(shape);
        });
        if (quiet.isEmpty())
            return shapesGraph;
        Graph copy = GraphFactory.createDefaultGraph();
        Set<Node> targets = Set.of(SHACL.targetClass, SHACL.targetNode, SHACL.targetSubjectsOf, SHACL.targetObjectsOf, SHACL.target);
        shapesGraph.find().forEachRemaining(t -> {
            if (!(quiet.contains(t.getSubject()) && targets.contains(t.getPredicate())))
                copy.add(t);
        });
        copy.getPrefixMapping().setNsPrefixes(shapesGraph.getPrefixMapping());
        return copy;
    }

    private static String describe(ParsedInputs in, ReportEntry e) {
        Node focus = e.focusNode();
        StringBuilder sb = new StringBuilder();
        sb.append(fileOf(in, e)).append(": ").append(fmt(focus));
        if (e.resultPath() != null)
            sb.append(" ").append(e.resultPath().toString(new Prologue(PREFIX_MAPPING)));
        if (e.value() != null)
            sb.append(" = ").append(fmt(e.value()));
        sb.append(": ").append(e.message());
        return sb.toString();
    }

    /** The file stating the offending triple when the path is one property, else where the focus node was first written. */
    private static String fileOf(ParsedInputs in, ReportEntry e) {
        if (e.value() != null && e.resultPath() instanceof P_Link link)
            return in.fileOf(e.focusNode(), link.getNode(), e.value());
        if (e.value() != null && e.resultPath() instanceof P_Inverse inv
                && inv.getSubPath() instanceof P_Link link)
            return in.fileOf(e.value(), link.getNode(), e.focusNode());
        return in.fileOf(e.focusNode());
    }

    static String fmt(Node n) {
        return NodeFmtLib.str(n, PREFIXES);
    }
}
