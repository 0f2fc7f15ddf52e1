package dev.descent.experiments.train;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.Dataset;
import dev.descent.network.Matrix;
import dev.descent.network.MultiLayerNet;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * One optimizer trained from the setup's initial weights on the setup's batch sequence: the book's loop
 * ({@code grads = net.gradient(x, t); optimizer.update(params, grads); loss = net.loss(x, t)}), with the loss of
 * each iteration recorded after its update and the test accuracy measured every {@code evalEvery} iterations.
 *
 * <p>Single-threaded by design; run several at once on a pool, never one across threads.
 */
public final class TrainingRun implements Callable<RunResult> {
    private final TrainingSetup setup;
    private final Optimizer optimizer;
    private final Dataset train;
    private final EvaluationSet test;
    private final BooleanSupplier stopRequested;
    private final RunProgress progress;

    /**
     * @param optimizerSpec parsed here, so a bad spec fails before any run starts
     * @param stopRequested polled once per iteration; true ends the run early, marked incomplete
     */
    public TrainingRun(TrainingSetup setup, String optimizerSpec, Dataset train, EvaluationSet test,
                       BooleanSupplier stopRequested) {
        this.setup = setup;
        this.optimizer = Optimizers.parse(optimizerSpec);
        this.train = train;
        this.test = test;
        this.stopRequested = stopRequested;
        this.progress = new RunProgress(optimizer.toString(), setup.iterations());
        if (setup.batchSize() > train.size()) {
            throw new IllegalArgumentException("batch size " + setup.batchSize() + " is larger than the training set ("
                    + train.size() + " examples); use --batch-size " + train.size() + " or less");
        }
    }

    /** The canonical spec of this run's optimizer. */
    public String optimizerSpec() {
        return optimizer.toString();
    }

    public RunProgress progress() {
        return progress;
    }

    @Override
    public RunResult call() {
        long started = System.nanoTime();
        MultiLayerNet net = setup.newNet();
        Map<String, float[]> params = net.params();
        BatchSampler sampler = setup.sampling().sampler(train.size(), setup.batchSize(), setup.samplerSeed());

        int batchSize = setup.batchSize();
        int[] indices = new int[batchSize];
        float[] pixels = new float[batchSize * train.features()];
        Matrix x = new Matrix(batchSize, train.features(), pixels); // (B, 784)
        int[] labels = new int[batchSize];

        int iterations = setup.iterations();
        double[] losses = new double[iterations];
        int[] evalIterations = new int[setup.evaluationCount()];
        double[] accuracies = new double[evalIterations.length];
        int evaluations = 0;
        int done = 0;
        int divergedAt = -1;
        long trainNanos = 0;

        for (int i = 0; i < iterations; i++) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            long stepStarted = System.nanoTime();
            sampler.next(indices);
            train.gather(indices, batchSize, pixels, labels);
            Map<String, float[]> grads = net.gradient(x, labels);
            optimizer.update(params, grads);
            double loss = net.loss(x, labels);
            trainNanos += System.nanoTime() - stepStarted;

            if (!Double.isFinite(loss)) {
                divergedAt = i;
                progress.diverged(i);
                break;
            }
            losses[i] = loss;
            done = i + 1;
            progress.record(i, loss);
            if (setup.evaluatesAt(i)) {
                evalIterations[evaluations] = i;
                accuracies[evaluations] = net.accuracy(test.x(), test.labels());
                evaluations++;
            }
        }
        boolean complete = divergedAt >= 0 || done == iterations;
        progress.finish();
        return new RunResult(optimizer.toString(), Arrays.copyOf(losses, done),
                Arrays.copyOf(evalIterations, evaluations), Arrays.copyOf(accuracies, evaluations),
                divergedAt, complete, System.nanoTime() - started, trainNanos);
    }
}
