package dev.descent.mnist;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes the IDX files of MNIST: images (magic 2051) and labels (magic 2049).
 *
 * <p>Layout, from LeCun, Cortes and Burges, "The MNIST database of handwritten digits": a big-endian header, the
 * magic number {@code 0x0000TTDD} (type {@code TT} = 0x08 for unsigned bytes, {@code DD} dimensions), one 32-bit
 * size per dimension, then the data in row-major order. Images: magic, count, rows, cols (16 bytes), then
 * count * rows * cols pixels. Labels: magic, count (8 bytes), then count labels.
 *
 * <p>Readers accept a raw or a gzip file, told apart by content, and demand the exact length the header implies;
 * labels must be class numbers 0..9. Every failure is an {@link IOException} naming the file, what was expected,
 * what was found, and a hint. Writers write a temp file beside the target and rename it into place, so a reader
 * never sees half a file. Java's gzip writer leaves the header's timestamp at zero, so the same records always
 * compress to the same bytes with the same JDK.
 */
public final class Idx {

    /** Magic number of an images file: unsigned bytes (0x08), 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of a labels file: unsigned bytes (0x08), 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Labels are class numbers 0 .. CLASSES - 1. */
    public static final int CLASSES = 10;

    static final int IMAGES_HEADER_BYTES = 16;
    static final int LABELS_HEADER_BYTES = 8;
    static final String DEFAULT_HINT = "HINT: fetch a fresh, verified copy with mnist-data/download.sh"
            + " (add --dataset fashion for Fashion-MNIST)";

    /**
     * Bytes of pixels read at a time by {@link #readPackedImages}: twice the input's 64 KB buffer, so that each read
     * of a raw file (whole images, more than 64 KB) goes straight into the chunk instead of through that buffer
     * (MNIST's 55 MB of pixels: about 7 instead of 12 ms of the main thread's time, warm).
     */
    private static final int PACKING_READ_BYTES = 1 << 17;
    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;

    private Idx() {
    }

    /** Reads an images file, raw or gzip. */
    public static IdxImages readImages(Path file) throws IOException {
        return readImages(file, DEFAULT_HINT);
    }

    /** Reads a labels file, raw or gzip; every label must be 0..9. */
    public static byte[] readLabels(Path file) throws IOException {
        return readLabels(file, DEFAULT_HINT);
    }

    static IdxImages readImages(Path file, String hint) throws IOException {
        try (IdxInput in = IdxInput.open(file, "an IDX images file (magic 2051)", hint)) {
            ImagesHeader header = readImagesHeader(in);
            byte[] pixels = in.readExactly((int) header.pixelBytes(), header.expected());
            in.expectEnd("header and " + header.declared());
            return new IdxImages(header.count(), header.rows(), header.cols(), pixels);
        }
    }

    /**
     * Reads an images file, raw or gzip, as {@link PackedImages}, a few dozen images at a time: the dense pixels
     * never exist in memory all at once (MNIST's training images are 47 MB dense and 12 MB packed). Checks and
     * messages are those of {@link #readImages(Path)}.
     */
    static PackedImages readPackedImages(Path file, String hint) throws IOException {
        try (IdxInput in = IdxInput.open(file, "an IDX images file (magic 2051)", hint)) {
            ImagesHeader header = readImagesHeader(in);
            int features = header.rows() * header.cols();
            int perRead = Math.max(1, PACKING_READ_BYTES / features);
            byte[] chunk = new byte[Math.min(perRead, Math.max(1, header.count())) * features];
            PackedImages.Builder builder = new PackedImages.Builder(header.count(), header.rows(), header.cols());
            for (int first = 0; first < header.count(); first += perRead) {
                int images = Math.min(perRead, header.count() - first);
                in.readFully(chunk, images * features, header.expected());
                for (int i = 0; i < images; i++) {
                    builder.add(chunk, i * features);
                }
            }
            in.expectEnd("header and " + header.declared());
            return builder.build();
        }
    }

    /** An images header, checked: the dimensions, and the sentences errors about the pixels quote. */
    private record ImagesHeader(int count, int rows, int cols, long pixelBytes, String declared, String expected) {
    }

