package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file gives an IOException naming the file, what was expected, what was found, and a hint. */
class IdxBadInputTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Asserts the four parts every message has, then each given fragment. */
    private static void assertMessage(IOException e, Path file, String... fragments) {
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), () -> "does not name " + file + ": " + message);
        assertTrue(message.contains("expected"), () -> "does not say what was expected: " + message);
        assertTrue(message.contains("found"), () -> "does not say what was found: " + message);
        assertTrue(message.contains("HINT: "), () -> "has no hint: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "lacks '" + fragment + "': " + message);
        }
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("t10k-images-idx3-ubyte");
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "missing file", "an IDX images file", "download.sh");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path file = write("images", new byte[] {0, 0, 8, 3, 0});
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "truncated", "16-byte IDX images header", "found only 5 bytes");
    }

    @Test
    void truncatedImages() throws IOException {
        // 3 images of 2x2 need 16 + 12 = 28 bytes; the file stops 4 bytes short.
        byte[] whole = IdxBytes.images(3, 2, 2, IdxBytes.pattern(3, 2, 2));
        Path file = write("images", Arrays.copyOf(whole, 24));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "truncated", "expected 28 bytes for the 3 images of 2x2", "found only 24 bytes");
    }

    @Test
    void truncatedLabelsInsideGzip() throws IOException {
        // A complete gzip stream of an IDX file that is itself short: the IDX check catches it, after decompression.
        byte[] whole = IdxBytes.labels(new byte[] {1, 2, 3, 4});
        Path file = write("labels", IdxBytes.gzip(Arrays.copyOf(whole, 10)));
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(file));
        assertMessage(e, file, "truncated", "expected 12 bytes for the 4 labels", "found only 10 bytes after"
                + " decompression");
    }

    @Test
    void extraBytesAfterTheDeclaredRecords() throws IOException {
        byte[] whole = IdxBytes.labels(new byte[] {1, 2, 3});
        Path file = write("labels", Arrays.copyOf(whole, whole.length + 4));
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(file));
        assertMessage(e, file, "expected exactly 11 bytes (header and 3 labels)", "found 15 bytes", "4 bytes too many");
    }

    @Test
    void labelsFileReadAsImages() throws IOException {
        Path file = write("train-labels-idx1-ubyte", IdxBytes.labels(new byte[16]));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "wrong magic number", "expected 2051 (0x00000803, IDX images)",
                "found 2049 (0x00000801, IDX labels)");
    }

    @Test
    void imagesFileReadAsLabels() throws IOException {
        Path file = write("images", IdxBytes.images(1, 2, 2, new byte[4]));
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(file));
        assertMessage(e, file, "expected 2049 (0x00000801, IDX labels)", "found 2051 (0x00000803, IDX images)");
    }

    @Test
    void littleEndianHeader() throws IOException {
        Path file = write("images", new byte[] {3, 8, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7});
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "little-endian byte order");
    }

    @Test
    void notAnIdxFileAtAll() throws IOException {
        Path file = write("images", "<html>Not Found</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "wrong magic number", "not an IDX file");
    }

    @Test
    void impossibleDimensions() throws IOException {
        Path file = write("images", IdxBytes.file(new int[] {2051, 1, 0, 28}, new byte[0]));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "bad dimensions", "rows=0");
        Path negative = write("labels", IdxBytes.file(new int[] {2049, -1}, new byte[0]));
        assertMessage(assertThrows(IOException.class, () -> Idx.readLabels(negative)), negative, "found -1");
    }

    @Test
    void labelOutsideZeroToNine() throws IOException {
        Path file = write("labels", IdxBytes.labels(new byte[] {0, 9, 12, 3}));
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(file));
        assertMessage(e, file, "expected class numbers 0..9, found label 12 at index 2");
        Path unsigned = write("labels2", IdxBytes.labels(new byte[] {(byte) 200}));
        assertMessage(assertThrows(IOException.class, () -> Idx.readLabels(unsigned)), unsigned, "label 200 at index 0");
    }

    @Test
    void gzipCutShort() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(4, 28, 28, IdxBytes.pattern(4, 28, 28)));
        Path file = write("images.gz", Arrays.copyOf(gz, gz.length / 2));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(file));
        assertMessage(e, file, "unreadable gzip data", "expected a complete gzip stream");
    }

    @Test
    void gzipWithDamagedData() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.labels(IdxBytes.pattern(1, 1, 3000)));
        for (int i = 12; i < gz.length - 8; i += 3) {
            gz[i] ^= 0x5a; // scribble over the deflate stream, keeping the gzip magic
        }
        Path file = write("labels", gz);
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(file));
        assertMessage(e, file, "unreadable gzip data");
    }

    @Test
    void gzipWithAWrongChecksumInItsTrailer() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.labels(new byte[] {1, 2, 3}));
        gz[gz.length - 8] ^= 1; // the CRC-32 of the uncompressed data (RFC 1952)
        Path file = write("labels", gz);
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(file));
        assertMessage(e, file, "unreadable gzip data");
    }

    @Test
    void gzipHeaderOnly() throws IOException {
        Path file = write("labels", new byte[] {0x1f, (byte) 0x8b, 8});
        IOException e = assertThrows(IOException.class, () -> Idx.readLabels(file));
        assertMessage(e, file, "unreadable gzip data");
    }
}
