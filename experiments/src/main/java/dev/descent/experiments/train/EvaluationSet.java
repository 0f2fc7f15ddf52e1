package dev.descent.experiments.train;

import dev.descent.mnist.Dataset;
import dev.descent.mnist.ListedImages;
import dev.descent.network.MultiLayerNetExtend;
import dev.descent.network.TrainableNet;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.matrix.Matrix;

/**
 * A test set shared read-only by every run of an experiment, kept as the data set's packed bytes (2 MB for MNIST's
 * 10,000 images) rather than as floats (31 MB): each evaluation gathers a chunk of images at a time into the calling
 * run's small {@link Buffers} and scores them there, so no float copy of the test set exists at all. A training
 * run lends its own batch buffers ({@link #newBuffers(Matrix, int[])}): the chunks are then as large as its
 * batches, and the net scores them with the layer buffers it trains with, so an evaluation costs a run no memory
 * beyond those of one last, shorter chunk.
 *
 * <p>Each chunk's non-zeros are listed from the packed images ({@link GatheredNonZeros}) and handed to the net, so
 * its first layer does not scan the chunk for them, and the chunk's floats are written only if a dense path reads
 * them.
 *
 * <p>Every row's scores depend only on that row (each output is one fma chain over its own inputs), so the
 * chunk size never changes a prediction, and the accuracy is the same number as one pass over all rows.
 */
public final class EvaluationSet {

    /** Images scored per forward pass. */
    public static final int CHUNK_ROWS = 250;
    /**
     * The most memory the test set's non-zeros may take when listed once ({@link Dataset#listAll}): MNIST's take
     * 4.5 MB; a denser set (Fashion-MNIST's about 12 MB) is listed from its packed runs at every evaluation instead.
     */
    static final long MAX_LISTED_BYTES = 8L << 20;

    private final Dataset data;
    private final int from;   // first example scored
    private final int count;  // examples scored, from .. from + count - 1
    private final boolean listOnce;   // list the examples' non-zeros once, on the first evaluation
    private ListedImages listed;      // those lists, or null; guarded by this
    private boolean listingTried;     // guarded by this

    private EvaluationSet(Dataset data, int from, int count) {
        this(data, from, count, false);
    }

    private EvaluationSet(Dataset data, int from, int count, boolean listOnce) {
        if (from < 0 || count < 1 || from + count > data.size()) {
            throw new IllegalArgumentException("examples " + from + " .. " + (from + count - 1) + " are not in "
                    + data.name() + " (" + data.size() + " examples)");
        }
        this.data = data;
        this.from = from;
        this.count = count;
        this.listOnce = listOnce;
    }

    /**
     * The whole test set, scored by every run at every evaluation: its non-zeros are listed once, by the first
     * evaluation, and every evaluation copies them from there ({@link ListedImages}) instead of listing the packed
     * runs again, when they take at most {@value #MAX_LISTED_BYTES} bytes.
     */
    public static EvaluationSet of(Dataset test) {
        return new EvaluationSet(test, 0, test.size(), true);
    }

    /**
     * The examples {@code from .. from + count - 1} of {@code data}, scored in place (nothing is copied): the part of
     * the training set a run trains on, or its validation split.
     */
    public static EvaluationSet range(Dataset data, int from, int count) {
        return new EvaluationSet(data, from, count);
    }

    public int size() {
        return count;
    }

    /** A run's own buffers for {@link #accuracy}; allocated once per run, reused by every evaluation. */
    public Buffers newBuffers() {
        int rows = Math.min(CHUNK_ROWS, count);
        return new Buffers(new Matrix(rows, data.features()), new int[rows], new GatheredNonZeros(rows,
                data.features()));
    }

    /**
     * Buffers for {@link #accuracy} that are a training run's batch and labels: evaluations overwrite them, so
     * the run must gather its next batch afresh (as it does every iteration).
     *
     * @param batch  (B, features), the chunk the images are gathered into
     * @param labels (B)
     */
    public Buffers newBuffers(Matrix batch, int[] labels) {
        return newBuffers(batch, labels, new GatheredNonZeros(batch.rows, batch.cols));
    }

    /** As {@link #newBuffers(Matrix, int[])}, lending the run's non-zero lists as well (they too are overwritten). */
    Buffers newBuffers(Matrix batch, int[] labels, GatheredNonZeros nonZeros) {
        if (batch.cols != data.features() || labels.length != batch.rows || nonZeros.rows() < batch.rows) {
            throw new IllegalArgumentException("evaluation buffers " + batch.shape() + " with " + labels.length
                    + " labels and non-zero lists for " + nonZeros.rows() + " rows do not fit images of "
                    + data.features() + " pixels");
        }
        return new Buffers(batch, labels, nonZeros);
    }

