package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.store.VersionedStore;
import java.io.UncheckedIOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;

/**
 * Random damage to the good data files: every run must either load a valid store or be refused
 * with a {@link LoadException} whose message names a rule, and a refused run must leave the store
 * byte for byte as it was. Never another exception.
 *
 * <p>Short by default (fixed seed, a few dozen runs); longer with
 * {@code -Dchipgraph.fuzz.runs=1000 -Dchipgraph.fuzz.seed=7}.
 */
class FuzzLoadTest {
    static final int RUNS = Integer.getInteger("chipgraph.fuzz.runs", 30);
    static final long SEED = Long.getLong("chipgraph.fuzz.seed", 42L);

    /** What a refusal's message must name: one of the rules the loader enforces. */
    static final List<String> RULES = List.of("syntax error", "not valid UTF-8", "empty file", "SHACL validation failed",
            "Integrity checks failed", "has no source", "outside any GRAPH block", "is reserved for the loader",
            "is not described as a cg:SourceDocument", "cannot be read");

    @TempDir Path tmp;

    @Test
    void randomDamageIsLoadedOrRefusedByARuleNeverAnythingElse() throws IOException {
        Path project = ProjectCopy.into(tmp.resolve("project"));
        VersionedStore store = new VersionedStore(tmp.resolve("db"));
        load(project, store);
        List<Path> targets;
        try (Stream<Path> s = Files.list(project.resolve("data"))) {
            targets = s.filter(p -> p.toString().endsWith(".trig") || p.toString().endsWith(".ttl")).sorted().toList();
        }
        Random random = new Random(SEED);
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        String hash = fingerprint(store.root());
        for (int run = 0; run < RUNS; run++) {
            Path file = targets.get(random.nextInt(targets.size()));
            byte[] original = Files.readAllBytes(file);
            Mutation m = mutate(original, random);
            String where = "run " + run + " (seed " + SEED + "): " + m.what() + " in " + project.relativize(file);
            if (sameData(file, original, m.bytes())) {
                // A comment or blank line changed: the load would be the one already published.
                outcomes.merge("same data (not loaded)", 1, Integer::sum);
                continue;
            }
            Files.write(file, m.bytes());
            long t0 = System.nanoTime();
            try {
                LoadReport r = load(project, store);
                assertEquals(r.version(), store.currentVersion().orElseThrow(), where);
                DatasetGraph dsg = store.openCurrent();
                try {
                    assertEquals(r.total(), (long) Txn.calculateRead(dsg, () -> dsg.stream().count()), where + ": the published store");
                } finally {
                    TDBInternal.expel(dsg);
                }
                hash = fingerprint(store.root());
                outcomes.merge("loaded", 1, Integer::sum);
            } catch (LoadException e) {
                String rule = RULES.stream().filter(e.getMessage()::contains).findFirst().orElse(null);
                assertNotNull(rule, where + ": the refusal names no rule: " + e.getMessage());
                assertTrue(e.exitCode() == LoadException.INPUT || e.exitCode() == LoadException.VALIDATION,
                        where + ": exit code " + e.exitCode() + ": " + e.getMessage());
                assertEquals(hash, fingerprint(store.root()), where + ": a refused load changed the store");
                outcomes.merge(rule, 1, Integer::sum);
            } catch (RuntimeException | Error e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                fail(where + ": not a LoadException: " + trace);
            } finally {
                Files.write(file, original);
                if (Boolean.getBoolean("chipgraph.fuzz.verbose"))
                    System.out.printf("%s: %d ms%n", where, (System.nanoTime() - t0) / 1_000_000);
            }
        }
        System.out.println("fuzz: " + RUNS + " runs, seed " + SEED + ": " + outcomes);
    }

