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
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.sparql.graph.GraphFactory;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
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

    /** Focus nodes validated together; one batch's report is all that is held at once. */
    static final int BATCH = 10_000;
    /** Violations described in the error; the rest are counted. */
    static final int DESCRIBED = 50;

    /** Throws a {@link LoadException} listing the violations, if there are any, over {@code all}: the ontology and every graph of {@code in} as one graph. */
    static void validate(ParsedInputs in, Graph all, String shapesFile) {
        Shapes shapes;
        try {
            shapes = Shapes.parse(withoutWarningTargets(in.shapes()));
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.INPUT, shapesFile + ": not usable as SHACL shapes: " + e.getMessage(), e);
        }
        Violations found = validateInBatches(shapes, all, BATCH, e -> describe(in, e));
        if (found.count() == 0)
            return;
        List<String> lines = found.described();
        String more = found.count() > lines.size() ? "\n  ... and " + (found.count() - lines.size()) + " more" : "";
        throw new LoadException(LoadException.VALIDATION, "SHACL validation failed (" + shapesFile + "): "
                + found.count() + " violation(s):\n  " + String.join("\n  ", lines) + more);
    }

    /**
     * What validation found: how many violations, the first {@link #DESCRIBED} described, and the
     * most report entries held at once (one batch's).
     */
    record Violations(long count, List<String> described, int largestReport) {}

    /**
     * Jena's validation (the same focus nodes per shape, the same checks per focus node, as
     * {@code ShaclValidator.validate}), run over the focus nodes of each shape in batches of
     * {@code batch}: each batch's report is read and dropped before the next, so the memory a
     * report takes stays bounded however many violations a large input has (a whole-graph
     * report holds every one). The data graph itself is shared, whole: a shape follows paths
     * from a focus node to anything, in any source's graph.
     */
    static Violations validateInBatches(Shapes shapes, Graph data, int batch, Function<ReportEntry, String> describe) {
        long count = 0;
        int largest = 0;
        List<String> described = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) {
            Iterator<Node> focus = VLib.focusNodes(data, shape).iterator();
            while (focus.hasNext()) {
                ValidationContext context = ValidationContext.create(shapes, data);
                for (int i = 0; i < batch && focus.hasNext(); i++)
                    VLib.validateShape(context, data, shape, focus.next());
                if (!context.hasViolation())
                    continue;
                ValidationReport report = context.generateReport();
                largest = Math.max(largest, report.getEntries().size());
                for (ReportEntry e : report.getEntries()) {
                    if (e.severity() != null && !e.severity().equals(Severity.Violation))
                        continue;
                    count++;
                    if (described.size() < DESCRIBED)
                        described.add(describe.apply(e));
                }
            }
        }
        return new Violations(count, List.copyOf(described), largest);
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
