package org.w3id.chipgraph.cli;

/**
 * How many terminal columns a string takes: East Asian wide and fullwidth characters (Hangul,
 * CJK ideographs, kana, fullwidth forms; Unicode's East Asian Width W and F) take two, combining
 * marks and format characters none, everything else one. Enough to align Korean, Chinese and
 * Japanese labels in a monospaced terminal.
 */
final class DisplayWidth {
    private DisplayWidth() {}

    /** Ranges of East Asian Width W or F (UAX #11), start and end inclusive. */
    private static final int[][] WIDE = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
        {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
        {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
        {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.CONTROL || codePoint == 0x200B)
            return 0;
        for (int[] r : WIDE)
            if (codePoint >= r[0] && codePoint <= r[1])
                return 2;
        return 1;
    }

    static int of(String s) {
        return s.codePoints().map(DisplayWidth::of).sum();
    }

    /** The longest start of {@code s} that fits in {@code width} columns, ending in '…' when cut. */
    static String truncate(String s, int width) {
        if (of(s) <= width)
            return s;
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int cp : s.codePoints().toArray()) {
            int w = of(cp);
            if (used + w > width - 1)
                break;
            b.appendCodePoint(cp);
            used += w;
        }
        return b.append('…').toString();
    }

    /** {@code s} followed by spaces up to {@code width} columns. */
    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - of(s)));
    }
}