    /**
     * The fraction of the set whose highest score is the label (the first one on ties), for any net of the training
     * loop; {@link MultiLayerNetExtend} scores in evaluation mode, where each row's scores too depend on that row
     * only.
     */
    public double accuracy(TrainableNet net, Buffers buffers) {
        int total = count;
        int correct = 0;
        ListedImages lists = listed();
        for (int start = 0; start < total; start += buffers.chunk.rows) {
            int rows = Math.min(buffers.chunk.rows, total - start);
            Matrix x = rows == buffers.chunk.rows ? buffers.chunk : buffers.lastChunk(rows);
            NonZeroIndex xNonZeros = listChunk(lists, buffers, start, rows);
            int[] labels = rows == buffers.labels.length ? buffers.labels : buffers.lastLabels(rows);
            // accuracy() is correct / rows in double; with rows ≤ CHUNK_ROWS the product recovers the count exactly.
            correct += (int) Math.round(net.accuracy(x, xNonZeros, labels) * rows);
        }
        return (double) correct / total;
    }

    /**
     * The accuracy and the mean cross-entropy −ln softmax(scores)[label] over the whole set, from one evaluation-mode
     * forward pass per chunk (a validation split needs both at every evaluation). The cross-entropy is computed in
     * double from the float scores, as ln Σ exp(s − max) − (s_label − max), summed over the examples in order; the
     * weight-decay term is not part of it: it measures the weights, not the examples. The accuracy is the same
     * number as {@link #accuracy(TrainableNet, Buffers)} (highest score, the first one on ties).
     */
    public Scores scores(TrainableNet net, Buffers buffers) {
        int total = count;
        int correct = 0;
        ListedImages lists = listed();
        double crossEntropy = 0;
        for (int start = 0; start < total; start += buffers.chunk.rows) {
            int rows = Math.min(buffers.chunk.rows, total - start);
            Matrix x = rows == buffers.chunk.rows ? buffers.chunk : buffers.lastChunk(rows);
            NonZeroIndex xNonZeros = listChunk(lists, buffers, start, rows);
            Matrix scores = net.predict(x, xNonZeros); // (rows, classes)
            int classes = scores.cols;
            for (int r = 0; r < rows; r++) {
                int row = r * classes;
                int best = 0;
                float max = scores.data[row];
                for (int c = 1; c < classes; c++) {
                    if (scores.data[row + c] > max) {
                        max = scores.data[row + c];
                        best = c;
                    }
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += Math.exp((double) scores.data[row + c] - max);
                }
                int label = buffers.labels[r];
                crossEntropy += Math.log(sum) - ((double) scores.data[row + label] - max);
                correct += best == label ? 1 : 0;
            }
        }
        return new Scores((double) correct / total, crossEntropy / total);
    }

    /**
     * The examples' non-zeros listed once for {@link #of}, made by the first evaluation; null for a range, or for a
     * set too large to list.
     */
    private synchronized ListedImages listed() {
        if (listOnce && !listingTried) {
            listingTried = true;
            listed = data.listAll(MAX_LISTED_BYTES);
        }
        return listed;
    }

    /** The non-zeros of the chunk of {@code rows} examples from {@code start}, from the lists made once if any. */
    private NonZeroIndex listChunk(ListedImages lists, Buffers buffers, int start, int rows) {
        return lists != null
                ? buffers.nonZeros.gatherRange(lists, from + start, rows, buffers.labels)
                : buffers.nonZeros.gatherRange(data, from + start, rows, buffers.labels);
    }

    /**
     * What {@link #scores} measures.
     *
     * @param accuracy the fraction of examples whose highest score is the label
     * @param loss     the mean cross-entropy
     */
    public record Scores(double accuracy, double loss) {
    }

    /** One run's evaluation buffers: a chunk of images as floats, their labels and where they are non-zero. */
    public static final class Buffers {
        private final Matrix chunk;   // (rows, features): CHUNK_ROWS, or a run's batch size
        private final int[] labels;   // (rows)
        private final GatheredNonZeros nonZeros;  // lists for up to rows rows
        private Matrix last;          // (rows of the last, shorter chunk, features), made on first use
        private int[] lastLabels;

        private Buffers(Matrix chunk, int[] labels, GatheredNonZeros nonZeros) {
            this.chunk = chunk;
            this.labels = labels;
            this.nonZeros = nonZeros;
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
