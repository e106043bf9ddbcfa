package org.w3id.chipgraph.epoch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.eto.CsvTable;
import org.w3id.chipgraph.input.ProjectFiles;
import org.w3id.chipgraph.input.LoadException;
import org.w3id.chipgraph.input.StageInputs;

/**
 * Epoch AI's "Data on Machine Learning Hardware" as a stage of the loader. Each row becomes a
 * chip: the curated chip it is (data/epoch-mapping.csv, or the same name), a new variant of a
 * curated chip, or a new chip. Its manufacturer designs it, its foundries fabricate it, and its
 * specs are converted to the units of the ontology (TPP = bit-OP/s / 1e12; performance density
 * = TPP / die area), so rules 70 and 71 classify it. A curated chip only gains the values it
 * does not have yet, so nothing curated is contradicted. A row with datasheet links is written
 * in a graph of its own, derived from the dataset and from each linked page.
 */
public final class HardwareStage extends EpochDatasetStage {
    public static final String GRAPH_SLUG = "epoch-ml-hardware", SOURCE_SLUG = "epoch-ml-hardware";
    public static final Node GRAPH = SourceDocs.graphIri(GRAPH_SLUG), SOURCE = SourceDocs.sourceIri(SOURCE_SLUG);
    static final String TITLE = "Data on Machine Learning Hardware", URL = "https://epoch.ai/data/machine-learning-hardware";
    static final String NAME = "Hardware name";

    /** Spec columns: ontology property, Epoch column, factor from Epoch's unit to ours. */
    record Spec(String property, String column, BigDecimal factor) {}
    static final List<Spec> SPECS = List.of(
            new Spec("tpp", "Total processing performance (bit-OP/s)", new BigDecimal("1e-12")),
            new Spec("dieAreaMM2", "Die Size (mm^2)", BigDecimal.ONE),
            new Spec("memoryCapacityGB", "Memory size per board (Byte)", new BigDecimal("1e-9")),
            new Spec("memoryBandwidthGBps", "Memory bandwidth (byte/s)", new BigDecimal("1e-9")),
            new Spec("interconnectBandwidthGBps", "Intranode bandwidth (byte/s)", new BigDecimal("1e-9")),
            new Spec("fp16DenseTFLOPS", "Tensor-FP16/BF16 performance (FLOP/s)", new BigDecimal("1e-12")),
            new Spec("fp8DenseTFLOPS", "FP8 performance (FLOP/s)", new BigDecimal("1e-12")),
            new Spec("int8DenseTOPS", "INT8 performance (OP/s)", new BigDecimal("1e-12")),
            new Spec("tdpW", "TDP (W)", BigDecimal.ONE),
            new Spec("transistorsBillion", "Transistors (millions)", new BigDecimal("1e-3")));
    static final String[] COLUMNS = {NAME, "Manufacturer", "Foundry", "Release date", "Link to datasheet", "Last modified",
            "Total processing performance (bit-OP/s)", "Die Size (mm^2)", "Memory size per board (Byte)", "Memory bandwidth (byte/s)",
            "Intranode bandwidth (byte/s)", "Tensor-FP16/BF16 performance (FLOP/s)", "FP8 performance (FLOP/s)",
            "INT8 performance (OP/s)", "TDP (W)", "Transistors (millions)"};

    public HardwareStage(EpochSource source) {
        super(source, TITLE);
    }

    /** What the stage did, for the report and the tests. */
    public record Result(int rows, int curated, int variants, int created, int datasheets, Set<String> organizationsCreated,
                         List<String> notes, long triples) {}

    @Override
    public void run(StageInputs in, ProjectFiles files, Consumer<String> log) {
        Result r = build(in, files);
        log.accept(String.format("read %d hardware rows: %d curated chips (gaps filled), %d new variants of curated chips, %d new chips; "
                + "%d rows with datasheet links (each its own source); %d triples", r.rows(), r.curated(), r.variants(), r.created(),
                r.datasheets(), r.triples()));
        log.accept("organizations created (" + r.organizationsCreated().size() + "): " + String.join(", ", r.organizationsCreated()));
        r.notes().forEach(n -> log.accept("note: " + n));
    }

    public Result build(StageInputs in, ProjectFiles files) {
        Rowwise w = new Rowwise(source.read(EpochSource.HARDWARE), in, files);
        w.readRows("Last modified", "Release date");
        w.checkMappingUsed();
        w.finish(TITLE, URL);
        return new Result(w.table.rows().size(), w.curated, w.variants, w.created, w.datasheets, w.orgs.createdNames, w.notes, w.out.size());
    }

    /** The per-row work, with the counters of the report. */
    private static final class Rowwise extends EpochImport {
        final Map<String, String> seenNames = new HashMap<>();
        final Map<Node, Set<Node>> filled = new HashMap<>();
        final Set<String> usedMappings = new HashSet<>();
        final List<String> notes = new ArrayList<>();
        int curated, variants, created, datasheets;

        Rowwise(EpochFile f, StageInputs in, ProjectFiles files) {
            super(f, COLUMNS, in, files, GRAPH, SOURCE);
        }

