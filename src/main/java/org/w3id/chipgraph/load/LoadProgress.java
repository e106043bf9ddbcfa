package org.w3id.chipgraph.load;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.w3id.chipgraph.Daemon;

/**
 * What a load prints while it works ("- step", indented details, each step's seconds) and the
 * seconds per step it keeps for the load report and the benchmark. One place, so that every
 * part of the load prints the same way and no step's time is counted twice.
 */
final class LoadProgress {
    private final PrintStream out;
    /** Seconds per step, in order. */
    private final Map<String, Double> phases = new LinkedHashMap<>();
    /** Peak heap in use per step, in bytes (the largest of a step's parts when a name repeats). */
    private final Map<String, Long> peakHeap = new LinkedHashMap<>();
    /** The most heap in use seen since the current step began (sampled; see {@link #sampleHeap}). */
    private static final AtomicLong STEP_PEAK = new AtomicLong();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    static {
        Daemon.start("chipgraph-heap-sampler", LoadProgress::sampleHeap);
    }
    private String phase;
    private long phaseStart;

    LoadProgress(PrintStream out) {
        this.out = out;
    }

    PrintStream out() { return out; }

    Map<String, Double> phases() { return phases; }

    Map<String, Long> peakHeap() { return peakHeap; }

    /** Forget the steps of an earlier load. */
    void restart() {
        phases.clear();
        peakHeap.clear();
    }

    /** End the current step and start {@code what}. */
    void step(String what) {
        endStep();
        phase = what;
        STEP_PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
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
        String name = phase.replaceAll(" [0-9]+ files$", " files").replaceAll(" v-[0-9-]+$", "");
        phases.merge(name, secs, Double::sum);
        long peak = stepPeakHeap();
        peakHeap.merge(name, peak, Math::max);
        out.printf("    (%.2f s, peak heap %,d MB)%n", secs, peak >> 20);
        phase = null;
    }

    /**
     * The most heap in use since the step began, garbage not yet collected included, sampled
     * every 10 ms (the heap pools' own peaks, summed, overstate it: each pool peaks at another moment).
     */
    private static long stepPeakHeap() {
        return STEP_PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    }

    private static void sampleHeap() {
        while (true) {
            STEP_PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
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
