package org.w3id.chipgraph.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Who may call the admin operations (the reload trigger): a password file, one {@code user:secret}
 * line per user ({@code #} comments and blank lines ignored). The secret is best a salted hash,
 * made by {@code chipgraph admin-password USER}:
 * <pre>
 * admin:pbkdf2-sha256$600000$SALT$HASH     (PBKDF2-HMAC-SHA256, iterations, Base64 salt and hash)
 * </pre>
 * A plain-text password ({@code admin:secret}) is accepted too, with a warning. Every check costs
 * one PBKDF2 (against a dummy hash for an unknown user or a plain-text password), so a failure
 * takes the same time whether the user is unknown, plain-text or hashed; comparisons are constant-time.
 */
public final class AdminCredentials {
    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16, HASH_BYTES = 32;

    private record Secret(byte[] salt, int iterations, byte[] hash, byte[] plain) {}

    private final Map<String, Secret> users;
    private final List<String> warnings;
    private final Secret dummy;

    private AdminCredentials(Map<String, Secret> users, List<String> warnings) {
        this.users = users;
        this.warnings = warnings;
        // The work of every check that has no hash of its own (an unknown user, a plain-text
        // password, an empty one): one PBKDF2 as costly as the file's hashes, so that a failure
        // takes the same time whoever it is for.
        int iterations = users.values().stream().filter(s -> s.hash() != null).mapToInt(Secret::iterations).max()
                .orElse(DEFAULT_ITERATIONS);
        this.dummy = new Secret(new byte[SALT_BYTES], iterations, new byte[HASH_BYTES], null);
    }

    /** Read a password file; a malformed line is refused with its number. */
    public static AdminCredentials read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the admin password file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Secret> users = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
                continue;
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1)
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": want 'user:password' or 'user:" + SCHEME + "$...'");
            String user = line.substring(0, colon), secret = line.substring(colon + 1);
            if (secret.startsWith(SCHEME + "$")) {
                users.put(user, parseHash(secret, file + ":" + (i + 1)));
            } else {
                users.put(user, new Secret(null, 0, null, secret.getBytes(StandardCharsets.UTF_8)));
                warnings.add(file + ":" + (i + 1) + ": the password of '" + user + "' is stored in plain text;"
                        + " store a hash instead (chipgraph admin-password " + user + ")");
            }
        }
        if (users.isEmpty())
            throw new IllegalArgumentException(file + ": no 'user:password' line");
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ))
                warnings.add(file + ": readable by other users; chmod 600 it");
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
        return new AdminCredentials(users, List.copyOf(warnings));
    }

    private static Secret parseHash(String secret, String where) {
        String[] f = secret.split("\\$");
        try {
            if (f.length != 4)
                throw new IllegalArgumentException("want 4 fields");
            int iterations = Integer.parseInt(f[1]);
            byte[] salt = Base64.getDecoder().decode(f[2]), hash = Base64.getDecoder().decode(f[3]);
            if (iterations < 1 || salt.length < 8 || hash.length < 16)
                throw new IllegalArgumentException("iterations, salt or hash too small");
            return new Secret(salt, iterations, hash, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not a " + SCHEME + "$ITERATIONS$SALT$HASH secret (" + e.getMessage() + ")");
        }
    }

    /** Things the operator should fix (plain-text passwords, a file others can read). */
    public List<String> warnings() { return warnings; }

    /** Whether {@code password} is the password of {@code user}; every answer costs one PBKDF2. */
    public boolean check(String user, String password) {
        Secret s = users.get(user);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        boolean hashed = s != null && s.hash() != null;
        Secret work = hashed ? s : dummy;
        boolean hashMatch = MessageDigest.isEqual(pbkdf2(given.length == 0 ? new byte[1] : given, work.salt(), work.iterations(),
                work.hash().length), work.hash());
        if (s == null || given.length == 0)
            return false;
        return hashed ? hashMatch : MessageDigest.isEqual(sha256(given), sha256(s.plain()));
    }

    /** A password file line's secret: PBKDF2-HMAC-SHA256 with a fresh random salt. */
    public static String hash(String password, int iterations) {
        if (password.isEmpty())
            throw new IllegalArgumentException("An empty password is not a password");
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt, iterations, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int bytes) {
        char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bytes * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