        @Override
        void row(CsvTable.Row r) {
            String name = Rows.required(r, NAME);
            String before = seenNames.put(Known.norm(name), r.where());
            if (before != null)
                throw r.error("hardware '" + name + "' appears twice (also at " + before + ")");
            List<String> links = Rows.urls(r, "Link to datasheet");
            Node graph = links.isEmpty() ? GRAPH : SourceDocs.graphIri(GRAPH_SLUG + "/" + Known.slug(name));
            Node chip = chip(r, name, graph);
            if (!links.isEmpty()) {
                datasheets++;
                String day = Rows.date(r, "Last modified").or(() -> Rows.date(r, "Release date")).orElse("2025-11-13");
                out.add(Chipgraph.GRAPH_SOURCES, graph, Organizations.PROV_DERIVED, SOURCE, r.where());
                for (int i = 0; i < links.size(); i++) {
                    Node src = SourceDocs.sourceIri("epoch-datasheet-" + Known.slug(name) + (i == 0 ? "" : "-" + (i + 1)));
                    SourceDocs.datasheet(out, src, name, links.get(i), day, r.where());
                    out.add(Chipgraph.GRAPH_SOURCES, graph, Organizations.PROV_DERIVED, src, r.where());
                }
            }
            makers(r, chip, graph);
            specs(r, chip, graph);
        }

        /** The chip this row is: curated (same), a new variant of a curated chip, or new. */
        Node chip(CsvTable.Row r, String name, Node graph) {
            Optional<EpochMapping.Entry> m = mapping.find("hardware", name);
            m.ifPresent(e -> usedMappings.add(e.epochName()));
            if (m.isPresent() && !known.isA(m.get().iri(), "Chip"))
                throw new LoadException(LoadException.INPUT, m.get().where() + ": <" + m.get().iri().getURI()
                        + "> is not a curated chip (row " + r.where() + " '" + name + "' is mapped to it)");
            List<Node> byName = known.named(name, "Chip");
            if (m.isPresent() && m.get().relation().equals("same") || m.isEmpty() && byName.size() == 1) {
                Node c = m.isPresent() ? m.get().iri() : byName.get(0);
                curated++;
                Organizations.altLabel(out, graph, c, name, known, r.where());
                return c;
            }
            Node c = NodeFactory.createURI(Chipgraph.ID + Known.slug(name));
            if (known.exists(c))
                throw r.error("the new chip '" + name + "' would be <" + c.getURI() + ">, which is already a curated entity: "
                        + "map the row in " + mapping.file() + " (same or variantOf)");
            out.add(graph, c, RDF.type.asNode(), Known.cg("Accelerator"), r.where());
            out.add(graph, c, RDFS.label.asNode(), Triples.en(name), r.where());
            out.add(graph, c, Organizations.PROV_DERIVED, SOURCE, r.where());
            if (m.isPresent()) {
                variants++;
                out.add(graph, c, Known.cg("variantOf"), m.get().iri(), r.where());
            } else {
                created++;
            }
            return c;
        }

        void makers(CsvTable.Row r, Node chip, Node graph) {
            String maker = r.get("Manufacturer");
            boolean hasDesigner = !isNew(chip) && known.hasSubjectFor(Known.cg("designerOf"), chip);
            if (maker.isEmpty())
                notes.add(r.where() + ": '" + r.get(NAME) + "' has no manufacturer: no designer recorded");
            else if (!hasDesigner)
                out.add(graph, orgs.organization(maker, "ChipDesigner", r.where()), Known.cg("designerOf"), chip, r.where());
            if (!isNew(chip) && known.has(chip, Known.cg("fabricatedBy")))
                return;
            for (String foundry : Rows.list(r, "Foundry")) {
                Node fo = orgs.organization(foundry, "Foundry", r.where());
                if (!known.isA(fo, "Foundry") && !orgs.isNew(fo))
                    throw r.error("foundry '" + foundry + "' is <" + fo.getURI() + ">, which is not a cg:Foundry");
                out.add(graph, chip, Known.cg("fabricatedBy"), fo, r.where());
            }
        }

        boolean isNew(Node chip) {
            return !known.exists(chip);
        }

        void specs(CsvTable.Row r, Node chip, Node graph) {
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            for (Spec s : SPECS)
                Rows.number(r, s.column()).ifPresent(d -> v.put(s.property(), d.multiply(s.factor()).round(new MathContext(12))));
            Rows.date(r, "Release date").ifPresent(d -> fill(chip, graph, "releasedOn", Triples.date(d), r.where()));
            v.forEach((p, d) -> fill(chip, graph, p, Triples.decimal(d), r.where()));
            BigDecimal tpp = v.get("tpp"), die = v.get("dieAreaMM2");
            if (tpp != null && die != null && die.signum() > 0) {
                // Rounded down to 4 decimals: a threshold of up to 4 decimals (5.92, 3.2, 1.6) is met exactly when the true value meets it.
                BigDecimal pd = tpp.divide(die, 4, RoundingMode.FLOOR);
                if (fill(chip, graph, "performanceDensity", Triples.decimal(pd), r.where()))
                    out.add(graph, chip, Known.cg("derivation"), Triples.str("PD = TPP / die area = " + tpp.toPlainString() + " / "
                            + die.stripTrailingZeros().toPlainString() + " mm2 = " + pd.toPlainString()
                            + " (rounded down; Epoch's total processing performance / 1e12 and die size)"), r.where());
            }
        }

        /** Add a value unless the chip already has one (curated, or from an earlier row). */
        boolean fill(Node chip, Node graph, String property, Node value, String where) {
            Node p = Known.cg(property);
            if (known.has(chip, p) || !filled.computeIfAbsent(chip, k -> new HashSet<>()).add(p))
                return false;
            out.add(graph, chip, p, value, where);
            return true;
        }

        void checkMappingUsed() {
            Set<String> stale = new TreeSet<>();
            for (EpochMapping.Entry e : mapping.of("hardware"))
                if (!usedMappings.contains(e.epochName()))
                    stale.add(e.where() + " '" + e.epochName() + "'");
            if (!stale.isEmpty())
                notes.add("mapping rows naming no hardware row (not applied): " + String.join(", ", stale));
        }
    }
}
