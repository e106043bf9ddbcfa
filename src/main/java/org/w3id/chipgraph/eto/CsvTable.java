package org.w3id.chipgraph.eto;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3id.chipgraph.input.LoadException;

/**
 * One CSV file read whole and checked: a header naming the required columns (in any order,
 * others allowed), then one record per row with exactly as many fields as the header. A byte
 * order mark is dropped; quoted fields may hold commas, quotes and line breaks. Every row keeps
 * the line it starts on, so that later errors can say "provision.csv:12: ...".
 */
public record CsvTable(String file, List<String> header, List<Row> rows) {

    /** One record: its fields by column name and the line it starts on (the header is line 1). */
    public record Row(String file, long line, Map<String, String> fields) {
        public String get(String column) {
            String v = fields.get(column);
            return v == null ? "" : v.strip();
        }

        public String where() { return file + ":" + line; }

        public LoadException error(String message) {
            return new LoadException(LoadException.INPUT, where() + ": " + message);
        }
    }

    /** Parse {@code text}, the content of {@code file} (a name for messages), requiring {@code columns}. */
    public static CsvTable parse(String file, String text, String... columns) {
        if (text.startsWith("\uFEFF"))
            text = text.substring(1);
        long[] lineStarts = lineStarts(text);
        List<CSVRecord> records = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : p)
                records.add(r);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new LoadException(LoadException.INPUT, file + ": not valid CSV: " + e.getMessage(), e);
        }
        if (records.isEmpty())
            throw new LoadException(LoadException.INPUT, file + ":1: empty file; the first line must name the columns");
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (String c : columns) {
            if (!header.contains(c))
                throw new LoadException(LoadException.INPUT, file + ":1: missing column '" + c + "' (the header has " + header
                        + "; wanted " + Arrays.asList(columns) + ")");
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            long line = lineOf(lineStarts, r.getCharacterPosition());
            if (r.size() == 1 && r.get(0).isBlank())
                continue;
            if (r.size() != header.size())
                throw new LoadException(LoadException.INPUT, file + ":" + line + ": " + r.size() + " field(s), the header has "
                        + header.size() + " " + header);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++)
                fields.put(header.get(i), r.get(i));
            rows.add(new Row(file, line, fields));
        }
        return new CsvTable(file, header, List.copyOf(rows));
    }

    private static long[] lineStarts(String text) {
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 0; i < text.length(); i++)
            if (text.charAt(i) == '\n')
                starts.add((long) i + 1);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** 1-based line of a character offset. */
    private static long lineOf(long[] starts, long offset) {
        int i = Arrays.binarySearch(starts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
