package org.w3id.chipgraph.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalization that both labels and queries go through, so that they compare as
 * people read them: NFKC (full-width "Ｈ２００" is "H200", compatibility ideographs fold),
 * case folded, and runs of white space collapsed to one space.
 */
public final class LabelText {
    private LabelText() {}

    public static String normalize(String s) {
        if (s == null)
            return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        // Upper then lower approximates Unicode case folding (e.g. German ß -> SS -> ss, Greek final sigma).
        n = n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return n.strip().replaceAll("\\s+", " ");
    }
}
