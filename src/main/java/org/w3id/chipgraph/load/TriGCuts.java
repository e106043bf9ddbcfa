package org.w3id.chipgraph.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Where a large TriG file can be cut so that its pieces parse side by side (issue 17: one parser
 * thread was the limit of the load's parse, with the second core mostly idle).
 *
 * <p>A cut is the start of a line that follows the {@code }} closing a graph block at the top
 * level, found by a lexical scan that knows comments, IRIs, strings (short and long, both quotes)
 * and escapes. A piece after a cut is parsed with the file's {@code @prefix}/{@code @base}
 * directives seen before the cut, written in front of it. The scan gives up, and the file is
 * parsed whole, on anything it does not follow exactly: blank node labels (their scope is the
 * whole file), triple terms, annotations, a {@code VERSION} directive, a line break in a short
 * string, unbalanced braces. Cutting only changes which thread parses which statements: every
 * statement still comes out once and in file order, and the loader re-parses a cut file whole
 * to report any error it finds (so errors name the same line as before).
 */
final class TriGCuts {
    /** A piece of a file: bytes [start, end), parsed after {@code directives}. */
    record Piece(long start, long end, byte[] directives) {
        InputStream open(Path file) throws IOException {
            FileChannel ch = FileChannel.open(file);
            ch.position(start);
            InputStream body = BoundedInputStream.builder().setInputStream(Channels.newInputStream(ch)).setMaxCount(end - start).get();
            return directives.length == 0 ? body : new SequenceInputStream(new ByteArrayInputStream(directives), body);
        }
    }

    private final MappedByteBuffer buf;
    private final int size;
    private int i;
    private int depth;
    private final ByteArrayOutputStream directives = new ByteArrayOutputStream();

    private TriGCuts(MappedByteBuffer buf, int size) {
        this.buf = buf;
        this.size = size;
    }

