package org.w3id.chipgraph.eto;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3id.chipgraph.input.LoadException;
import java.util.TreeMap;
import java.util.TreeSet;

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

    private static final Pattern STAGE_ID = Pattern.compile("S[1-9][0-9]*");
    private static final Pattern INPUT_ID = Pattern.compile("N[1-9][0-9]*");
    private static final Pattern PROVIDER_ID = Pattern.compile("P[1-9][0-9]*");
    private static final Pattern SHARE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{3}");

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
        CsvTable stagesCsv = CsvTable.parse(names.get("stages.csv"), texts.get("stages.csv"), "stage_id", "stage_name", "description");
        CsvTable inputsCsv = CsvTable.parse(names.get("inputs.csv"), texts.get("inputs.csv"),
                "input_name", "input_id", "type", "stage_name", "stage_id", "description");
        CsvTable providersCsv = CsvTable.parse(names.get("providers.csv"), texts.get("providers.csv"),
                "provider_name", "provider_id", "provider_type", "country");
        CsvTable provisionCsv = CsvTable.parse(names.get("provision.csv"), texts.get("provision.csv"),
                "provider_name", "provider_id", "provided_name", "provided_id", "share_provided", "negligible_market_share");
        CsvTable sequenceCsv = CsvTable.parse(names.get("sequence.csv"), texts.get("sequence.csv"),
                "input_name", "input_id", "goes_into_name", "goes_into_id", "is_type_of_name", "is_type_of_id");

        Map<String, Set<String>> otherNames = new TreeMap<>();
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (CsvTable.Row r : stagesCsv.rows()) {
            String id = id(r, "stage_id", STAGE_ID, "a stage id such as S1");
            Stage s = new Stage(id, name(r, "stage_name"), r.get("description"), r.where());
            if (stages.put(id, s) != null)
                throw r.error("stage " + id + " is listed twice");
        }

        Map<String, Input> inputs = new LinkedHashMap<>();
        for (CsvTable.Row r : inputsCsv.rows()) {
            String id = id(r, "input_id", INPUT_ID, "an input id such as N20");
            String type = r.get("type");
            if (!INPUT_TYPES.contains(type))
                throw r.error("type '" + type + "' of " + id + " is not one of " + INPUT_TYPES);
            Optional<String> stage = Optional.empty();
            if (!r.get("stage_id").isEmpty()) {
                String sid = id(r, "stage_id", STAGE_ID, "a stage id such as S1");
                Stage s = stages.get(sid);
                if (s == null)
                    throw r.error("stage " + sid + " of " + id + " is not in " + stagesCsv.file());
                checkName(otherNames, r, "stage_name", s.name(), sid);
                stage = Optional.of(sid);
            }
            Input in = new Input(id, name(r, "input_name"), type, stage, r.get("description"), r.where());
            if (inputs.put(id, in) != null)
                throw r.error("input " + id + " is listed twice");
        }

        Map<String, Provider> providers = new LinkedHashMap<>();
        for (CsvTable.Row r : providersCsv.rows()) {
            String id = id(r, "provider_id", PROVIDER_ID, "a provider id such as P88");
            String type = r.get("provider_type");
            boolean country;
            if (type.equals("country")) country = true;
            else if (type.equals("organization")) country = false;
            else throw r.error("provider_type '" + type + "' of " + id + " is neither 'country' nor 'organization'");
            Optional<String> code = Optional.empty();
            String c = r.get("country");
            if (!c.isEmpty()) {
                if (!COUNTRY_CODE.matcher(c).matches())
                    throw r.error("country '" + c + "' of " + id + " is not a three-letter country code");
                code = Optional.of(c);
            } else if (!country) {
                throw r.error("organization " + id + " has no country");
            }
            Provider p = new Provider(id, name(r, "provider_name"), country, code, r.where());
            if (providers.put(id, p) != null)
                throw r.error("provider " + id + " is listed twice");
        }

        List<Provision> provisions = new ArrayList<>();
        Map<String, Provision> byPair = new LinkedHashMap<>();
        for (CsvTable.Row r : provisionCsv.rows()) {
            String pid = id(r, "provider_id", PROVIDER_ID, "a provider id such as P88");
            Provider p = providers.get(pid);
            if (p == null)
                throw r.error("provider " + pid + " is not in " + providersCsv.file());
            checkName(otherNames, r, "provider_name", p.name(), pid);
            String provided = r.get("provided_id");
            String providedName;
            if (STAGE_ID.matcher(provided).matches() && stages.containsKey(provided))
                providedName = stages.get(provided).name();
            else if (INPUT_ID.matcher(provided).matches() && inputs.containsKey(provided))
                providedName = inputs.get(provided).name();
            else
                throw r.error("provided_id '" + provided + "' is not a stage of " + stagesCsv.file() + " nor an input of " + inputsCsv.file());
            checkName(otherNames, r, "provided_name", providedName, provided);
            Optional<BigDecimal> share = Optional.empty();
            String s = r.get("share_provided");
            if (!s.isEmpty()) {
                Matcher m = SHARE.matcher(s);
                if (!m.matches())
                    throw r.error("bad share_provided '" + s + "' (want a percentage such as '47%', or nothing)");
                BigDecimal v = new BigDecimal(m.group(1));
                if (v.compareTo(BigDecimal.valueOf(100)) > 0)
                    throw r.error("share_provided '" + s + "' is over 100%");
                share = Optional.of(v);
            }
            String neg = r.get("negligible_market_share");
            if (!neg.isEmpty() && !neg.equals("negligible"))
                throw r.error("bad negligible_market_share '" + neg + "' (want 'negligible' or nothing)");
            Provision pv = new Provision(pid, provided, share, !neg.isEmpty(), r.where());
            Provision before = byPair.putIfAbsent(pid + "/" + provided, pv);
            if (before != null) {
                if (!before.sharePercent().equals(pv.sharePercent()) || before.negligible() != pv.negligible())
                    throw r.error("provider " + pid + " and " + provided + " are listed again with a different share (first at " + before.where() + ")");
            }
            provisions.add(pv);
        }

        List<Sequence> sequences = new ArrayList<>();
        for (CsvTable.Row r : sequenceCsv.rows()) {
            String id = id(r, "input_id", INPUT_ID, "an input id such as N20");
            if (!inputs.containsKey(id))
                throw r.error("input " + id + " is not in " + inputsCsv.file());
            checkName(otherNames, r, "input_name", inputs.get(id).name(), id);
            Optional<String> goesInto = ref(otherNames, r, "goes_into_id", "goes_into_name", inputs, inputsCsv.file());
            Optional<String> typeOf = ref(otherNames, r, "is_type_of_id", "is_type_of_name", inputs, inputsCsv.file());
            if (goesInto.isEmpty() && typeOf.isEmpty())
                throw r.error("neither goes_into_id nor is_type_of_id is given");
            sequences.add(new Sequence(id, goesInto, typeOf, r.where()));
        }

        Map<String, Integer> read = new LinkedHashMap<>();
        read.put("stages.csv", stagesCsv.rows().size());
        read.put("inputs.csv", inputsCsv.rows().size());
        read.put("providers.csv", providersCsv.rows().size());
        read.put("provision.csv", provisionCsv.rows().size());
        read.put("sequence.csv", sequenceCsv.rows().size());
        return new EtoDataset(List.copyOf(stages.values()), List.copyOf(inputs.values()), List.copyOf(providers.values()),
                List.copyOf(provisions), List.copyOf(sequences), read, otherNames);
    }

    private static String id(CsvTable.Row r, String column, Pattern pattern, String want) {
        String v = r.get(column);
        if (!pattern.matcher(v).matches())
            throw r.error("bad " + column + " '" + v + "' (want " + want + ")");
        return v;
    }

    private static String name(CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty())
            throw r.error("empty " + column);
        return v;
    }

    /** A name given to {@code id} elsewhere than in its own file: kept as another name if it differs. */
    private static void checkName(Map<String, Set<String>> otherNames, CsvTable.Row r, String column, String expected, String id) {
        String v = r.get(column);
        if (!v.isEmpty() && !v.equals(expected))
            otherNames.computeIfAbsent(id, k -> new TreeSet<>()).add(v);
    }

    private static Optional<String> ref(Map<String, Set<String>> otherNames, CsvTable.Row r, String idColumn, String nameColumn, Map<String, Input> inputs, String inputsFile) {
        String v = r.get(idColumn);
        if (v.isEmpty())
            return Optional.empty();
        if (!INPUT_ID.matcher(v).matches())
            throw r.error("bad " + idColumn + " '" + v + "' (want an input id such as N19)");
        if (!inputs.containsKey(v))
            throw r.error(idColumn + " " + v + " is not in " + inputsFile);
        checkName(otherNames, r, nameColumn, inputs.get(v).name(), v);
        return Optional.of(v);
    }
}
