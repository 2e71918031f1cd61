package dev.lookahead.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A text file read line by line, each line decoded as UTF-8 on its own: a line that is not UTF-8 is
 * handed on with its problem (the byte and where it is) instead of ending the whole read, so a command
 * can report that one line and go on. Line ends are LF or CRLF; a UTF-8 byte-order mark is skipped.
 */
public final class TextLines implements Closeable {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[256];
    private int number;
    private long bytesRead;

    /** One line: its 1-based number and its text, or the reason it could not be decoded. */
    public record Line(int number, String text, String problem) {
        public boolean readable() {
            return problem == null;
        }

        public boolean isBlank() {
            return readable() && text.isBlank();
        }

        /** The line parsed as JSON; an undecodable line throws {@link IllegalArgumentException} with its problem. */
        public JsonNode json() throws IOException {
            if (!readable()) throw new IllegalArgumentException(problem);
            return Json.MAPPER.readTree(text);
        }
    }

    private TextLines(InputStream in) {
        this.in = in;
    }

    public static TextLines open(Path file) throws IOException {
        return new TextLines(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /**
     * A whole text file as one string, exactly as written: UTF-8 (a byte-order mark skipped), or UTF-16 when the file
     * starts with its byte-order mark. Text that does not decode is refused naming the file, the line, the column and
     * the byte.
     */
    public static String readWhole(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
        int from = !utf16 && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = (utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) throw new WrongShapeException(file + " " + where(bytes, in.position()) + ": not " + (utf16 ? "UTF-16" : "UTF-8")
                + String.format(" text (byte 0x%02X); save the file as UTF-8", bytes[Math.min(in.position(), bytes.length - 1)] & 0xFF));
        return out.flip().toString();
    }

    /** "line L, column C" (1-based; the column in bytes) of a byte offset. */
    private static String where(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }

    /** Bytes consumed so far, for progress against the file's size. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        int length = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (length == buffer.length) buffer = Arrays.copyOf(buffer, length * 2);
            buffer[length++] = (byte) b;
        }
        if (b < 0 && length == 0) return null;
        bytesRead += length + (b < 0 ? 0 : 1);
        number++;
        int from = number == 1 && length >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF ? 3 : 0;
        if (length > from && buffer[length - 1] == '\r') length--;
        return decode(from, length);
    }

    private Line decode(int from, int to) {
        try {
            return new Line(number, decoder.reset().decode(ByteBuffer.wrap(buffer, from, to - from)).toString(), null);
        } catch (MalformedInputException e) {
            return new Line(number, null, badByte(from, to));
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not UTF-8 text");
        }
    }

    /** Names the first byte that does not decode, and its column (1-based, in bytes). */
    private String badByte(int from, int to) {
        int at = from;
        while (at < to) {
            int lead = buffer[at] & 0xFF;
            int size = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0;
            boolean ok = size > 0 && at + size <= to;
            for (int k = 1; ok && k < size; k++) ok = (buffer[at + k] & 0xC0) == 0x80;
            if (ok && size > 1) {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(buffer, at, size));
                } catch (CharacterCodingException e) {
                    ok = false;
                }
            }
            if (!ok) return String.format("not UTF-8 text: byte 0x%02X at column %d; save the file as UTF-8", lead, at - from + 1);
            at += size;
        }
        return "not UTF-8 text; save the file as UTF-8";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
