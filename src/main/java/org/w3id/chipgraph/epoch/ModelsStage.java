package org.w3id.chipgraph.epoch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.eto.CsvTable;
import org.w3id.chipgraph.input.ProjectFiles;
import org.w3id.chipgraph.input.StageInputs;

/**
 * Epoch AI's "Data on Notable AI Models" as a stage of the loader, after the hardware stage.
 * Each row becomes an AI model (the curated one of that name, or new), developed by its
 * organizations (comma-separated; the country list, when it has as many entries, gives each
 * one's country), released on its publication date, trained on the chips its "Training
 * hardware" names (the mapping file's spellings, then any chip's name or other name,
 * normalized), with the hardware quantity. Names that resolve to no chip are reported.
 */
public final class ModelsStage extends EpochDatasetStage {
    public static final Node GRAPH = SourceDocs.graphIri("epoch-notable-models"), SOURCE = SourceDocs.sourceIri("epoch-notable-models");
    static final String TITLE = "Data on Notable AI Models", URL = "https://epoch.ai/data/notable-ai-models";
    static final String[] COLUMNS = {"Model", "Organization", "Country (of organization)", "Publication date",
            "Training hardware", "Hardware quantity"};

    public ModelsStage(EpochSource source) {
        super(source, TITLE);
    }

    /** What the stage did: rows, models, organizations, hardware names resolved and not. */
    public record Result(int rows, int curatedModels, int trainedOn, List<String> organizationsCreated, List<String> countriesCreated,
                         Map<String, Integer> unresolvedHardware, int countriesUnpaired, long triples, List<String> throughFamily) {}

    @Override
    public void run(StageInputs in, ProjectFiles files, Consumer<String> log) {
        Result r = build(in, files);
        log.accept(String.format("read %d model rows (%d of them curated models); %d trained-on links; %d triples",
                r.rows(), r.curatedModels(), r.trainedOn(), r.triples()));
        log.accept("organizations created: " + r.organizationsCreated().size() + "; countries created (" + r.countriesCreated().size()
                + "): " + String.join(", ", r.countriesCreated()));
        log.accept(r.countriesUnpaired() + " rows list a different number of countries than organizations: their countries are not paired");
        log.accept("training-hardware names resolved to no chip (" + r.unresolvedHardware().size() + " names, "
                + r.unresolvedHardware().values().stream().mapToInt(Integer::intValue).sum() + " mentions; absent from the hardware file):");
        r.unresolvedHardware().forEach((name, n) -> log.accept("  " + name + " (" + n + ")"));
        log.accept("training-hardware names that are a variant of the chip the curated data already gives the model ("
                + r.throughFamily().size() + "; not recorded a second time): " + String.join("; ", r.throughFamily()));
    }

    public Result build(StageInputs in, ProjectFiles files) {
        Work w = new Work(source.read(EpochSource.MODELS), in, files);
        w.readRows("Publication date");
        w.countries();
        w.finish(TITLE, URL);
        return new Result(w.table.rows().size(), w.curated, w.trainedOn, List.copyOf(w.orgs.createdNames), List.copyOf(w.orgs.createdCountries),
                w.unresolved, w.unpaired, w.out.size(), List.copyOf(w.throughFamily));
    }

    /** The per-row work, with the counters of the report. */
    private static final class Work extends EpochImport {
        final Map<String, String> seen = new HashMap<>();
        final Map<Node, Map<String, Integer>> countryVotes = new LinkedHashMap<>();
        final Map<Node, String> voteWhere = new HashMap<>();
        final Map<String, Integer> unresolved = new TreeMap<>();
        final Set<Node> minted = new HashSet<>();
        final List<String> throughFamily = new ArrayList<>();
        int curated, trainedOn, unpaired;

        Work(EpochFile f, StageInputs in, ProjectFiles files) {
            super(f, COLUMNS, in, files, GRAPH, SOURCE);
        }

