package org.w3id.chipgraph.eto;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3id.chipgraph.eto.EtoDataset.Input;
import org.w3id.chipgraph.eto.EtoDataset.Provider;
import org.w3id.chipgraph.eto.EtoDataset.Provision;
import org.w3id.chipgraph.eto.EtoDataset.Sequence;
import org.w3id.chipgraph.eto.EtoDataset.Stage;

/**
 * Reads the five ETO files in dependency order (stages, inputs, providers, then the provision and
 * sequence rows that refer to them), so that each row's references can be checked against what
 * was read before it. One reader reads one dataset.
 */
final class EtoDatasetReader {
    private static final Pattern STAGE_ID = Pattern.compile("S[1-9][0-9]*");
    private static final Pattern INPUT_ID = Pattern.compile("N[1-9][0-9]*");
    private static final Pattern PROVIDER_ID = Pattern.compile("P[1-9][0-9]*");
    private static final Pattern SHARE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{3}");

    private final Map<String, Set<String>> otherNames = new TreeMap<>();
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, Provider> providers = new LinkedHashMap<>();
    private final List<Provision> provisions = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private CsvTable stagesCsv, inputsCsv, providersCsv;

    EtoDataset read(Map<String, String> texts, Map<String, String> names) {
        stagesCsv = CsvTable.parse(names.get("stages.csv"), texts.get("stages.csv"), "stage_id", "stage_name", "description");
        inputsCsv = CsvTable.parse(names.get("inputs.csv"), texts.get("inputs.csv"),
                "input_name", "input_id", "type", "stage_name", "stage_id", "description");
        providersCsv = CsvTable.parse(names.get("providers.csv"), texts.get("providers.csv"),
                "provider_name", "provider_id", "provider_type", "country");
        CsvTable provisionCsv = CsvTable.parse(names.get("provision.csv"), texts.get("provision.csv"),
                "provider_name", "provider_id", "provided_name", "provided_id", "share_provided", "negligible_market_share");
        CsvTable sequenceCsv = CsvTable.parse(names.get("sequence.csv"), texts.get("sequence.csv"),
                "input_name", "input_id", "goes_into_name", "goes_into_id", "is_type_of_name", "is_type_of_id");

        for (CsvTable.Row r : stagesCsv.rows()) {
            String id = id(r, "stage_id", STAGE_ID, "a stage id such as S1");
            putOnce(stages, new Stage(id, name(r, "stage_name"), r.get("description"), r.where()), id, "stage", r);
        }
        inputsCsv.rows().forEach(this::readInput);
        providersCsv.rows().forEach(this::readProvider);
        Map<String, Provision> byPair = new LinkedHashMap<>();
        provisionCsv.rows().forEach(r -> readProvision(r, byPair));
        sequenceCsv.rows().forEach(this::readSequence);

        Map<String, Integer> read = new LinkedHashMap<>();
        read.put("stages.csv", stagesCsv.rows().size());
        read.put("inputs.csv", inputsCsv.rows().size());
        read.put("providers.csv", providersCsv.rows().size());
        read.put("provision.csv", provisionCsv.rows().size());
        read.put("sequence.csv", sequenceCsv.rows().size());
        return new EtoDataset(List.copyOf(stages.values()), List.copyOf(inputs.values()), List.copyOf(providers.values()),
                List.copyOf(provisions), List.copyOf(sequences), read, otherNames);
    }

    private void readInput(CsvTable.Row r) {
        String id = id(r, "input_id", INPUT_ID, "an input id such as N20");
        String type = r.get("type");
        if (!EtoDataset.INPUT_TYPES.contains(type))
            throw r.error("type '" + type + "' of " + id + " is not one of " + EtoDataset.INPUT_TYPES);
        Optional<String> stage = Optional.empty();
        if (!r.get("stage_id").isEmpty()) {
            String sid = id(r, "stage_id", STAGE_ID, "a stage id such as S1");
            Stage s = stages.get(sid);
            if (s == null)
                throw r.error("stage " + sid + " of " + id + " is not in " + stagesCsv.file());
            checkName(r, "stage_name", s.name(), sid);
            stage = Optional.of(sid);
        }
        putOnce(inputs, new Input(id, name(r, "input_name"), type, stage, r.get("description"), r.where()), id, "input", r);
    }

