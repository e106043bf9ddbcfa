package org.w3id.chipgraph.eto;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.w3id.chipgraph.input.LoadException;

/**
 * Where the five CSV files of the ETO dataset come from: a directory, or the dataset's public
 * repository at the pinned commit (raw file URLs under {@link #DEFAULT_BASE}, or another base
 * URL serving the same file names, e.g. a mirror or a test server). Files are read whole into
 * memory before anything else happens; a download from the pinned commit is checked against
 * the SHA-256 of each file at that commit.
 */
public abstract sealed class EtoSource {
    /** The commit of github.com/georgetown-cset/eto-supply-chain the import is pinned to (2025-01-30). */
    public static final String COMMIT = "4ad9219e626bd53e70175feb44b25b03e03e0025";
    public static final String REPOSITORY = "https://github.com/georgetown-cset/eto-supply-chain";
    public static final String DEFAULT_BASE = "https://raw.githubusercontent.com/georgetown-cset/eto-supply-chain/" + COMMIT + "/data/";

    /** SHA-256 of each file at {@link #COMMIT} (the files as copied unchanged into shared/data/eto-supply-chain). */
    static final Map<String, String> SHA256 = Map.of(
            "stages.csv", "a45db2ca046228b66a19c1a457bea274b1988dd934251195f9d90d2df27f5904",
            "inputs.csv", "75f89526fcfdeb69c948b1efd2551b4c88ef24bce60bb6a3ce0c340853c6beed",
            "providers.csv", "d20be1a1e30565309bcf22649097cf4e3e605aafa473c6620de07bbea862a42a",
            "provision.csv", "4aa386a4f608492a30ed67638e0cf357f5ea7bd79d324789815813906d2647ad",
            "sequence.csv", "d72263a9a18b7101a63dc3b3a294ee40f8dfadd055140aa0439f2be780b4b9fa");

    static final long MAX_BYTES = 16L << 20;

    /** The files' contents and the name each one goes by in messages (a path or a URL). */
    public record Fetched(Map<String, String> texts, Map<String, String> names, String origin) {}

    public abstract Fetched fetch();

    /** What the load output calls this source. */
    public abstract String describe();

    public static EtoSource directory(Path dir, Function<Path, String> display) {
        return new Directory(dir, display);
    }

    /** The pinned commit's files from the public repository. */
    public static EtoSource download() {
        return download(DEFAULT_BASE);
    }

    public static EtoSource download(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return new Download(base, base.equals(DEFAULT_BASE) ? SHA256 : Map.of());
    }

    /** A download whose files must have these SHA-256 digests (tests check the check with it). */
    static EtoSource download(String baseUrl, Map<String, String> sha256) {
        return new Download(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/", sha256);
    }

    static final class Directory extends EtoSource {
        private final Path dir;
        private final Function<Path, String> display;

        Directory(Path dir, Function<Path, String> display) {
            this.dir = dir;
            this.display = display;
        }

        @Override public String describe() { return display.apply(dir); }

        @Override
        public Fetched fetch() {
            if (!Files.isDirectory(dir))
                throw new LoadException(LoadException.INPUT, display.apply(dir) + ": not a directory (the ETO dataset's data/ folder)");
            Map<String, String> texts = new LinkedHashMap<>(), names = new LinkedHashMap<>();
            for (String f : EtoDataset.FILES) {
                Path p = dir.resolve(f);
                String name = display.apply(p);
                names.put(f, name);
                if (!Files.isRegularFile(p))
                    throw new LoadException(LoadException.INPUT, name + ": missing file of the ETO dataset");
                try {
                    texts.put(f, decode(Files.readAllBytes(p), name));
                } catch (IOException e) {
                    throw new LoadException(LoadException.INPUT, name + ": cannot be read: " + e.getMessage(), e);
                }
            }
            return new Fetched(texts, names, display.apply(dir));
        }
    }

    static final class Download extends EtoSource {
        private final String base;
        private final Map<String, String> sha256;

        Download(String base, Map<String, String> sha256) {
            this.sha256 = sha256;
            URI u = URI.create(base);
            if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null)
                throw new LoadException(LoadException.INPUT, "ETO base URL '" + base + "' must be an absolute http or https URL");
            this.base = base;
        }

        boolean pinned() { return base.equals(DEFAULT_BASE); }

        @Override public String describe() {
            return pinned() ? REPOSITORY + " at " + COMMIT.substring(0, 7) + " (data/)" : base;
        }

        @Override
        public Fetched fetch() {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            Map<String, String> texts = new LinkedHashMap<>(), names = new LinkedHashMap<>();
            for (String f : EtoDataset.FILES) {
                String url = base + f;
                names.put(f, url);
                byte[] body;
                try {
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                            .header("User-Agent", "chipgraph-loader").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200)
                        throw new LoadException(LoadException.INPUT, url + ": cannot download the ETO file: HTTP " + r.statusCode());
                    body = r.body();
                } catch (IOException e) {
                    throw new LoadException(LoadException.INPUT, url + ": cannot download the ETO file: " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LoadException(LoadException.INPUT, url + ": download interrupted", e);
                }
                if (body.length > MAX_BYTES)
                    throw new LoadException(LoadException.INPUT, url + ": " + body.length + " bytes, more than an ETO file can be");
                if (sha256.containsKey(f)) {
                    String sha = sha256(body);
                    if (!sha.equals(sha256.get(f)))
                        throw new LoadException(LoadException.INPUT, url + ": SHA-256 " + sha + " is not that of " + f + " at commit "
                                + COMMIT + " (" + sha256.get(f) + "); nothing was imported");
                }
                texts.put(f, decode(body, url));
            }
            return new Fetched(texts, names, describe());
        }
    }

    static String decode(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LoadException(LoadException.INPUT, name + ": not valid UTF-8", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
