package org.w3id.chipgraph.eto;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.w3id.chipgraph.input.LoadException;

/**
 * The five CSV files of the ETO Advanced Semiconductor Supply Chain dataset, read and checked
 * as a whole: every field in its expected form (ids "S1"/"N20"/"P88", shares "47%"), every
 * reference resolved (a provision names a known provider and a known stage or input; a
 * sequence row names known inputs), nothing contradictory. Ids decide what a row refers to;
 * where a row names a stage, input or provider differently from its own file (sequence.csv
 * says "Photoresist" for N31 "Photoresists"), the other name is kept. Any problem is a
 * {@link LoadException} naming the file and line; nothing here writes anything.
 */
public record EtoDataset(List<Stage> stages, List<Input> inputs, List<Provider> providers,
                         List<Provision> provisions, List<Sequence> sequences, Map<String, Integer> rowsRead,
                         Map<String, Set<String>> otherNames) {

    public static final List<String> FILES = List.of("stages.csv", "inputs.csv", "providers.csv", "provision.csv", "sequence.csv");
    public static final Set<String> INPUT_TYPES = Set.of("process", "tool_resource", "material_resource", "ultimate_output");

    public record Stage(String id, String name, String description, String where) {}
    public record Input(String id, String name, String type, Optional<String> stageId, String description, String where) {}
    public record Provider(String id, String name, boolean country, Optional<String> countryCode, String where) {}
    public record Provision(String providerId, String providedId, Optional<BigDecimal> sharePercent, boolean negligible, String where) {}
    public record Sequence(String inputId, Optional<String> goesInto, Optional<String> isTypeOf, String where) {}

    public Input input(String id) { return inputs.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null); }
    public Stage stage(String id) { return stages.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null); }
    public Provider provider(String id) { return providers.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null); }

    /** The name of an ETO id of any kind, or null. */
    public String nameOf(String id) {
        if (id.startsWith("S")) { Stage s = stage(id); return s == null ? null : s.name(); }
        if (id.startsWith("N")) { Input i = input(id); return i == null ? null : i.name(); }
        if (id.startsWith("P")) { Provider p = provider(id); return p == null ? null : p.name(); }
        return null;
    }

    /** Read the five files; {@code texts} maps each file name to its content, {@code names} to what messages call it. */
    public static EtoDataset read(Map<String, String> texts, Map<String, String> names) {
        for (String f : FILES)
            if (!texts.containsKey(f))
                throw new LoadException(LoadException.INPUT, names.getOrDefault(f, f) + ": missing file of the ETO dataset");
        return new EtoDatasetReader().read(texts, names);
    }
}