    private void readProvider(CsvTable.Row r) {
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
        putOnce(providers, new Provider(id, name(r, "provider_name"), country, code, r.where()), id, "provider", r);
    }

    /** A provision row; the same provider and stage or input again must give the same share. */
    private void readProvision(CsvTable.Row r, Map<String, Provision> byPair) {
        String pid = id(r, "provider_id", PROVIDER_ID, "a provider id such as P88");
        Provider p = providers.get(pid);
        if (p == null)
            throw r.error("provider " + pid + " is not in " + providersCsv.file());
        checkName(r, "provider_name", p.name(), pid);
        String provided = r.get("provided_id");
        String providedName;
        if (STAGE_ID.matcher(provided).matches() && stages.containsKey(provided))
            providedName = stages.get(provided).name();
        else if (INPUT_ID.matcher(provided).matches() && inputs.containsKey(provided))
            providedName = inputs.get(provided).name();
        else
            throw r.error("provided_id '" + provided + "' is not a stage of " + stagesCsv.file() + " nor an input of " + inputsCsv.file());
        checkName(r, "provided_name", providedName, provided);
        Optional<BigDecimal> share = share(r);
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

    private static Optional<BigDecimal> share(CsvTable.Row r) {
        String s = r.get("share_provided");
        if (s.isEmpty())
            return Optional.empty();
        Matcher m = SHARE.matcher(s);
        if (!m.matches())
            throw r.error("bad share_provided '" + s + "' (want a percentage such as '47%', or nothing)");
        BigDecimal v = new BigDecimal(m.group(1));
        if (v.compareTo(BigDecimal.valueOf(100)) > 0)
            throw r.error("share_provided '" + s + "' is over 100%");
        return Optional.of(v);
    }

    private void readSequence(CsvTable.Row r) {
        String id = id(r, "input_id", INPUT_ID, "an input id such as N20");
        if (!inputs.containsKey(id))
            throw r.error("input " + id + " is not in " + inputsCsv.file());
        checkName(r, "input_name", inputs.get(id).name(), id);
        Optional<String> goesInto = ref(r, "goes_into_id", "goes_into_name");
        Optional<String> typeOf = ref(r, "is_type_of_id", "is_type_of_name");
        if (goesInto.isEmpty() && typeOf.isEmpty())
            throw r.error("neither goes_into_id nor is_type_of_id is given");
        sequences.add(new Sequence(id, goesInto, typeOf, r.where()));
    }

    /** An id is listed once in its own file. */
    private static <T> void putOnce(Map<String, T> byId, T value, String id, String kind, CsvTable.Row r) {
        if (byId.put(id, value) != null)
            throw r.error(kind + " " + id + " is listed twice");
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
    private void checkName(CsvTable.Row r, String column, String expected, String id) {
        String v = r.get(column);
        if (!v.isEmpty() && !v.equals(expected))
            otherNames.computeIfAbsent(id, k -> new TreeSet<>()).add(v);
    }

    /** An input named by a sequence row (goes into, is a type of), or empty when the column is. */
    private Optional<String> ref(CsvTable.Row r, String idColumn, String nameColumn) {
        String v = r.get(idColumn);
        if (v.isEmpty())
            return Optional.empty();
        if (!INPUT_ID.matcher(v).matches())
            throw r.error("bad " + idColumn + " '" + v + "' (want an input id such as N19)");
        if (!inputs.containsKey(v))
            throw r.error(idColumn + " " + v + " is not in " + inputsCsv.file());
        checkName(r, nameColumn, inputs.get(v).name(), v);
        return Optional.of(v);
    }
}
