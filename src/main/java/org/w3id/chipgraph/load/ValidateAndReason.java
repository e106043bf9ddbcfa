package org.w3id.chipgraph.load;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.Daemon;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.reason.DisjointUnion;
import org.w3id.chipgraph.reason.FastMaterializer;
import org.w3id.chipgraph.reason.RuleSet;

/**
 * The SHACL gate and reasoning, run side by side over one in-memory graph: both only read it
 * (reasoning writes its own), and what is computed from the inference (the what-if structures,
 * the explanations) goes on beside SHACL. Nothing is published before all are done, and a SHACL
 * failure wins.
 */
final class ValidateAndReason {
    private ValidateAndReason() {}

    /** The facts (what reasoning reads) and, beside them, the claims (which SHACL checks too). */
    private record Input(Graph facts, Graph claimsOnly) {}

    /** The inference, and what was computed from it while SHACL was still checking. */
    record Outcome<T>(FastMaterializer.Result inference, T beside) {}

    /**
     * Validate and reason side by side; once reasoning is done, {@code besideShacl} works on its
     * result while SHACL may still run. Returns when all are done; a SHACL failure wins.
     */
    static <T> Outcome<T> run(ParsedInputs in, RuleSet rules, long closureLimit, String shapesFile, LoadProgress progress,
            Function<FastMaterializer.Result, T> besideShacl) {
        progress.step("building one graph for validation and reasoning");
        Input input = input(in);

        progress.step("validating with SHACL and reasoning (in parallel)");
        CompletableFuture<Double> shacl = startShacl(in, new DisjointUnion(input.facts(), input.claimsOnly()), shapesFile);
        long tr = System.nanoTime();
        FastMaterializer.Result inference;
        T beside;
        double reasoningSecs;
        try {
            inference = new FastMaterializer(rules, closureLimit).materialize(input.facts(), msg -> {
                progress.detail("reasoning: %s", msg);
                HaltPoint.reached(HaltPoint.REASON);
            });
            reasoningSecs = (System.nanoTime() - tr) / 1e9;
            progress.detail("reasoning: %d triples inferred (%.2f s)", inference.inferred().size(), reasoningSecs);
            beside = besideShacl.apply(inference);
        } catch (RuntimeException e) {
            Daemon.join(shacl);   // a SHACL failure wins
            throw e;
        }
        if (!shacl.isDone())
            progress.step("waiting for SHACL validation");
        double shaclSecs = Daemon.join(shacl);   // its failure is the load's failure
        inference.notes().forEach(n -> progress.detail("note: %s", n));
        progress.detail("SHACL: no violation (%.2f s)", shaclSecs);
        progress.record("SHACL (its own time)", shaclSecs);
        progress.record("reasoning (its own time)", reasoningSecs);
        progress.record("dependency index (in reasoning)", inference.indexSeconds());
        return new Outcome<>(inference, beside);
    }

    /** One copy of everything as a single graph serves both SHACL and reasoning. */
    private static Input input(ParsedInputs in) {
        Graph facts = GraphFactory.createDefaultGraph();
        Graph claimsOnly = GraphFactory.createDefaultGraph();
        in.ontology().find().forEachRemaining(facts::add);
        // Claims assert nothing: they stay out of reasoning (and of the OWL checks).
        in.data().find().forEachRemaining(q -> {
            if (!Chipgraph.isClaimsGraph(q.getGraph()))
                facts.add(q.asTriple());
        });
        in.data().find().forEachRemaining(q -> {
            if (Chipgraph.isClaimsGraph(q.getGraph()) && !facts.contains(q.asTriple()))
                claimsOnly.add(q.asTriple());
        });
        return new Input(facts, claimsOnly);
    }

    /** The SHACL check on its own thread; completes with its time in seconds. */
    private static CompletableFuture<Double> startShacl(ParsedInputs in, Graph shaclView, String shapesFile) {
        return Daemon.supply("chipgraph-shacl", () -> {
            long t = System.nanoTime();
            ShaclGate.validate(in, shaclView, shapesFile);
            return (System.nanoTime() - t) / 1e9;
        });
    }
}