    private static ImagesHeader readImagesHeader(IdxInput in) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(in.readExactly(IMAGES_HEADER_BYTES,
                "a " + IMAGES_HEADER_BYTES + "-byte IDX images header"));
        checkMagic(in, header.getInt(), IMAGES_MAGIC);
        int count = header.getInt();
        int rows = header.getInt();
        int cols = header.getInt();
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw in.error("bad dimensions in the header: expected count >= 0 and rows, cols > 0, found count="
                    + count + ", rows=" + rows + ", cols=" + cols);
        }
        long pixelBytes = (long) count * rows * cols;
        String declared = String.format(Locale.ROOT, "%,d images of %dx%d", count, rows, cols);
        if (pixelBytes > MAX_ARRAY_BYTES || (long) rows * cols > MAX_ARRAY_BYTES) {
            throw in.error("the header declares " + IdxInput.bytes(pixelBytes) + " of pixels (" + count
                    + " images of " + rows + "x" + cols + "): expected at most " + IdxInput.bytes(MAX_ARRAY_BYTES));
        }
        String expected = IdxInput.bytes(IMAGES_HEADER_BYTES + pixelBytes) + " for the " + declared
                + " that the header declares";
        return new ImagesHeader(count, rows, cols, pixelBytes, declared, expected);
    }

    static byte[] readLabels(Path file, String hint) throws IOException {
        try (IdxInput in = IdxInput.open(file, "an IDX labels file (magic 2049)", hint)) {
            ByteBuffer header = ByteBuffer.wrap(in.readExactly(LABELS_HEADER_BYTES,
                    "an " + LABELS_HEADER_BYTES + "-byte IDX labels header"));
            checkMagic(in, header.getInt(), LABELS_MAGIC);
            int count = header.getInt();
            if (count < 0) {
                throw in.error("bad label count in the header: expected count >= 0, found " + count);
            }
            if (count > MAX_ARRAY_BYTES) {
                throw in.error("the header declares " + count + " labels: expected at most " + MAX_ARRAY_BYTES);
            }
            String declared = String.format(Locale.ROOT, "%,d labels", count);
            byte[] labels = in.readExactly(count, IdxInput.bytes(LABELS_HEADER_BYTES + (long) count)
                    + " for the " + declared + " that the header declares");
            in.expectEnd("header and " + declared);
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xFF;
                if (label >= CLASSES) {
                    throw in.error("expected class numbers 0.." + (CLASSES - 1) + ", found label " + label
                            + " at index " + i);
                }
            }
            return labels;
        }
    }

    /** Writes an images file atomically (temp file beside it, then rename), gzip-compressed if asked. */
    public static void writeImages(Path file, IdxImages images, boolean gzip) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(IMAGES_HEADER_BYTES) // big-endian, as ByteBuffer is by default
                .putInt(IMAGES_MAGIC).putInt(images.count()).putInt(images.rows()).putInt(images.cols());
        writeAtomically(file, gzip, header.array(), images.pixels());
    }

    /**
     * Writes a labels file atomically, gzip-compressed if asked.
     *
     * @throws IllegalArgumentException if a label is outside 0..9, since the reader would reject the file
     */
    public static void writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= CLASSES) {
                throw new IllegalArgumentException("label " + (labels[i] & 0xFF) + " at index " + i
                        + " is outside 0.." + (CLASSES - 1) + "; refusing to write " + file);
            }
        }
        ByteBuffer header = ByteBuffer.allocate(LABELS_HEADER_BYTES).putInt(LABELS_MAGIC).putInt(labels.length);
        writeAtomically(file, gzip, header.array(), labels);
    }

    private static void checkMagic(IdxInput in, int found, int expected) throws IOException {
        if (found != expected) {
            throw in.error("wrong magic number: expected " + describeMagic(expected) + ", found "
                    + describeMagic(found));
        }
    }

    /** Names a magic number and, where it can, what kind of file carries it. */
    static String describeMagic(int magic) {
        String number = magic + String.format(Locale.ROOT, " (0x%08x", magic);
        if (magic == IMAGES_MAGIC) {
            return number + ", IDX images)";
        }
        if (magic == LABELS_MAGIC) {
            return number + ", IDX labels)";
        }
        int swapped = Integer.reverseBytes(magic);
        if (swapped == IMAGES_MAGIC || swapped == LABELS_MAGIC) {
            return number + ", an IDX header in little-endian byte order)";
        }
        if ((magic >>> 16) == 0) {
            return number + String.format(Locale.ROOT, ", IDX data of type 0x%02x with %d dimensions)",
                    (magic >>> 8) & 0xFF, magic & 0xFF);
        }
        return number + ", not an IDX file)";
    }

    private static void writeAtomically(Path file, boolean gzip, byte[] header, byte[] body) throws IOException {
        Path target = file.toAbsolutePath();
        // Not Files.createTempFile: that makes the file private (0600), and the rename would keep that mode.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                 OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                out.write(header);
                out.write(body);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