        @Override
        void row(CsvTable.Row r) {
            String name = Rows.required(r, "Model");
            // exact names: "DeepLabV3+" and "DeepLabV3" are two models
            String before = seen.put(name, r.where());
            if (before != null)
                throw r.error("model '" + name + "' appears twice (also at " + before + ")");
            Node model = model(r, name);
            Rows.date(r, "Publication date").ifPresent(d -> {
                if (!known.has(model, Known.cg("releasedOn")))
                    out.add(GRAPH, model, Known.cg("releasedOn"), Triples.date(d), r.where());
            });
            List<String> names = Rows.list(r, "Organization"), countries = Rows.list(r, "Country (of organization)");
            if (names.size() != countries.size())
                unpaired++;
            for (int i = 0; i < names.size(); i++) {
                Node org = orgs.organization(names.get(i), "AIDeveloper", r.where());
                if (!known.states(org, Known.cg("developerOf"), model))
                    out.add(GRAPH, org, Known.cg("developerOf"), model, r.where());
                if (names.size() == countries.size()) {
                    countryVotes.computeIfAbsent(org, k -> new LinkedHashMap<>()).merge(countries.get(i), 1, Integer::sum);
                    voteWhere.putIfAbsent(org, r.where());
                }
            }
            for (String hw : Rows.list(r, "Training hardware")) {
                Optional<Node> chip = chip(hw);
                if (chip.isEmpty()) {
                    unresolved.merge(hw, 1, Integer::sum);
                    continue;
                }
                Optional<Node> family = recordedFamily(model, chip.get());
                if (family.isPresent()) {
                    // a configuration of a chip already recorded as this model's: one chip, not two
                    throughFamily.add(r.get("Model") + ": " + hw);
                    continue;
                }
                trainedOn++;
                out.add(GRAPH, model, Known.cg("trainedOn"), chip.get(), r.where());
            }
            Rows.count(r, "Hardware quantity").ifPresent(n ->
                    out.add(GRAPH, model, Known.cg("trainingHardwareQuantity"), Triples.integer(n), r.where()));
        }

        /** The chip that {@code chip} is a variant of, when the model is already stated trained on it. */
        Optional<Node> recordedFamily(Node model, Node chip) {
            return known.objects(chip, Known.cg("variantOf")).stream()
                    .filter(f -> known.states(model, Known.cg("trainedOn"), f)).findFirst();
        }

        Node model(CsvTable.Row r, String name) {
            List<Node> same = known.named(name, "AIModel");
            if (same.size() == 1) {
                curated++;
                return same.get(0);
            }
            String slug = Known.slug(name);
            Node m = NodeFactory.createURI(Chipgraph.ID + slug);
            if (known.exists(m))
                m = NodeFactory.createURI(Chipgraph.ID + slug + "-model");
            for (int i = 2; minted.contains(m); i++)
                m = NodeFactory.createURI(Chipgraph.ID + slug + "-model-" + i);
            minted.add(m);
            if (known.exists(m))
                throw r.error("the model '" + name + "' would be <" + m.getURI() + ">, which is already an entity");
            out.add(GRAPH, m, RDF.type.asNode(), Known.cg("AIModel"), r.where());
            out.add(GRAPH, m, RDFS.label.asNode(), Triples.en(name), r.where());
            out.add(GRAPH, m, Organizations.PROV_DERIVED, SOURCE, r.where());
            return m;
        }

        Optional<Node> chip(String name) {
            Optional<EpochMapping.Entry> m = mapping.find("hardware-name", name);
            if (m.isPresent())
                return Optional.of(m.get().iri());
            List<Node> chips = known.named(name, "Chip");
            return chips.size() == 1 ? Optional.of(chips.get(0)) : Optional.empty();
        }

        /** Each organization's country: the one its rows give most often, unless it has one already. */
        void countries() {
            countryVotes.forEach((org, votes) -> {
                Graph mine = out.graphs().get(GRAPH);
                if (known.has(org, Known.cg("headquarteredIn")) || mine != null && mine.contains(org, Known.cg("headquarteredIn"), Node.ANY))
                    return;
                String best = new ArrayList<>(votes.entrySet()).stream()
                        .max((a, b) -> Integer.compare(a.getValue(), b.getValue())).orElseThrow().getKey();
                orgs.country(best, voteWhere.get(org)).ifPresent(c ->
                        out.add(GRAPH, org, Known.cg("headquarteredIn"), c, voteWhere.get(org)));
            });
        }
    }
}
