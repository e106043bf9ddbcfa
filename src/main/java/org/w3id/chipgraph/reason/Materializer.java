package org.w3id.chipgraph.reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Applies a rule set to a fixpoint and returns only what is new: the inferred triples,
 * kept apart from the asserted ones so both stay visible. Each round runs every rule over
 * asserted + inferred-so-far and adds what is not yet known; a round that adds nothing ends it.
 */
public final class Materializer {
    /** Far more rounds than any sound rule set needs here; reaching it means a rule keeps inventing nodes. */
    static final int MAX_ROUNDS = 200;

    private final RuleSet rules;

    public Materializer(RuleSet rules) {
        this.rules = rules;
    }

    /** Counts of triples each rule contributed, in rule order, for the load report. */
    public record Result(Graph inferred, Map<String, Long> perRule, int rounds) {}

    public Result materialize(Graph asserted, Consumer<String> progress) {
        Graph work = GraphFactory.createDefaultGraph();
        asserted.find().forEachRemaining(work::add);
        Graph inferred = GraphFactory.createDefaultGraph();
        Map<String, Long> perRule = new LinkedHashMap<>();
        rules.rules().forEach(r -> perRule.put(r.name(), 0L));

        int round = 0;
        while (true) {
            round++;
            if (round > MAX_ROUNDS)
                throw new IllegalStateException("Inference did not reach a fixpoint in " + MAX_ROUNDS + " rounds");
            long addedThisRound = 0;
            for (Rule rule : rules.rules()) {
                Graph out = QueryExec.graph(work).query(rule.construct()).construct();
                List<Triple> fresh = new ArrayList<>();
                out.find().forEachRemaining(t -> {
                    // RDF allows no literal subjects; a range rule on a datatype property would make them.
                    if (!t.getSubject().isLiteral() && !work.contains(t))
                        fresh.add(t);
                });
                fresh.forEach(t -> { work.add(t); inferred.add(t); });
                perRule.merge(rule.name(), (long) fresh.size(), Long::sum);
                addedThisRound += fresh.size();
            }
            progress.accept("round " + round + ": +" + addedThisRound + " triples");
            if (addedThisRound == 0)
                return new Result(inferred, perRule, round);
        }
    }
}