    /**
     * The pieces of a file for {@code parts} parsers (about equal in size), or one piece, the
     * whole file, when it should not or cannot be cut. Reads the file once.
     */
    static List<Piece> plan(Path file, int parts) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long length = ch.size();
            if (parts < 2 || length > Integer.MAX_VALUE)
                return whole(length);
            // Mapped, not read into the heap: the scan reads the file once, up to its last cut.
            MappedByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
            List<Piece> pieces = new TriGCuts(bytes, (int) length).cut(parts);
            return pieces == null ? whole(length) : pieces;
        }
    }

    /** The whole file as one piece. */
    static List<Piece> whole(long length) {
        return List.of(new Piece(0, length, new byte[0]));
    }

    /**
     * Pieces at the first cut after each 1/parts of the file; null if the scan gives up before
     * the last cut. The last piece is not scanned: it is parsed as it is, after the directives
     * before it (a blank node label in it alone is scoped to it alone, as in the whole file).
     */
    private List<Piece> cut(int parts) {
        List<Piece> pieces = new ArrayList<>();
        long pieceStart = 0;
        byte[] pieceDirectives = new byte[0];
        for (int next = 1; next < parts; ) {
            int cutAt = scanToNextCut();
            if (cutAt == NO_CUT)
                break;   // the end, or given up: no further cut
            if (cutAt >= (long) size * next / parts && cutAt < size) {
                pieces.add(new Piece(pieceStart, cutAt, pieceDirectives));
                pieceStart = cutAt;
                pieceDirectives = directives.toByteArray();
                next++;
            }
        }
        if (pieces.isEmpty())
            return null;
        pieces.add(new Piece(pieceStart, size, pieceDirectives));
        return pieces;
    }

    private static final int NO_CUT = -1;

    /** Scans on; returns the offset of the next cut, or NO_CUT at the end of the file or where the scan gives up. */
    private int scanToNextCut() {
        while (i < size) {
            byte b = buf.get(i);
            switch (b) {
                case '#' -> skipComment();
                case '<' -> {
                    if (i + 1 < size && buf.get(i + 1) == '<')
                        return NO_CUT;             // a triple term
                    if (!skipIri()) return NO_CUT;
                }
                case '"', '\'' -> {
                    if (!skipString(b)) return NO_CUT;
                }
                case '\\' -> i += 2;                // an escaped character in a local name
                case '{' -> {
                    if (i + 1 < size && buf.get(i + 1) == '|')
                        return NO_CUT;             // an annotation
                    depth++;
                    i++;
                }
                case '}' -> {
                    if (i > 0 && buf.get(i - 1) == '|')
                        return NO_CUT;
                    depth--;
                    i++;
                    if (depth < 0)
                        return NO_CUT;
                    if (depth == 0) {
                        int cut = lineEndAfterBlock();
                        if (cut >= 0) {
                            i = cut;
                            return cut;
                        }
                    }
                }
                case '_' -> {
                    if (i + 1 < size && buf.get(i + 1) == ':')
                        return NO_CUT;             // a blank node label: its scope is the file
                    i++;
                }
                case '@' -> {
                    if (wordIs(i + 1, "prefix") || wordIs(i + 1, "base")) {
                        if (!directive(i + 1)) return NO_CUT;
                    } else if (wordIs(i + 1, "version")) {
                        return NO_CUT;
                    } else {
                        i++;                        // a language tag
                    }
                }
                default -> {
                    if (depth == 0 && isLetter(b) && wordStart(i)) {
                        if (!keyword()) return NO_CUT;
                    } else {
                        i++;
                    }
                }
            }
        }
        return NO_CUT;
    }

    /** At a word at the top level: a PREFIX or BASE directive is recorded; VERSION gives up; another word is skipped. */
    private boolean keyword() {
        if (wordIsIgnoreCase(i, "prefix") || wordIsIgnoreCase(i, "base"))
            return directive(i);
        if (wordIsIgnoreCase(i, "version"))
            return false;
        while (i < size && (isLetter(buf.get(i)) || buf.get(i) == '-' || buf.get(i) == '_' || (buf.get(i) >= '0' && buf.get(i) <= '9'))) i++;
        return true;
    }

    /** A directive whose keyword starts at {@code word} (after any '@'): recorded up to its IRI's '>' (and '.' for the @ forms). */
    private boolean directive(int word) {
        boolean at = word > 0 && buf.get(word - 1) == '@';
        int start = at ? word - 1 : word;
        if (depth != 0)
            return false;
        i = word;
        while (i < size && buf.get(i) != '<') {
            if (buf.get(i) == '\n' || buf.get(i) == '"' || buf.get(i) == '\'' || buf.get(i) == '#' || buf.get(i) == '{' || buf.get(i) == '}')
                return false;
            i++;
        }
        if (i >= size || !skipIri())
            return false;
        if (at) {
            while (i < size && (buf.get(i) == ' ' || buf.get(i) == '\t')) i++;
            if (i >= size || buf.get(i) != '.')
                return false;
            i++;
        }
        for (int k = start; k < i; k++)
            directives.write(buf.get(k));
        directives.write('\n');
        return true;
    }

    private boolean wordIs(int at, String w) {
        if (at + w.length() > size) return false;
        for (int k = 0; k < w.length(); k++)
            if (buf.get(at + k) != w.charAt(k)) return false;
        return at + w.length() == size || !isLetter(buf.get(at + w.length()));
    }

    private boolean wordIsIgnoreCase(int at, String w) {
        if (at + w.length() > size) return false;
        for (int k = 0; k < w.length(); k++)
            if (Character.toLowerCase((char) buf.get(at + k)) != w.charAt(k)) return false;
        return at + w.length() == size || !isLetter(buf.get(at + w.length()));
    }

    private boolean wordStart(int at) {
        if (at == 0) return true;
        byte p = buf.get(at - 1);
        return p == ' ' || p == '\t' || p == '\n' || p == '\r' || p == '.' || p == '}';
    }

    private static boolean isLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private void skipComment() {
        while (i < size && buf.get(i) != '\n') i++;
    }

    /** At '<': past the matching '>', false if the IRI is not one (a space, quote, brace or line break inside). */
    private boolean skipIri() {
        i++;
        while (i < size) {
            byte b = buf.get(i);
            if (b == '>') {
                i++;
                return true;
            }
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '"' || b == '{' || b == '}' || b == '<')
                return false;
            i++;
        }
        return false;
    }

    /** At a quote: past the string, short or long; false on a line break in a short string or no end. */
    private boolean skipString(byte q) {
        boolean isLong = i + 2 < size && buf.get(i + 1) == q && buf.get(i + 2) == q;
        if (!isLong && i + 1 < size && buf.get(i + 1) == q) {   // the empty string
            i += 2;
            return true;
        }
        i += isLong ? 3 : 1;
        while (i < size) {
            byte b = buf.get(i);
            if (b == '\\') {
                i += 2;
            } else if (b == q) {
                if (!isLong) {
                    i++;
                    return true;
                }
                if (i + 2 < size && buf.get(i + 1) == q && buf.get(i + 2) == q) {
                    i += 3;
                    while (i < size && buf.get(i) == q) i++;   // """a"""" ends with the last three
                    return true;
                }
                i++;
            } else if (!isLong && (b == '\n' || b == '\r')) {
                return false;
            } else {
                i++;
            }
        }
        return false;
    }

    /** After a top-level '}': the start of the next line if only spaces or a comment follow on this one; else -1. */
    private int lineEndAfterBlock() {
        int k = i;
        while (k < size && (buf.get(k) == ' ' || buf.get(k) == '\t' || buf.get(k) == '\r')) k++;
        if (k < size && buf.get(k) == '#')
            while (k < size && buf.get(k) != '\n') k++;
        if (k < size && buf.get(k) == '\n')
            return k + 1;
        return -1;
    }
}
