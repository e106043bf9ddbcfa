package org.w3id.chipgraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hostile-request corpus: {@code src/test/resources/hostile/*.tsv}, one request a line,
 * {@code name<TAB>method<TAB>target<TAB>content-type<TAB>body<TAB>expected-statuses}; lines starting
 * with # are comments.
 * <ul>
 * <li>target: path and query as on the wire; {@code {{listener}}} is {@code http://127.0.0.1:PORT} of
 *     a loopback listener that must see no connection, {@code {{port}}} the server's port,
 *     {@code {{repeat N TEXT}}} TEXT N times;</li>
 * <li>content-type and body: {@code -} for none; the body is literal text with the escapes
 *     {@code \n}, {@code \t}, {@code \\}, and may hold {@code {{repeat N TEXT}}};</li>
 * <li>expected-statuses: comma-separated, e.g. {@code 400,404}; {@code cut} means the status line came
 *     but the body was cut off (the connection closed before its end: the response cap).</li>
 * </ul>
 * The class of a request, for the summary, is its name up to the first {@code /} or {@code -}.
 */
record HostileCorpus(String file, int line, String name, String method, String target, String type, String body,
                     Set<String> expected) {
    static final Path DIR = Path.of("src", "test", "resources", "hostile");
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+) (.*?)\\}\\}", Pattern.DOTALL);

    static List<HostileCorpus> all() {
        List<HostileCorpus> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList())
                read(f, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void read(Path f, List<HostileCorpus> out) throws IOException {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#"))
                continue;
            String[] c = l.split("\t", -1);
            String where = f.getFileName() + ":" + (i + 1);
            if (c.length != 6)
                throw new IllegalArgumentException(where + ": 6 tab-separated columns expected, found " + c.length);
            Set<String> expected = Set.of(c[5].trim().split("\\s*,\\s*"));
            for (String s : expected)
                if (!s.equals("cut") && !s.matches("\\d{3}"))
                    throw new IllegalArgumentException(where + ": expected statuses are 3-digit codes or 'cut', not '" + s + "'");
            out.add(new HostileCorpus(f.getFileName().toString(), i + 1, c[0], c[1], c[2], c[3], c[4], expected));
        }
    }

    String requestClass() {
        String n = name;
        int cut = n.length();
        for (char sep : new char[] {'/', '-'})
            if (n.indexOf(sep) > 0)
                cut = Math.min(cut, n.indexOf(sep));
        return file.replace(".tsv", "") + ":" + n.substring(0, cut);
    }

    String target(int port, int listenerPort) {
        return repeat(target.replace("{{listener}}", "http://127.0.0.1:" + listenerPort).replace("{{port}}", Integer.toString(port)));
    }

    /** The body, or null for none. */
    String body(int port, int listenerPort) {
        if (body.equals("-"))
            return null;
        String b = body.replace("{{listener}}", "http://127.0.0.1:" + listenerPort).replace("{{port}}", Integer.toString(port));
        return repeat(unescape(b));
    }

    String contentType() {
        return type.equals("-") ? null : type;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                sb.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '\\' -> '\\';
                    default -> { i--; yield '\\'; }
                });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String repeat(String s) {
        Matcher m = REPEAT.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find())
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + name;
    }
}
