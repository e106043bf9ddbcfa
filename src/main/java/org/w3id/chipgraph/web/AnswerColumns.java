package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;

/**
 * The columns an answer page shows: those with a value in at least one row. A column that is
 * empty in every row (an OPTIONAL that matched nothing on this date) says nothing to a reader;
 * the JSON and CSV answers keep every column. With no rows, every column is shown.
 */
final class AnswerColumns {
    private AnswerColumns() {}

    record Columns(List<String> shown, List<String> empty) {}

    static Columns of(RowSetRewindable rows) {
        List<String> all = NamedQueries.vars(rows);
        Set<String> filled = new LinkedHashSet<>();
        boolean any = false;
        while (rows.hasNext()) {
            Binding b = rows.next();
            any = true;
            for (String v : all)
                if (b.get(Var.alloc(v)) != null)
                    filled.add(v);
        }
        rows.reset();
        if (!any)
            return new Columns(all, List.of());
        List<String> shown = new ArrayList<>(), empty = new ArrayList<>();
        for (String v : all)
            (filled.contains(v) ? shown : empty).add(v);
        return new Columns(shown, empty);
    }
}
