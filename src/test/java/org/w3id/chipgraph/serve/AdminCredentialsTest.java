package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin password file: salted PBKDF2 hashes (or plain text, with a warning), malformed lines refused. */
class AdminCredentialsTest {
    @TempDir Path tmp;

    Path file(String text) throws Exception {
        Path f = tmp.resolve("admin.passwd");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void aHashedPasswordChecksAndIsSaltedAndNotStoredInClear() throws Exception {
        String h1 = AdminCredentials.hash("correct horse", 1000), h2 = AdminCredentials.hash("correct horse", 1000);
        assertTrue(h1.startsWith("pbkdf2-sha256$1000$"), h1);
        assertNotEquals(h1, h2, "a fresh salt each time");
        assertFalse(h1.contains("correct"));
        AdminCredentials c = AdminCredentials.read(file("# admins\n\nadmin:" + h1 + "\n"));
        assertTrue(c.check("admin", "correct horse"));
        assertFalse(c.check("admin", "correct horse "));
        assertFalse(c.check("admin", ""));
        assertFalse(c.check("root", "correct horse"), "an unknown user");
        assertEquals(0, c.warnings().size(), c.warnings().toString());
    }

    @Test
    void aPlainTextPasswordWorksWithAWarningAndSoDoesAFileOthersCanRead() throws Exception {
        Path f = file("ops:let-me-in\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        AdminCredentials c = AdminCredentials.read(f);
        assertTrue(c.check("ops", "let-me-in"));
        assertFalse(c.check("ops", "let-me-out"));
        assertEquals(2, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).contains("plain text"), c.warnings().toString());
        assertTrue(c.warnings().get(1).contains("chmod 600"), c.warnings().toString());
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> AdminCredentials.read(file("# x\nadmin\n")));
        assertTrue(e.getMessage().endsWith("admin.passwd:2: want 'user:password' or 'user:pbkdf2-sha256$...'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AdminCredentials.read(file("admin:pbkdf2-sha256$x$y\n")));
        assertTrue(e.getMessage().contains("admin.passwd:1: not a pbkdf2-sha256$ITERATIONS$SALT$HASH secret"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AdminCredentials.read(file("# nobody\n")));
        assertTrue(e.getMessage().endsWith("no 'user:password' line"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.hash("", 1000));
    }
}
