package dev.descent.experiments.bench;

import dev.descent.network.Activation;
import dev.descent.network.matrix.Matrix;
import dev.descent.network.MultiLayerNet;
import dev.descent.network.WeightInit;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the book's optimizer comparison (chapter 6.1): a 784-100-100-100-100-10 net, ReLU,
 * He init, batch 128, as in the book's loop:
 * <pre>
 *   grads = network.gradient(x_batch, t_batch)
 *   optimizer.update(network.params, grads)
 *   loss = network.loss(x_batch, t_batch)
 * </pre>
 * {@code step} is all three; {@code stepWithoutLoss} leaves out the loss pass (a second forward pass).
 * The data is synthetic and seeded: MNIST-like pixels in [0, 1), about 80% zeros, random labels; eight
 * batches are used in turn. One thread, no parallelism inside the net.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp experiments/target/descent.jar
 * org.openjdk.jmh.Main TrainingStep -prof gc} (gc.alloc.rate.norm is the bytes allocated per step).
 * For the scalar path add {@code -jvmArgsAppend -Ddescent.kernels=scalar}. Compare with
 * {@code python3 experiments/bench/numpy_step.py} in the same session.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UnlockDiagnosticVMOptions",
        "-XX:+IncrementalInlineForceCleanup"})
@State(Scope.Thread)
public class TrainingStepBenchmark {

    private static final int INPUT = 784;
    private static final int[] HIDDEN = {100, 100, 100, 100};
    private static final int CLASSES = 10;
    private static final int BATCH = 128;
    private static final int BATCHES = 8;
    private static final long SEED = 42;

    @Param({"adam"})
    public String optimizer;

    private MultiLayerNet net;
    private Optimizer update;
    private final Matrix[] xs = new Matrix[BATCHES];      // each (BATCH, INPUT)
    private final int[][] labels = new int[BATCHES][];    // each (BATCH)
    private int next;

    @Setup
    public void setUp() {
        net = new MultiLayerNet(INPUT, HIDDEN, CLASSES, Activation.RELU, WeightInit.he(), 0, SEED);
        update = Optimizers.parse(optimizer);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int s = 0; s < BATCHES; s++) {
            xs[s] = new Matrix(BATCH, INPUT);
            labels[s] = new int[BATCH];
            for (int i = 0; i < xs[s].data.length; i++) {
                xs[s].data[i] = random.nextDouble() < 0.8 ? 0f : (float) random.nextDouble();
            }
            for (int i = 0; i < BATCH; i++) {
                labels[s][i] = random.nextInt(CLASSES);
            }
        }
    }

    @Benchmark
    public double step() {
        int s = nextBatch();
        Map<String, float[]> grads = net.gradient(xs[s], labels[s]);
        update.update(net.params(), grads);
        return net.loss(xs[s], labels[s]);
    }

    @Benchmark
    public Map<String, float[]> stepWithoutLoss() {
        int s = nextBatch();
        Map<String, float[]> grads = net.gradient(xs[s], labels[s]);
        update.update(net.params(), grads);
        return grads;
    }

    private int nextBatch() {
        next = (next + 1) % BATCHES;
        return next;
    }
}
