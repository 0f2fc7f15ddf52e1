package dev.descent.network.kernels;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * In-process A/B of the first layer's sparse products on real MNIST batches: {@link RowByRowSparse} (one row at a
 * time) against the active {@link SparseKernel#gatherRows}, for the forward x·W1 (row lists over W1, (784, 100))
 * and the gradient xᵀ·dA1 (column lists over dA1, (128, 100)). Blocks of calls alternate in one JVM, so both sides
 * see the same machine load; prints the medians of the per-round times and of the per-round ratios. Not a unit test
 * (no timing belongs in one); run by hand after {@code mvn -pl network test-compile}:
 * <pre>{@code
 * java --add-modules jdk.incubator.vector -cp network/target/classes:network/target/test-classes \
 *     dev.descent.network.kernels.SparseRowsAB mnist-data/data/mnist/train-images-idx3-ubyte [rounds] [calls]
 * }</pre>
 */
final class SparseRowsAB {

    private static final int BATCHES = 16;
    private static final int ROWS = 128;
    private static final int COLS = 784;
    private static final int N = 100;

    private SparseRowsAB() {
    }

    public static void main(String[] args) throws IOException {
        float[] images = readImages(Path.of(args[0]));   // images is (60000, 784)
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        SplittableRandom random = new SplittableRandom(42);
        NonZeroIndex[] index = new NonZeroIndex[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            float[] x = new float[ROWS * COLS];   // x is (128, 784): 128 random training images
            for (int r = 0; r < ROWS; r++) {
                System.arraycopy(images, random.nextInt(images.length / COLS) * COLS, x, r * COLS, COLS);
            }
            index[i] = new NonZeroIndex();
            index[i].build(x, 0, ROWS, COLS);
            index[i].buildColumns();
        }
        float[] w = gaussian(random, COLS * N, Math.sqrt(2.0 / COLS));   // W1 is (784, 100), He scale
        float[] dout = gaussian(random, ROWS * N, 0.01);                 // dA1 is (128, 100)
        SparseKernel kernel = KernelPath.newSparseKernel();
        System.out.printf("%s, %d rounds of %d calls, density %.3f%n", kernel.description(), rounds, calls,
                index[0].density());
        measure("x·W1 ", kernel, index, false, w, ROWS, rounds, calls);
        measure("xᵀ·dA1", kernel, index, true, dout, COLS, rounds, calls);
    }

    private static void measure(String name, SparseKernel kernel, NonZeroIndex[] index, boolean columns, float[] b,
                                int lists, int rounds, int calls) {
        float[] old = new float[lists * N];
        float[] now = new float[lists * N];
        for (NonZeroIndex x : index) {
            run(null, x, columns, b, old);
            run(kernel, x, columns, b, now);
            if (!Arrays.equals(old, now)) {
                throw new AssertionError(name + ": the two kernels give different bits");
            }
        }
        double[] oldMicros = new double[rounds];
        double[] newMicros = new double[rounds];
        double[] ratio = new double[rounds];
        for (int round = -5; round < rounds; round++) {   // five warm-up rounds
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                run(null, index[i % BATCHES], columns, b, old);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                run(kernel, index[i % BATCHES], columns, b, now);
            }
            long t2 = System.nanoTime();
            if (round >= 0) {
                oldMicros[round] = (t1 - t0) / 1e3 / calls;
                newMicros[round] = (t2 - t1) / 1e3 / calls;
                ratio[round] = oldMicros[round] / newMicros[round];
            }
        }
        System.out.printf("%s: row by row %.2f us, now %.2f us per call; old/new median %.3f (min %.3f, max %.3f)%n",
                name, median(oldMicros), median(newMicros), median(ratio), Arrays.stream(ratio).min().getAsDouble(),
                Arrays.stream(ratio).max().getAsDouble());
    }

    /** The product of one batch by kernel, or by the row-by-row reference when kernel is null. */
    private static void run(SparseKernel kernel, NonZeroIndex x, boolean columns, float[] b, float[] c) {
        int[] start = columns ? x.columnStart : x.rowStart;
        int[] list = columns ? x.columnRow : x.rowColumn;
        float[] value = columns ? x.columnValue : x.rowValue;
        int lists = columns ? COLS : ROWS;
        if (kernel == null) {
            RowByRowSparse.gatherRows(start, list, value, lists, b, c, N);
        } else {
            kernel.gatherRows(start, list, value, lists, b, c, N);
        }
    }

    private static float[] gaussian(SplittableRandom random, int length, double std) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            double u1 = 1 - random.nextDouble();
            x[i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return x;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int h = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }

    /** An IDX image file's pixels scaled as the data sets do, pixel / 255f; (images, rows · cols). */
    private static float[] readImages(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != 0x00000803) {
                throw new IOException(file + ": not an IDX unsigned-byte 3-d array. HINT: pass the training images,"
                        + " e.g. mnist-data/data/mnist/train-images-idx3-ubyte");
            }
            int images = in.readInt();
            int size = in.readInt() * in.readInt();
            byte[] pixels = new byte[images * size];
            in.readFully(pixels);
            float[] x = new float[pixels.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (pixels[i] & 0xFF) / 255f;
            }
            return x;
        }
    }
}