    /**
     * Every file's name, size and modification time, and the bytes of the small ones (the pointer,
     * TDB2's root files): any write changes it. Cheaper than {@link ProjectCopy#treeHash} over the
     * sparse 200 MB of each TDB2 version, which this test would read twice a run.
     */
    static String fingerprint(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                var attrs = Files.readAttributes(p, BasicFileAttributes.class);
                md.update((root.relativize(p) + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                if (attrs.size() < 1 << 16)
                    md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether both texts parse, to the same quads (checked without the loader: a few milliseconds). */
    static boolean sameData(Path file, byte[] a, byte[] b) {
        try {
            return IsoMatcher.isomorphic(parse(file, a), parse(file, b));
        } catch (RuntimeException e) {
            // Either text does not parse: not the same data, which is all this asks.
            return false;
        }
    }

    static DatasetGraph parse(Path file, byte[] bytes) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(new String(bytes, StandardCharsets.UTF_8),
                file.toString().endsWith(".ttl") ? Lang.TURTLE : Lang.TRIG).parse(dsg);
        // Invalid UTF-8 decodes to replacement characters: not the same bytes, so not the same data.
        if (!Arrays.equals(bytes, new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)))
            throw new IllegalArgumentException("not UTF-8");
        return dsg;
    }

    static LoadReport load(Path project, VersionedStore store) {
        return new Loader(InputFiles.in(project), List.of(), new PrintStream(new ByteArrayOutputStream(), true)).load(store);
    }

    record Mutation(String what, byte[] bytes) {}

    static final String TOKENS = ".;,<>\"'{}[]()@^_:#\\ \n\tx0-é한";

    static Mutation mutate(byte[] in, Random r) {
        String text = new String(in, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        int kind = r.nextInt(10);
        switch (kind) {
            case 0 -> {
                int at = r.nextInt(text.length()), len = 1 + r.nextInt(20);
                return utf8("delete " + len + " chars at " + at, text.substring(0, at) + text.substring(Math.min(text.length(), at + len)));
            }
            case 1 -> {
                int at = r.nextInt(text.length() + 1);
                char c = TOKENS.charAt(r.nextInt(TOKENS.length()));
                return utf8("insert '" + c + "' at " + at, text.substring(0, at) + c + text.substring(at));
            }
            case 2 -> {
                int i = r.nextInt(lines.size());
                lines.add(i, lines.get(i));
                return utf8("duplicate line " + (i + 1), String.join("\n", lines));
            }
            case 3 -> {
                int i = r.nextInt(lines.size());
                lines.remove(i);
                return utf8("delete line " + (i + 1), String.join("\n", lines));
            }
            case 4 -> {
                int i = r.nextInt(lines.size()), j = r.nextInt(lines.size());
                String a = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, a);
                return utf8("swap lines " + (i + 1) + " and " + (j + 1), String.join("\n", lines));
            }
            case 5 -> {
                // Rename one id: or cg: name: a dangling reference, an unknown term, or an undeclared subject.
                var m = Pattern.compile("\\b(id|cg):([A-Za-z][A-Za-z0-9-]*)").matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find())
                    spans.add(new int[] {m.start(2), m.end(2)});
                if (spans.isEmpty())
                    return utf8("no change", text);
                int[] s = spans.get(r.nextInt(spans.size()));
                return utf8("rename '" + text.substring(s[0], s[1]) + "' at " + s[0], text.substring(0, s[0]) + text.substring(s[0], s[1]) + "x" + text.substring(s[1]));
            }
            case 6 -> {
                int at = r.nextInt(in.length + 1);
                return new Mutation("truncate at byte " + at, Arrays.copyOf(in, at));
            }
            case 7 -> {
                byte[] out = in.clone();
                int at = r.nextInt(out.length);
                out[at] = (byte) (out[at] ^ (1 << r.nextInt(8)));
                return new Mutation("flip a bit of byte " + at, out);
            }
            case 8 -> {
                // A number made negative or huge.
                var m = Pattern.compile("\\b\\d+(\\.\\d+)?\\b").matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find())
                    spans.add(new int[] {m.start(), m.end()});
                if (spans.isEmpty())
                    return utf8("no change", text);
                int[] s = spans.get(r.nextInt(spans.size()));
                String repl = r.nextBoolean() ? "-" + text.substring(s[0], s[1]) : "9".repeat(40);
                return utf8("number '" + text.substring(s[0], s[1]) + "' -> '" + repl + "'", text.substring(0, s[0]) + repl + text.substring(s[1]));
            }
            default -> {
                // A language tag changed: a second label in one language, or a label in none we know.
                var m = Pattern.compile("\"@(en|ko|zh)\\b").matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find())
                    spans.add(new int[] {m.start(1), m.end(1)});
                if (spans.isEmpty())
                    return utf8("no change", text);
                int[] s = spans.get(r.nextInt(spans.size()));
                String tag = List.of("en", "ko", "zh", "xx-yy").get(r.nextInt(4));
                return utf8("language tag @" + text.substring(s[0], s[1]) + " -> @" + tag, text.substring(0, s[0]) + tag + text.substring(s[1]));
            }
        }
    }

    static Mutation utf8(String what, String text) {
        return new Mutation(what, text.getBytes(StandardCharsets.UTF_8));
    }
}
