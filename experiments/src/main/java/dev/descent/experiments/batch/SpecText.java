package dev.descent.experiments.batch;

import dev.descent.experiments.common.UserError;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a spec file, which must be UTF-8 (JSON's encoding, RFC 8259 §8.1). A UTF-8 byte-order mark, which
 * some Windows editors write, is dropped; any other encoding is refused with what was found and where, instead of a
 * decoder's exception.
 */
final class SpecText {

    private SpecText() {
    }

    /**
     * @param fileLabel how the message names the file
     * @throws UserError "FILE is not UTF-8 (found …)" with a HINT to save it as UTF-8
     */
    static String decode(String fileLabel, byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            throw notUtf8(fileLabel, "a UTF-16 little-endian byte-order mark, FF FE");
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            throw notUtf8(fileLabel, "a UTF-16 big-endian byte-order mark, FE FF");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            int value = bytes[offset] & 0xFF;
            String guess = value >= 0xA0 ? ", which is '" + (char) value + "' in Latin-1" : "";
            throw notUtf8(fileLabel, String.format(Locale.ROOT, "byte 0x%02X at offset %d, line %d%s", value, offset,
                line, guess));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.indexOf('\0') >= 0) {
            throw notUtf8(fileLabel, "NUL characters, as UTF-16 without a byte-order mark has");
        }
        return text;
    }

    private static UserError notUtf8(String fileLabel, String found) {
        return new UserError("spec file " + fileLabel + " is not UTF-8 (found " + found + "). HINT: save it as"
            + " UTF-8 (in most editors: Save As, encoding UTF-8); JSON files are UTF-8");
    }
}
