package dev.descent.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Makes the test fixture: the first N training and first N test records of a full MNIST directory, written with our
 * own IDX writer as gzip, plus {@code SHA256SUMS} (of each .gz and of its uncompressed content, in
 * {@code sha256sum} format) and {@code LABEL_COUNTS}.
 *
 * <p>Usage (from the project root, after {@code mvn -pl mnist-data test-compile}):
 * <pre>
 * java -cp mnist-data/target/classes:mnist-data/target/test-classes dev.descent.mnist.FixtureMaker \
 *     SOURCE_DIR mnist-data/fixture 1000
 * </pre>
 */
public final class FixtureMaker {

    static final String SUMS_FILE = "SHA256SUMS";
    static final String COUNTS_FILE = "LABEL_COUNTS";

    private FixtureMaker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FixtureMaker SOURCE_DIR OUT_DIR RECORDS");
            System.exit(2);
        }
        make(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
    }

    static void make(Path source, Path out, int records) throws IOException {
        Files.createDirectories(out);
        List<String> sums = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        String[][] parts = {{"train", Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS}, {"test", Mnist.TEST_IMAGES,
                Mnist.TEST_LABELS}};
        for (String[] part : parts) {
            IdxImages all = Idx.readImages(Mnist.find(source, part[1]).orElseThrow());
            byte[] allLabels = Idx.readLabels(Mnist.find(source, part[2]).orElseThrow());
            IdxImages images = new IdxImages(records, all.rows(), all.cols(),
                    Arrays.copyOf(all.pixels(), records * all.features()));
            byte[] labels = Arrays.copyOf(allLabels, records);
            Path imagesFile = out.resolve(part[1] + Mnist.GZIP_SUFFIX);
            Path labelsFile = out.resolve(part[2] + Mnist.GZIP_SUFFIX);
            Idx.writeImages(imagesFile, images, true);
            Idx.writeLabels(labelsFile, labels, true);
            for (Path file : List.of(imagesFile, labelsFile)) {
                sums.add(sha256(file, false) + "  " + file.getFileName());
                sums.add(sha256(file, true) + "  " + file.getFileName().toString().replace(Mnist.GZIP_SUFFIX, ""));
            }
            int[] perClass = new int[Idx.CLASSES];
            for (byte label : labels) {
                perClass[label]++;
            }
            StringBuilder line = new StringBuilder(part[0]);
            for (int count : perClass) {
                line.append(' ').append(count);
            }
            counts.add(line.toString());
        }
        sums.sort((a, b) -> a.substring(66).compareTo(b.substring(66)));
        Files.writeString(out.resolve(SUMS_FILE), String.join("\n", sums) + "\n", StandardCharsets.US_ASCII);
        Files.writeString(out.resolve(COUNTS_FILE), "# set, then the number of records of class 0 1 2 3 4 5 6 7 8 9\n"
                + String.join("\n", counts) + "\n", StandardCharsets.US_ASCII);
        System.out.println("wrote " + records + " train and " + records + " test records to " + out);
    }

    /** SHA-256 of a file's bytes, or of its gunzipped bytes, as lower-case hex. */
    static String sha256(Path file, boolean gunzip) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new DigestInputStream(gunzip ? new GZIPInputStream(raw) : raw, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
