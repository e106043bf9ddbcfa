package org.w3id.chipgraph.web;

import java.util.Map;

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
}
