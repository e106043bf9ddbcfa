package org.w3id.chipgraph.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.serve.AdminCredentials;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "admin-password", mixinStandardHelpOptions = true,
        description = {"Print a line for the admin password file of 'serve --admin-password-file'.",
                "The line is USER:pbkdf2-sha256$ITERATIONS$SALT$HASH. The password is asked for (twice) on a terminal,"
                + " or read as the first line of standard input with --stdin (or when there is no terminal).",
                "  ./chipgraph admin-password admin > admin.passwd && chmod 600 admin.passwd"})
final class AdminPasswordCommand implements Callable<Integer> {
    @Parameters(paramLabel = "USER", description = "The user name (no ':').")
    String user;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + AdminCredentials.DEFAULT_ITERATIONS,
            description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--stdin", description = "Read the password as the first line of standard input.")
    boolean stdin;

    @Override
    public Integer call() throws Exception {
        if (user.isEmpty() || user.contains(":"))
            throw new IllegalArgumentException("A user name is not empty and has no ':'");
        String password;
        Console console = System.console();
        if (console != null && !stdin) {
            char[] a = console.readPassword("Password for %s: ", user);
            char[] b = console.readPassword("Again: ");
            if (a == null || b == null || !Arrays.equals(a, b))
                throw new IllegalArgumentException("The two passwords differ");
            password = new String(a);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null)
                throw new IllegalArgumentException("No password on standard input");
        }
        System.out.println(user + ":" + AdminCredentials.hash(password, iterations));
        return ExitCode.OK.code;
    }
}
