package org.w3id.chipgraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.chipgraph.serve.AdminCredentials;
import org.w3id.chipgraph.serve.ReloadServlet;
import org.w3id.chipgraph.serve.ResourceLimits;
import org.w3id.chipgraph.serve.SecurityOptions;
import org.w3id.chipgraph.serve.ServerOptions;

import picocli.CommandLine.Option;

/** The options of {@code serve} for its limits, the admin login and HTTPS (see README, Security). */
final class SecurityArgs {
    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + SecurityOptions.DEFAULT_MAX_ROWS,
            description = "Most rows a query answers (default: ${DEFAULT-VALUE}); a capped answer has the header Chipgraph-Row-Cap.")
    long maxRows;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ResourceLimits.DEFAULT_MAX_BODY,
            description = "Largest request body, on every route (default: ${DEFAULT-VALUE}); larger ones get 413.")
    long maxBody;

    @Option(names = "--max-response-bytes", paramLabel = "BYTES", defaultValue = "" + ResourceLimits.DEFAULT_MAX_RESPONSE,
            description = {"Largest response body (default: ${DEFAULT-VALUE}): a larger CONSTRUCT or DESCRIBE answer gets 422,"
                    + " a SELECT answer is cut off there (the connection closes before the end of the body).",
                    "It applies to every response: keep it above 6 MB, the size of the UI's largest file."})
    long maxResponseBytes;

    @Option(names = "--max-string", paramLabel = "CHARS", defaultValue = "" + ResourceLimits.DEFAULT_MAX_STRING,
            description = {"Longest string a query may build (default: ${DEFAULT-VALUE}): one GROUP_CONCAT over all its groups,"
                    + " or one CONCAT, REPLACE, ENCODE_FOR_URI, UCASE, LCASE or function result; past it 422."})
    long maxString;

    @Option(names = "--admin-password-file", paramLabel = "FILE", description = {
            "Enable POST /$/reload with HTTP Basic against FILE: lines 'user:HASH' (make one with"
            + " 'chipgraph admin-password USER') or 'user:password'. Without it the trigger is off (404)."})
    Path adminPasswordFile;

    @Option(names = "--https-port", paramLabel = "PORT", defaultValue = "3443", description = "HTTPS port, with --https-conf (default: ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--https-conf", paramLabel = "FILE", description = {
            "Serve HTTPS too, with Fuseki's HTTPS file: {\"keystore\": \"KEYSTORE\", \"passwd\": \"PASSWORD\"}"
            + " (the keystore path relative to FILE)."})
    Path httpsConf;

    SecurityOptions options() {
        SecurityOptions s = SecurityOptions.defaults().withMaxRows(maxRows)
                .withLimits(new ResourceLimits(maxBody, maxResponseBytes, maxString));
        if (adminPasswordFile != null)
            s = s.withAdmin(AdminCredentials.read(adminPasswordFile));
        if (httpsConf != null)
            s = s.withHttps(httpsPort, httpsConf);
        return s;
    }

    void describe(ServerOptions options, FusekiServer server, PrintStream out) {
        SecurityOptions s = options.security();
        if (s.https())
            out.println("  HTTPS:           https://localhost:" + server.getHttpsPort() + "/");
        ResourceLimits l = s.limits();
        out.println("  Limits:          queries time out after " + options.queryTimeout().toSeconds() + " s; at most " + s.maxRows() + " rows, "
                + l.maxResponseBytes() + " response bytes, " + l.maxStringChars() + "-character strings; request bodies up to " + l.maxBodyBytes() + " bytes");
        if (s.admin() != null) {
            out.println("  Reload trigger:  POST " + ReloadServlet.PATH + " (HTTP Basic, users of " + adminPasswordFile + ")");
            s.admin().warnings().forEach(w -> out.println("  WARNING: " + w));
        } else {
            out.println("  Reload trigger:  off (--admin-password-file to enable)");
        }
    }
}
