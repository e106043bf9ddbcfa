package org.w3id.chipgraph.web;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;

/**
 * Renders the pages' jte templates (src/main/jte). They are compiled to Java with the rest of
 * the code, so a template that names a missing parameter fails the build; every {@code ${...}}
 * is HTML-escaped for its context unless the template says {@code $unsafe}. This is the one
 * escaping path of the pages.
 */
public final class Templates {
    // Stateless: holds only the compiled template classes, never data.
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** The page {@code name}.jte with its parameters, as a string. */
    public static String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(name + ".jte", params, new Escaping(out));
        return out.toString();
    }

    /**
     * jte's context-aware escaping, which in element text escapes {@code & < >}; here the
     * apostrophe too ({@code &#39;}), as in attributes, so that text from the graph is escaped
     * the same wherever a template puts it.
     */
    private static final class Escaping extends OwaspHtmlTemplateOutput {
        private final TemplateOutput out;
        private String tag, attribute;

        Escaping(TemplateOutput out) {
            super(out);
            this.out = out;
        }

        @Override
        public void setContext(String tagName, String attributeName) {
            this.tag = tagName;
            this.attribute = attributeName;
            super.setContext(tagName, attributeName);
        }

        @Override
        public void writeUserContent(String value) {
            if (value == null || attribute != null || "script".equals(tag) || "style".equals(tag) || value.indexOf('\'') < 0) {
                super.writeUserContent(value);
                return;
            }
            int start = 0;
            for (int i = value.indexOf('\''); i >= 0; i = value.indexOf('\'', start)) {
                super.writeUserContent(value.substring(start, i));
                out.writeContent("&#39;");
                start = i + 1;
            }
            super.writeUserContent(value.substring(start));
        }
    }
}
