package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import java.util.SplittableRandom;

/** Small seeded data sets made in the tests. */
final class TestData {

    final Matrix x;       // x is (N, D)
    final int[] labels;   // labels is (N)

    private TestData(Matrix x, int[] labels) {
        this.x = x;
        this.labels = labels;
    }

    /** N rows of standard normal features with uniformly random labels. */
    static TestData random(int n, int d, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = new Matrix(n, d);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.data[i * d + j] = (float) gaussian(random);
            }
            labels[i] = random.nextInt(classes);
        }
        return new TestData(x, labels);
    }

    /**
     * Gaussian blobs: class c is centred on a random point with coordinates in [−2, 2], each example is
     * its centre plus N(0, 0.7²) noise per feature, so the classes overlap a little but are learnable.
     */
    static TestData blobs(int n, int d, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[classes][d];
        for (double[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = random.nextDouble() * 4 - 2;
            }
        }
        Matrix x = new Matrix(n, d);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(classes);
            labels[i] = c;
            for (int j = 0; j < d; j++) {
                x.data[i * d + j] = (float) (centres[c][j] + 0.7 * gaussian(random));
            }
        }
        return new TestData(x, labels);
    }

    double[][] xAsDouble() {
        double[][] rows = new double[x.rows][x.cols];
        for (int i = 0; i < x.rows; i++) {
            for (int j = 0; j < x.cols; j++) {
                rows[i][j] = x.get(i, j);
            }
        }
        return rows;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
