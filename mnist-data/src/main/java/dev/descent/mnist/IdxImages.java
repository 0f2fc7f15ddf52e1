package dev.descent.mnist;

/**
 * The contents of an IDX images file: {@code count} images of {@code rows} by {@code cols} unsigned bytes.
 *
 * @param count  number of images
 * @param rows   pixel rows per image
 * @param cols   pixel columns per image
 * @param pixels (count, rows * cols) in row-major order, each byte an unsigned intensity 0..255; not copied
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("bad image dimensions: count=" + count + ", rows=" + rows
                    + ", cols=" + cols + "; expected count >= 0 and rows, cols > 0");
        }
        if (pixels == null || (long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixel array of length " + (pixels == null ? "null" : pixels.length)
                    + " does not hold " + count + " images of " + rows + "x" + cols + " (expected "
                    + (long) count * rows * cols + " bytes)");
        }
    }

    /** Pixels per image, {@code rows * cols}. */
    public int features() {
        return rows * cols;
    }

    @Override
    public String toString() {
        return "IdxImages[" + count + " images of " + rows + "x" + cols + "]";
    }
}
