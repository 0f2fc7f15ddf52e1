package dev.descent.mnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte from the format's definition, independently of {@link Idx}'s writer. */
final class IdxBytes {

    private IdxBytes() {
    }

    /** Big-endian header ints followed by the body. */
    static byte[] file(int[] header, byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * header.length + body.length);
        for (int value : header) {
            buffer.putInt(value);
        }
        return buffer.put(body).array();
    }

    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return file(new int[] {2051, count, rows, cols}, pixels);
    }

    static byte[] labels(byte[] labels) {
        return file(new int[] {2049, labels.length}, labels);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** count images of rows x cols whose pixel k of image i is (i * 31 + k * 7) mod 256: every value occurs. */
    static byte[] pattern(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < rows * cols; k++) {
                pixels[i * rows * cols + k] = (byte) ((i * 31 + k * 7) % 256);
            }
        }
        return pixels;
    }
}
