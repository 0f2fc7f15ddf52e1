package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void imagesAndLabelsSurviveAWriteAndARead(boolean gzip) throws IOException {
        IdxImages images = new IdxImages(5, 3, 4, IdxBytes.pattern(5, 3, 4));
        byte[] labels = {9, 0, 3, 3, 7};
        Path imagesFile = dir.resolve("images");
        Path labelsFile = dir.resolve("labels");
        Idx.writeImages(imagesFile, images, gzip);
        Idx.writeLabels(labelsFile, labels, gzip);

        IdxImages back = Idx.readImages(imagesFile);
        assertEquals(5, back.count());
        assertEquals(3, back.rows());
        assertEquals(4, back.cols());
        assertArrayEquals(images.pixels(), back.pixels());
        assertArrayEquals(labels, Idx.readLabels(labelsFile));
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void theWriterLaysOutTheBytesAsTheFormatDefines(boolean gzip) throws IOException {
        byte[] pixels = IdxBytes.pattern(2, 28, 28);
        Path file = dir.resolve("images");
        Idx.writeImages(file, new IdxImages(2, 28, 28, pixels), gzip);
        byte[] onDisk = Files.readAllBytes(file);
        if (gzip) {
            assertEquals(0x1f, onDisk[0] & 0xFF);
            assertEquals(0x8b, onDisk[1] & 0xFF);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                onDisk = in.readAllBytes();
            }
        }
        assertArrayEquals(IdxBytes.images(2, 28, 28, pixels), onDisk);
        // 2051 = 0x00000803, big-endian: type 0x08 (unsigned byte), 3 dimensions.
        assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28},
                java.util.Arrays.copyOf(onDisk, 16));

        Idx.writeLabels(file, new byte[] {1, 2}, gzip);
        byte[] labelsOnDisk = Files.readAllBytes(file);
        if (gzip) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                labelsOnDisk = in.readAllBytes();
            }
        }
        assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2}, labelsOnDisk);
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        byte[] pixels = IdxBytes.pattern(3, 2, 2);
        Path rawNamedGz = dir.resolve("raw.gz");
        Path gzipNamedRaw = dir.resolve("train-images-idx3-ubyte");
        Files.write(rawNamedGz, IdxBytes.images(3, 2, 2, pixels));
        Files.write(gzipNamedRaw, IdxBytes.gzip(IdxBytes.images(3, 2, 2, pixels)));
        assertArrayEquals(pixels, Idx.readImages(rawNamedGz).pixels());
        assertArrayEquals(pixels, Idx.readImages(gzipNamedRaw).pixels());
    }

    @Test
    void zeroRecordsAreAValidFile() throws IOException {
        Path file = dir.resolve("empty");
        Idx.writeImages(file, new IdxImages(0, 28, 28, new byte[0]), true);
        assertEquals(0, Idx.readImages(file).count());
        Idx.writeLabels(file, new byte[0], false);
        assertEquals(0, Idx.readLabels(file).length);
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTempFile() throws IOException {
        Path file = dir.resolve("labels");
        Idx.writeLabels(file, new byte[] {1, 2, 3}, false);
        Idx.writeLabels(file, new byte[] {4}, true);
        assertArrayEquals(new byte[] {4}, Idx.readLabels(file));
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of(file), entries.toList());
        }
    }

    @Test
    void theWriterRefusesALabelTheReaderWouldReject() {
        Path file = dir.resolve("labels");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Idx.writeLabels(file, new byte[] {1, 10}, false));
        assertTrue(e.getMessage().contains("label 10 at index 1"), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void imagesRecordRejectsAPixelArrayOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new IdxImages(2, 2, 2, new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> new IdxImages(1, 0, 2, new byte[0]));
    }
}
