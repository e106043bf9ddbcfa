package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the pages' jte templates (src/main/jte). They are compiled to Java with the rest of
 * the code, so a template that names a missing parameter fails the build; every {@code ${...}}
 * is HTML-escaped for its context unless the template says {@code $unsafe}.
 */
public final class Templates {
    // Stateless: holds only the compiled template classes, never data.
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** The page {@code name}.jte with its parameters, as a string. */
    public static String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(name + ".jte", params, out);
        return out.toString();
    }

    /** Writes the page as an HTML response with the given status. */
    static void send(HttpServletResponse resp, int status, String name, Map<String, Object> params) throws IOException {
        Served.html(resp, status, render(name, params));
    }
}
