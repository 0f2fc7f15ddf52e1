package dev.descent.experiments.train;

import dev.descent.mnist.Dataset;
import dev.descent.network.Matrix;

/**
 * A test set gathered once into floats, shared read-only by every run of an experiment (10,000 MNIST images are
 * 31 MB as floats: one copy, not one per thread).
 *
 * @param x      images, (N, 784) scaled to [0, 1]
 * @param labels class indices, length N
 */
public record EvaluationSet(Matrix x, int[] labels) {

    public static EvaluationSet of(Dataset test) {
        int count = test.size();
        float[] pixels = new float[count * test.features()]; // (N, D)
        int[] labels = new int[count];
        test.gatherRange(0, count, pixels, labels);
        return new EvaluationSet(new Matrix(count, test.features(), pixels), labels);
    }

    public int size() {
        return labels.length;
    }
}
