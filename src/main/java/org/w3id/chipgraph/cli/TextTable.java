package org.w3id.chipgraph.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * A SELECT answer as a text table in the style of Jena's (| cells |, a rule under the header)
 * that fits a terminal: columns are measured in display columns (a Korean or Chinese character
 * takes two), and when the table is wider than {@code maxWidth} the widest columns are narrowed
 * and their cells cut with '…'. {@code maxWidth <= 0} keeps every cell whole.
 */
final class TextTable {
    static final int DEFAULT_WIDTH = 120;
    /** A column is never narrowed below this, nor below its header. */
    static final int MIN_COLUMN = 8;

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(RowSet rs, PrefixMapping prefixes) {
        List<Var> vars = rs.getResultVars();
        header = vars.stream().map(Var::getVarName).toList();
        while (rs.hasNext()) {
            Binding b = rs.next();
            String[] cells = new String[vars.size()];
            for (int i = 0; i < cells.length; i++) {
                Node n = b.get(vars.get(i));
                // One line a row: line breaks in a literal are shown as spaces.
                cells[i] = n == null ? "" : FmtUtils.stringForNode(n, prefixes).replaceAll("[\\r\\n\\t]+", " ");
            }
            rows.add(cells);
        }
    }

    /** Column widths that fit {@code maxWidth}: shrink the widest column one at a time. */
    int[] widths(int maxWidth) {
        int n = header.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = DisplayWidth.of(header.get(i));
            for (String[] r : rows)
                w[i] = Math.max(w[i], DisplayWidth.of(r[i]));
        }
        if (maxWidth <= 0)
            return w;
        int frame = 3 * n + 1;   // "| " before each cell, " |" closing, " | " between
        while (Arrays.stream(w).sum() + frame > maxWidth) {
            int widest = 0;
            for (int i = 1; i < n; i++)
                if (w[i] > w[widest])
                    widest = i;
            int floor = Math.max(MIN_COLUMN, DisplayWidth.of(header.get(widest)));
            if (w[widest] <= floor)
                break;   // every column at its floor: wider than asked, but still readable
            w[widest]--;
        }
        return w;
    }

    void print(PrintStream out, int maxWidth) {
        int[] w = widths(maxWidth);
        int total = Arrays.stream(w).sum() + 3 * w.length + 1;
        out.println("-".repeat(total));
        line(out, header.toArray(String[]::new), w);
        out.println("=".repeat(total));
        for (String[] r : rows)
            line(out, r, w);
        out.println("-".repeat(total));
    }

    private static void line(PrintStream out, String[] cells, int[] w) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++)
            b.append(' ').append(DisplayWidth.pad(DisplayWidth.truncate(cells[i], w[i]), w[i])).append(" |");
        out.println(b);
    }
}
