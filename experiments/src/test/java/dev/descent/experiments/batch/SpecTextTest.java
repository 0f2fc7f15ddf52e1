package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files as editors save them: UTF-8 with a byte-order mark is read, other encodings are named. */
class SpecTextTest {
    private static final String SPEC = "{\"name\": \"café\", \"iterations\": 10, \"optimizers\": [\"adam\"]}\n";

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path spec = file("bom.json", concat(bom, SPEC.getBytes(StandardCharsets.UTF_8)));
        // Before: Jackson stopped at the mark ("Unexpected character").
        assertEquals("café", SpecReader.read(spec).name());
    }

    @Test
    void latin1IsNamedWithTheByteAndItsPlace() throws Exception {
        Path spec = file("latin1.json", SPEC.getBytes(StandardCharsets.ISO_8859_1));
        UserError e = assertThrows(UserError.class, () -> SpecReader.read(spec));
        // {"name": "café" puts é (0xE9 in Latin-1) at offset 13 of line 1: {, ", n, a, m, e, ", :, space, ", c, a, f.
        assertEquals("spec file " + spec + " is not UTF-8 (found byte 0xE9 at offset 13, line 1, which is 'é' in"
            + " Latin-1). HINT: save it as UTF-8 (in most editors: Save As, encoding UTF-8); JSON files are UTF-8",
            e.getMessage());
    }

    @Test
    void utf16IsNamedByItsMarkOrItsZeros() throws Exception {
        Path little = file("utf16.json", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
            SPEC.getBytes(StandardCharsets.UTF_16LE)));
        UserError marked = assertThrows(UserError.class, () -> SpecReader.read(little));
        assertTrue(marked.getMessage().contains("not UTF-8 (found a UTF-16 little-endian byte-order mark, FF FE)"),
            marked.getMessage());

        // Java's "UTF-16" encoder writes the big-endian mark FE FF first.
        Path big = file("utf16be.json", SPEC.getBytes(StandardCharsets.UTF_16));
        UserError bigEndian = assertThrows(UserError.class, () -> SpecReader.read(big));
        assertTrue(bigEndian.getMessage().contains("found a UTF-16 big-endian byte-order mark, FE FF"),
            bigEndian.getMessage());

        Path bare = file("utf16-bare.json", "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_16LE));
        UserError zeros = assertThrows(UserError.class, () -> SpecReader.read(bare));
        assertTrue(zeros.getMessage().contains("found NUL characters, as UTF-16 without a byte-order mark"),
            zeros.getMessage());
    }
}
