package org.w3id.chipgraph.epoch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.w3id.chipgraph.input.LoadException;

/**
 * One Epoch AI CSV file as read: its text, its SHA-256 and whether it is the copy shipped in
 * data/epoch-ai/ (checked against the pin) or a newer one from a directory (pin skipped).
 */
public record EpochFile(String name, String text, String sha256, boolean pinned) {

    /**
     * Read {@code name} from {@code dir}. With {@code pin} non-null, the file must hash to it:
     * the shipped copy was changed (or damaged) otherwise, and the load stops.
     */
    public static EpochFile read(Path dir, String name, String pin, String display) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p))
            throw new LoadException(LoadException.INPUT, display + ": missing file (Epoch AI dataset)");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, display + ": cannot be read: " + e.getMessage(), e);
        }
        String sha = sha256(bytes);
        if (pin != null && !pin.equals(sha))
            throw new LoadException(LoadException.INPUT, display + ": SHA-256 " + sha + " is not the pinned " + pin
                    + ": the shipped copy was changed. Restore it (git checkout " + display + "), or load a newer copy with"
                    + " 'load --epoch DIR' (which skips the pin), or leave the Epoch datasets out with --no-epoch");
        return new EpochFile(display, decode(bytes, display), sha, pin != null);
    }

    static String decode(byte[] bytes, String display) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new LoadException(LoadException.INPUT, display + ": not UTF-8 (" + e.getMessage() + ")", e);
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
