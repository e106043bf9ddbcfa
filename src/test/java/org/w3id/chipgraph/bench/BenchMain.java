package org.w3id.chipgraph.bench;

import org.w3id.chipgraph.cli.Main;

import picocli.CommandLine;

/**
 * {@code ./chipgraph-bench [OPTIONS] | generate ... | load-test ...}: the benchmarks and the
 * network generator, a harness beside the tests and not part of the product jar. It runs on the
 * test classpath (the launcher builds it) and uses chipgraph's exit codes.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new BenchCommand()).setCommandName("chipgraph-bench");
        System.exit(Main.execute(cl, args));
    }
}
