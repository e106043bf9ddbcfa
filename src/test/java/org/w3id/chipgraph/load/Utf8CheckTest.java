package org.w3id.chipgraph.load;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.input.LoadException;

/** The UTF-8 check reads a file in 1 MB chunks: a character or an error across a chunk's edge still counts right. */
class Utf8CheckTest {
    @TempDir Path tmp;

    /** Lines of Korean text (3 bytes a character) until past {@code bytes}, so characters straddle every chunk edge. */
    static ByteArrayOutputStream text(int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] line = "# 엔비디아 칩 수출 규제 a\n".getBytes(StandardCharsets.UTF_8);
        while (out.size() < bytes)
            out.writeBytes(line);
        return out;
    }

    static long lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }

    @Test
    void validTextAcrossChunkEdgesPasses() throws Exception {
        Path f = tmp.resolve("ok.ttl");
        Files.write(f, text(3 << 20).toByteArray());
        assertDoesNotThrow(() -> InputParser.checkUtf8(f, "ok.ttl"));
    }

    @Test
    void aBadByteAfterSeveralChunksIsNamedWithItsLineAndOffset() throws Exception {
        ByteArrayOutputStream out = text((2 << 20) + 12345);
        long before = lines(out);
        int offset = out.size() + 2;
        out.writeBytes("# ab".getBytes(StandardCharsets.UTF_8));
        out.write(0xC3);   // a lead byte followed by an ASCII byte: malformed
        out.writeBytes("(\n# more\n".getBytes(StandardCharsets.UTF_8));
        Path f = tmp.resolve("bad.ttl");
        Files.write(f, out.toByteArray());
        LoadException e = assertThrows(LoadException.class, () -> InputParser.checkUtf8(f, "data/bad.ttl"));
        assertEquals(LoadException.INPUT, e.exitCode());
        assertEquals("data/bad.ttl:" + (before + 1) + ": not valid UTF-8 (byte offset " + (offset + 2)
                + "); RDF files must be encoded in UTF-8", e.getMessage());
    }

    @Test
    void aTruncatedCharacterAtTheEndIsRefused() throws Exception {
        ByteArrayOutputStream out = text(1 << 20);
        out.write(0xEC);   // the first of three bytes, then the end of the file
        Path f = tmp.resolve("cut.ttl");
        Files.write(f, out.toByteArray());
        LoadException e = assertThrows(LoadException.class, () -> InputParser.checkUtf8(f, "cut.ttl"));
        assertEquals("cut.ttl:" + (lines(text(1 << 20)) + 1) + ": not valid UTF-8 (byte offset " + (out.size() - 1)
                + "); RDF files must be encoded in UTF-8", e.getMessage());
    }
}
