package dev.descent.experiments.train;

import dev.descent.mnist.Dataset;
import dev.descent.network.matrix.Matrix;
import dev.descent.network.MultiLayerNet;
import dev.descent.network.MultiLayerNetExtend;

/**
 * A test set shared read-only by every run of an experiment, kept as the data set's packed bytes (2 MB for MNIST's
 * 10,000 images) rather than as floats (31 MB): each evaluation gathers a chunk of images at a time into the calling
 * run's small {@link Buffers} and scores them there, so no float copy of the test set exists at all. A training
 * run lends its own batch buffers ({@link #newBuffers(Matrix, int[])}): the chunks are then as large as its
 * batches, and the net scores them with the layer buffers it trains with, so an evaluation costs a run no memory
 * beyond those of one last, shorter chunk.
 *
 * <p>Every row's scores depend only on that row (each output is one fma chain over its own inputs), so the
 * chunk size never changes a prediction, and the accuracy is the same number as one pass over all rows.
 */
public final class EvaluationSet {

    /** Images scored per forward pass. */
    public static final int CHUNK_ROWS = 250;

    private final Dataset data;

    private EvaluationSet(Dataset data) {
        this.data = data;
    }

    public static EvaluationSet of(Dataset test) {
        return new EvaluationSet(test);
    }

    public int size() {
        return data.size();
    }

    /** A run's own buffers for {@link #accuracy}; allocated once per run, reused by every evaluation. */
    public Buffers newBuffers() {
        int rows = Math.min(CHUNK_ROWS, data.size());
        return new Buffers(new Matrix(rows, data.features()), new int[rows]);
    }

    /**
     * Buffers for {@link #accuracy} that are a training run's batch and labels: evaluations overwrite them, so
     * the run must gather its next batch afresh (as it does every iteration).
     *
     * @param batch  (B, features), the chunk the images are gathered into
     * @param labels (B)
     */
    public Buffers newBuffers(Matrix batch, int[] labels) {
        if (batch.cols != data.features() || labels.length != batch.rows) {
            throw new IllegalArgumentException("evaluation buffers " + batch.shape() + " with " + labels.length
                    + " labels do not fit images of " + data.features() + " pixels");
        }
        return new Buffers(batch, labels);
    }

    /** The fraction of the test set whose highest score is the label (the first one on ties). */
    public double accuracy(MultiLayerNet net, Buffers buffers) {
        return accuracy(TrainableNet.of(net), buffers);
    }

    /**
     * As {@link #accuracy(MultiLayerNet, Buffers)}, for any net of the training loop; {@link MultiLayerNetExtend}
     * scores in evaluation mode, where each row's scores too depend on that row only.
     */
    public double accuracy(TrainableNet net, Buffers buffers) {
        int total = data.size();
        int correct = 0;
        for (int start = 0; start < total; start += buffers.chunk.rows) {
            int rows = Math.min(buffers.chunk.rows, total - start);
            Matrix x = rows == buffers.chunk.rows ? buffers.chunk : buffers.lastChunk(rows);
            data.gatherRange(start, rows, x.data, buffers.labels);
            int[] labels = rows == buffers.labels.length ? buffers.labels : buffers.lastLabels(rows);
            // accuracy() is correct / rows in double; with rows ≤ CHUNK_ROWS the product recovers the count exactly.
            correct += (int) Math.round(net.accuracy(x, labels) * rows);
        }
        return (double) correct / total;
    }

    /** One run's evaluation buffers: a chunk of images as floats and their labels. */
    public static final class Buffers {
        private final Matrix chunk;   // (rows, features): CHUNK_ROWS, or a run's batch size
        private final int[] labels;   // (rows)
        private Matrix last;          // (rows of the last, shorter chunk, features), made on first use
        private int[] lastLabels;

        private Buffers(Matrix chunk, int[] labels) {
            this.chunk = chunk;
            this.labels = labels;
        }

        private Matrix lastChunk(int rows) {
            if (last == null || last.rows != rows) {
                last = new Matrix(rows, chunk.cols);
                lastLabels = new int[rows];
            }
            return last;
        }

        private int[] lastLabels(int rows) {
            System.arraycopy(labels, 0, lastLabels, 0, rows);
            return lastLabels;
        }
    }
}
