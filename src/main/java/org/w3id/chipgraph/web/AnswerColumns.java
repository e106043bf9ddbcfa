package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns an answer page shows: those with a value in at least one row. A column that is
 * empty in every row (an OPTIONAL that matched nothing on this date) says nothing to a reader;
 * the JSON and CSV answers keep every column. With no rows, every column is shown.
 */
final class AnswerColumns {
    private AnswerColumns() {}

    /** The columns shown, the rows cut to them, and the names of the columns left out. */
    record Columns(List<String> shown, List<List<Cell>> rows, List<String> empty) {}

    static Columns of(List<String> vars, List<List<Cell>> rows) {
        if (rows.isEmpty())
            return new Columns(vars, rows, List.of());
        List<Integer> keep = new ArrayList<>();
        List<String> shown = new ArrayList<>(), empty = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            int col = i;
            boolean filled = rows.stream().anyMatch(r -> !r.get(col).text().isEmpty());
            (filled ? shown : empty).add(vars.get(i));
            if (filled)
                keep.add(i);
        }
        List<List<Cell>> cut = rows.stream().map(r -> keep.stream().map(r::get).toList()).toList();
        return new Columns(shown, cut, empty);
    }
}
