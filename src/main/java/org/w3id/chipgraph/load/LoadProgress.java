package org.w3id.chipgraph.load;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load prints while it works ("- step", indented details, each step's seconds) and the
 * seconds per step it keeps for the load report and the benchmark. One place, so that every
 * part of the load prints the same way and no step's time is counted twice.
 */
final class LoadProgress {
    private final PrintStream out;
    /** Seconds per step, in order. */
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private String phase;
    private long phaseStart;

    LoadProgress(PrintStream out) {
        this.out = out;
    }

    PrintStream out() { return out; }

    Map<String, Double> phases() { return phases; }

    /** Forget the steps of an earlier load. */
    void restart() {
        phases.clear();
    }

    /** End the current step and start {@code what}. */
    void step(String what) {
        endStep();
        phase = what;
        phaseStart = System.nanoTime();
        out.println("- " + what);
        out.flush();
    }

    /** Seconds since the current step began. */
    double stepSeconds() {
        return (System.nanoTime() - phaseStart) / 1e9;
    }

    void endStep() {
        if (phase == null)
            return;
        double secs = stepSeconds();
        // Steps that name a count or a version are one entry for the benchmark, whatever the number.
        phases.merge(phase.replaceAll(" [0-9]+ files$", " files").replaceAll(" v-[0-9-]+$", ""), secs, Double::sum);
        out.printf("    (%.2f s)%n", secs);
        phase = null;
    }

    /** A time measured inside a step (work that ran beside another). */
    void record(String name, double seconds) {
        phases.put(name, seconds);
    }

    void detail(String fmt, Object... args) {
        out.println("    " + String.format(fmt, args));
        out.flush();
    }
}
