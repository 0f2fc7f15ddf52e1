package dev.descent.experiments.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.mnist.Dataset;
import dev.descent.mnist.Fixture;
import dev.descent.network.Activation;
import dev.descent.network.matrix.Matrix;
import dev.descent.network.MultiLayerNet;
import dev.descent.network.WeightInit;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The chunked evaluation through a run's buffers gives exactly the accuracy of one pass of the net over the whole
 * test set as floats (the way evaluations ran before the test set was kept as bytes), including a last chunk
 * shorter than the others, whether the chunks are the evaluation's own or a training run's batch buffers, and
 * whether the set's non-zeros are listed once for all evaluations ({@link EvaluationSet#of}) or from the packed runs at
 * every one ({@link EvaluationSet#range}).
 */
class EvaluationSetTest {

    @Test
    void chunkedAccuracyEqualsOnePassOverAllRows() throws IOException {
        Dataset test = Fixture.load().test();
        MultiLayerNet net = new MultiLayerNet(784, new int[] {100, 100}, 10, Activation.RELU, WeightInit.he(), 0, 5);
        // Train a little so that the accuracy is neither chance nor a round number.
        Dataset train = Fixture.load().train();
        float[] pixels = new float[100 * 784];
        int[] labels = new int[100];
        for (int step = 0; step < 30; step++) {
            train.gatherRange((step * 100) % 900, 100, pixels, labels);
            float[] w1 = net.params().get("W1");
            float[] dW1 = net.gradient(new Matrix(100, 784, pixels), labels).get("W1");
            for (int i = 0; i < w1.length; i++) {
                w1[i] -= 0.1f * dW1[i];
            }
        }
        for (int size : new int[] {1000, 870, 250, 7}) {
            Dataset part = test.head(size);
            float[] all = new float[size * 784];
            int[] allLabels = new int[size];
            part.gatherRange(0, size, all, allLabels);
            double expected = net.accuracy(new Matrix(size, 784, all), allLabels);
            EvaluationSet set = EvaluationSet.of(part);
            EvaluationSet.Buffers buffers = set.newBuffers();
            assertEquals(expected, set.accuracy(net, buffers), "accuracy on the first " + size + " test images");
            assertEquals(expected, set.accuracy(net, buffers), "again through the same buffers");
            // Through a training run's batch buffers (128 rows, as the book's batch): the net's training-size
            // layers score the chunks, and the last chunk is shorter.
            EvaluationSet.Buffers lent = set.newBuffers(new Matrix(128, 784), new int[128]);
            assertEquals(expected, set.accuracy(net, lent), "accuracy through batch buffers, " + size + " images");
            assertEquals(expected, set.accuracy(net, lent), "again through the batch buffers");
            // The whole set (of) is listed once and copied from there; a range lists the packed runs each time:
            // both score the same, accuracy and cross-entropy to the last bit.
            EvaluationSet packed = EvaluationSet.range(part, 0, size);
            EvaluationSet.Buffers packedBuffers = packed.newBuffers(new Matrix(128, 784), new int[128]);
            assertEquals(expected, packed.accuracy(net, packedBuffers), "from the packed runs, " + size + " images");
            assertEquals(packed.scores(net, packedBuffers), set.scores(net, lent), "scores, " + size + " images");
        }
    }
}
