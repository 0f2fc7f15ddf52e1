package dev.descent.experiments.train;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.Dataset;
import dev.descent.network.TrainableNet;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.matrix.Matrix;
import dev.descent.optimizers.EvaluationWeights;
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
 * <p>The net is the setup's {@link TrainableNet}: the book's plain net, or with BatchNorm or Dropout its extended
 * net, whose gradient is taken in training mode and whose recorded loss and test accuracy are measured in evaluation
 * mode (running averages, every unit kept), as the book's {@code loss(x, t)} and {@code accuracy(x, t)} default to.
 * With a train size N the batches are drawn from the first N training examples only (the book's §6.4 uses 300).
 *
 * <p>A run can go in one piece ({@link #call()}) or in slices ({@link #advance(int)}), so that a scheduler can
 * interleave more runs than cores and keep every core busy to the end. Either way one thread at a time works on
 * it, and the slicing never changes a number: the run's state (net, optimizer, sampler) is its own.
 */
public final class TrainingRun implements Callable<RunResult> {
    private final TrainingSetup setup;
    private final String optimizerSpec;
    // Dropped when the run finishes: its state (Adam's m and v, ...) is as large as the net, and a sweep keeps every
    // finished run until its end.
    private Optimizer optimizer;
    private final Dataset train;
    private final EvaluationSet test;
    private final BooleanSupplier stopRequested;
    private final RunProgress progress;
    private final SharedBatches sharedBatches; // batches listed once for the runs that draw them, or null

    // Allocated on the first slice, so that runs waiting in a queue hold no net.
    private TrainableNet net;
    private Map<String, float[]> params;
    private BatchSampler sampler;
    private int[] indices;
    private float[] pixels;
    private Matrix x; // (B, 784)
    private int[] labels;
    private GatheredNonZeros batchNonZeros; // where x is non-zero, listed while gathering, for the first layer
    private double[] losses;
    private int[] evalIterations;
    private double[] accuracies;
    private double[] trainAccuracies;      // (evaluations) when the setup asks for them, else empty
    private double[] validationAccuracies; // (evaluations) with a validation split, else empty
    private double[] validationLosses;     // (evaluations) with a validation split, else empty
    private EvaluationSet trainedOn;       // the examples the batches are drawn from, or null
    private EvaluationSet validation;      // the validation split, or null
    private EvaluationSet.Buffers evaluationBuffers;

    private int evaluations;
    private int done;
    private int divergedAt = -1;
    private boolean stopped;
    private long trainNanos;
    private long busyNanos;
    private RunResult result;

    /**
     * @param optimizerSpec parsed here, so a bad spec fails before any run starts
     * @param stopRequested polled once per iteration; true ends the run early, marked incomplete
     */
    public TrainingRun(TrainingSetup setup, String optimizerSpec, Dataset train, EvaluationSet test,
                       BooleanSupplier stopRequested) {
        this(setup, optimizerSpec, train, test, stopRequested, null);
    }

    /**
     * As {@link #TrainingRun(TrainingSetup, String, Dataset, EvaluationSet, BooleanSupplier)}, taking each batch from
     * {@code sharedBatches} when another run listed the same examples for the same iteration (the same numbers
     * either way).
     *
     * @param sharedBatches batches of {@code train} shared by runs trained side by side, or null
     */
    public TrainingRun(TrainingSetup setup, String optimizerSpec, Dataset train, EvaluationSet test,
                       BooleanSupplier stopRequested, SharedBatches sharedBatches) {
        if (sharedBatches != null && sharedBatches.data() != train) {
            throw new IllegalArgumentException("shared batches of " + sharedBatches.data().name() + " cannot serve a"
                    + " run on " + train.name());
        }
        this.sharedBatches = sharedBatches;
        this.setup = setup;
        this.optimizer = Optimizers.parse(optimizerSpec);
        this.optimizerSpec = optimizer.toString();
        this.train = train;
        this.test = test;
        this.stopRequested = stopRequested;
        this.progress = new RunProgress(optimizer.toString(), setup.iterations());
        if (setup.trainSize() > train.size()) {
            throw new IllegalArgumentException("train size " + setup.trainSize() + " is larger than the training set ("
                    + train.size() + " examples in " + train.name() + "); use " + train.size() + " or less");
        }
        if (setup.batchSize() > train.size()) {
            throw new IllegalArgumentException("batch size " + setup.batchSize() + " is larger than the training set ("
                    + train.size() + " examples in " + train.name() + "); use " + train.size() + " or less");
        }
        if (setup.hasValidation() && setup.trainingExamples(train.size()) < setup.batchSize()) {
            throw new IllegalArgumentException("a validation split of " + setup.validation() + " leaves "
                    + setup.trainingExamples(train.size()) + " examples of " + train.name() + " to train on, fewer"
                    + " than the batch size " + setup.batchSize() + "; use a smaller validation split");
        }
    }

    /** The canonical spec of this run's optimizer. */
    public String optimizerSpec() {
        return optimizerSpec;
    }

    public RunProgress progress() {
        return progress;
    }

    /** Loop iterations trained so far. */
    int iterationsDone() {
        return done;
    }

    /** Runs to the end (or to divergence, or to a stop request) and returns the result. */
    @Override
    public RunResult call() {
        while (!isDone()) {
            advance(Integer.MAX_VALUE);
        }
        return result;
    }

    /** True once the run has finished, diverged or been stopped; {@link #result()} is then available. */
    public boolean isDone() {
        return result != null;
    }

    /** The result of a finished run. */
    public RunResult result() {
        if (result == null) {
            throw new IllegalStateException("run " + optimizerSpec + " has not finished");
        }
        return result;
    }

    /**
     * Trains up to {@code maxIterations} more iterations.
     *
     * @return true when the run is done
     */
    public boolean advance(int maxIterations) {
        if (result != null) {
            return true;
        }
        long sliceStarted = System.nanoTime();
        if (net == null) {
            start();
        }
        int end = (int) Math.min(setup.iterations(), (long) done + maxIterations);
        while (done < end) {
            if (stopRequested.getAsBoolean()) {
                stopped = true;
                break;
            }
            if (!step(done)) {
                break;
            }
        }
        busyNanos += System.nanoTime() - sliceStarted;
        if (stopped || divergedAt >= 0 || done == setup.iterations()) {
            finish();
            return true;
        }
        return false;
    }

    private void start() {
        net = setup.newTrainableNet();
        params = net.params();
        // Muon needs the matrices' shapes, and a schedule such as cosine the run's length.
        optimizer.plan(setup.parameterShapes(), setup.iterations());
        // The first N examples are indices 0..N-1: drawing indices below N trains on them, and nothing is copied.
        sampler = setup.sampling().sampler(setup.trainingExamples(train.size()), setup.batchSize(),
                setup.samplerSeed());
        int batchSize = setup.batchSize();
        indices = new int[batchSize];
        pixels = new float[batchSize * train.features()];
        x = new Matrix(batchSize, train.features(), pixels);
        labels = new int[batchSize];
        batchNonZeros = new GatheredNonZeros(batchSize, train.features());
        losses = new double[setup.iterations()];
        evalIterations = new int[setup.evaluationCount()];
        accuracies = new double[evalIterations.length];
        int trained = setup.trainingExamples(train.size());
        trainedOn = setup.trainAccuracy() ? EvaluationSet.range(train, 0, trained) : null;
        trainAccuracies = new double[trainedOn == null ? 0 : evalIterations.length];
        validation = setup.hasValidation() ? EvaluationSet.range(train, setup.validationStart(train.size()),
                setup.validation()) : null;
        validationAccuracies = new double[validation == null ? 0 : evalIterations.length];
        validationLosses = new double[validationAccuracies.length];
        // Evaluations score the test set (and the train and validation sets when measured) in chunks of a batch,
        // through this run's batch buffers and the net's training-size layers, after the iteration's loss pass: no
        // second set of buffers per run.
        evaluationBuffers = test.newBuffers(x, labels, batchNonZeros);
    }

    /** Loop iteration {@code i}; false when its loss is not finite. */
    private boolean step(int i) {
        long stepStarted = System.nanoTime();
        sampler.next(indices);
        // The batch's non-zeros are listed from the packed images (or taken from a run that listed the same batch);
        // the gradient and the loss pass (same batch) use them, and x is written from them only if a dense path
        // needs it.
        SharedBatches.Slot shared = sharedBatches == null ? null
                : sharedBatches.acquire(i, indices, setup.batchSize());
        EvaluationWeights averaged = optimizer instanceof EvaluationWeights weights ? weights : null;
        double loss;
        try {
            NonZeroIndex xNonZeros = shared != null ? batchNonZeros.share(shared, labels)
                    : batchNonZeros.gather(train, indices, setup.batchSize(), labels);
            Map<String, float[]> grads = net.gradient(x, xNonZeros, labels);
            optimizer.update(params, grads);
            // Schedule-free AdamW is measured at its average x, not at the point y where it takes gradients.
            if (averaged != null) {
                averaged.useEvaluationWeights(params);
            }
            loss = net.loss(x, xNonZeros, labels);
        } finally {
            if (shared != null) {
                sharedBatches.release(shared);
            }
        }
        trainNanos += System.nanoTime() - stepStarted;

        if (!Double.isFinite(loss)) {
            divergedAt = i;
            progress.diverged(i);
            return false;
        }
        losses[i] = loss;
        done = i + 1;
        progress.record(i, loss);
        if (setup.evaluatesAt(i)) {
            evalIterations[evaluations] = i;
            accuracies[evaluations] = test.accuracy(net, evaluationBuffers);
            if (trainedOn != null) {
                trainAccuracies[evaluations] = trainedOn.accuracy(net, evaluationBuffers);
            }
            if (validation != null) {
                EvaluationSet.Scores scores = validation.scores(net, evaluationBuffers);
                validationAccuracies[evaluations] = scores.accuracy();
                validationLosses[evaluations] = scores.loss();
            }
            evaluations++;
        }
        if (averaged != null) {
            averaged.useTrainingWeights(params);
        }
        return true;
    }

    private void finish() {
        result = new RunResult(optimizerSpec, Arrays.copyOf(losses, done),
                Arrays.copyOf(evalIterations, evaluations), Arrays.copyOf(accuracies, evaluations),
                divergedAt, !stopped, busyNanos, trainNanos, Arrays.copyOf(trainAccuracies, trimmed(trainAccuracies)),
                Arrays.copyOf(validationAccuracies, trimmed(validationAccuracies)),
                Arrays.copyOf(validationLosses, trimmed(validationLosses)));
        progress.finish();
        // A finished run keeps its result only; let the net, the optimizer's state and the buffers go.
        net = null;
        optimizer = null;
        params = null;
        sampler = null;
        pixels = null;
        x = null;
        batchNonZeros = null;
        losses = null;
        evaluationBuffers = null;
        trainedOn = null;
        validation = null;
    }

    /** The evaluations made so far, or 0 for a measurement the setup does not ask for. */
    private int trimmed(double[] measured) {
        return measured.length == 0 ? 0 : evaluations;
    }
}
