package org.w3id.chipgraph.eto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.input.LoadException;

/**
 * data/eto-mapping.csv: which ETO provider, input or stage is which chipgraph entity, and why.
 * Columns {@code eto_id, eto_name, chipgraph_iri, evidence}; the IRI may be written in full or
 * as {@code id:slug}. Each ETO id and each entity appears at most once, and every row gives its
 * evidence. Checks against the ETO data and the register happen in {@link EtoImport}.
 */
public record EtoMapping(String file, List<Entry> entries) {

    public record Entry(String etoId, String etoName, String iri, String evidence, String where) {}

    public static EtoMapping empty(String file) {
        return new EtoMapping(file, List.of());
    }

    public static EtoMapping read(Path path, String display) {
        if (!Files.isRegularFile(path))
            return empty(display);
        String text;
        try {
            text = EtoSource.decode(Files.readAllBytes(path), display);
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, display + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(display, text);
    }

    public static EtoMapping parse(String display, String text) {
        CsvTable t = CsvTable.parse(display, text, "eto_id", "eto_name", "chipgraph_iri", "evidence");
        List<Entry> entries = new ArrayList<>();
        Map<String, String> seenId = new HashMap<>(), seenIri = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String id = r.get("eto_id");
            if (!id.matches("[NPS][1-9][0-9]*"))
                throw r.error("bad eto_id '" + id + "' (want an ETO id such as P88, N20 or S1)");
            String iri = expand(r, r.get("chipgraph_iri"));
            if (r.get("evidence").isEmpty())
                throw r.error("no evidence for " + id + " = <" + iri + ">: say why they are the same");
            if (r.get("eto_name").isEmpty())
                throw r.error("no eto_name for " + id);
            String before = seenId.put(id, r.where());
            if (before != null)
                throw r.error(id + " is mapped twice (also at " + before + ")");
            before = seenIri.put(iri, r.where());
            if (before != null)
                throw r.error("<" + iri + "> is mapped twice (also at " + before + ")");
            entries.add(new Entry(id, r.get("eto_name"), iri, r.get("evidence"), r.where()));
        }
        return new EtoMapping(display, List.copyOf(entries));
    }

    private static String expand(CsvTable.Row r, String v) {
        if (v.startsWith("id:") && v.length() > 3)
            return Chipgraph.ID + v.substring(3);
        if (v.startsWith(Chipgraph.ID) && v.length() > Chipgraph.ID.length())
            return v;
        throw r.error("chipgraph_iri '" + v + "' is not a chipgraph entity (want id:slug or " + Chipgraph.ID + "slug)");
    }
}
