package org.w3id.chipgraph.epoch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.eto.CsvTable;
import org.w3id.chipgraph.input.LoadException;

/**
 * data/epoch-mapping.csv: the matches between Epoch AI's names and chipgraph entities that the
 * loader would not find by name alone, each with its evidence. Columns
 * {@code kind, epoch_name, chipgraph_iri, relation, country, label_zh, evidence}:
 * <ul>
 * <li>{@code hardware}: a row of ml_hardware.csv is the curated chip ({@code same}) or a new
 *     chip that is a variant of it ({@code variantOf});</li>
 * <li>{@code hardware-name}: a spelling in "Training hardware" of notable_ai_models.csv names
 *     this chip ({@code same});</li>
 * <li>{@code organization}: a manufacturer or model organization is this existing organization
 *     ({@code same}) or a new one with this IRI ({@code new}), optionally with its country (an
 *     {@code id:} IRI) and Chinese name;</li>
 * <li>{@code country}: a country name of the models file is this country ({@code same}), or a
 *     new one ({@code new}).</li>
 * </ul>
 */
record EpochMapping(String file, List<Entry> entries) {

    record Entry(String kind, String epochName, Node iri, String relation, Optional<Node> country,
                 String labelZh, String where) {}

    static final List<String> KINDS = List.of("hardware", "hardware-name", "organization", "country");

    static EpochMapping read(Path path, String display) {
        if (!Files.isRegularFile(path))
            return new EpochMapping(display, List.of());
        try {
            return parse(display, EpochFile.decode(Files.readAllBytes(path), display));
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, display + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static EpochMapping parse(String display, String text) {
        CsvTable t = CsvTable.parse(display, text, "kind", "epoch_name", "chipgraph_iri", "relation", "country", "label_zh", "evidence");
        List<Entry> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String kind = r.get("kind");
            if (!KINDS.contains(kind))
                throw r.error("bad kind '" + kind + "' (want one of " + KINDS + ")");
            String rel = r.get("relation");
            List<String> allowed = switch (kind) {
                case "hardware" -> List.of("same", "variantOf");
                case "hardware-name" -> List.of("same");
                default -> List.of("same", "new");
            };
            if (!allowed.contains(rel))
                throw r.error("bad relation '" + rel + "' for kind " + kind + " (want one of " + allowed + ")");
            if (r.get("epoch_name").isEmpty())
                throw r.error("no epoch_name");
            if (r.get("evidence").isEmpty())
                throw r.error("no evidence for '" + r.get("epoch_name") + "': say why they are the same");
            String before = seen.put(kind + "\t" + r.get("epoch_name"), r.where());
            if (before != null)
                throw r.error(kind + " '" + r.get("epoch_name") + "' is mapped twice (also at " + before + ")");
            Optional<Node> country = r.get("country").isEmpty() ? Optional.empty() : Optional.of(iri(r, r.get("country")));
            out.add(new Entry(kind, r.get("epoch_name"), iri(r, r.get("chipgraph_iri")), rel, country, r.get("label_zh"), r.where()));
        }
        return new EpochMapping(display, List.copyOf(out));
    }

    Optional<Entry> find(String kind, String epochName) {
        return entries.stream().filter(e -> e.kind().equals(kind) && e.epochName().equals(epochName)).findFirst();
    }

    List<Entry> of(String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private static Node iri(CsvTable.Row r, String v) {
        if (v.startsWith("id:") && v.length() > 3 && v.substring(3).matches("[a-z0-9][a-z0-9.-]*"))
            return NodeFactory.createURI(Chipgraph.ID + v.substring(3));
        throw r.error("'" + v + "' is not a chipgraph entity (want id:slug, e.g. id:h100)");
    }
}
