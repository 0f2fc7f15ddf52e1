package dev.descent.network.layers;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.descent.network.Activation;
import dev.descent.network.matrix.Matrix;
import dev.descent.network.MultiLayerNetExtend;
import dev.descent.network.WeightInit;
import dev.descent.network.kernels.KernelPath;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * After the first call, BatchNorm and Dropout allocate nothing, and neither does {@link MultiLayerNetExtend}
 * with both, counted with the JVM's per-thread allocation counter (as {@code dev.descent.network.AllocationTest}
 * does for {@code MultiLayerNet}). The layers are scalar code and are measured on every path; the net only on
 * the scalar GEMM path, because vector code allocates until the JIT has compiled it. The name matches the
 * pom's {@code **}{@code /AllocationTest.java} pattern, so the scalar-path executions run this class too.
 */
class AllocationTest {

    @Test
    void layersAllocateNothingAfterTheFirstCall() {
        ThreadMXBean threads = allocationCounter();
        int n = 32;
        int d = 16;
        BatchNorm norm = new BatchNorm(new float[d], new float[d], new float[d], new float[d], new float[d],
                new float[d], n);
        Dropout dropout = new Dropout(0.2, new SplittableRandom(1), n, d);
        Matrix x = new Matrix(n, d);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (i % 7) - 3;
        }
        Runnable step = () -> {
            Matrix h = norm.forward(x, Mode.TRAIN);
            h = dropout.forward(h, Mode.TRAIN);
            norm.backward(dropout.backward(h));
            dropout.forward(norm.forward(x, Mode.EVALUATION), Mode.EVALUATION);
        };
        assertSteadyStateAllocatesNothing(threads, step);
    }

    @Test
    void netAllocatesNothingAfterTheFirstCallPerBatchSize() {
        assumeFalse(KernelPath.vectorActive(), "vector path: vector code allocates until the JIT compiles it");
        ThreadMXBean threads = allocationCounter();
        MultiLayerNetExtend net = new MultiLayerNetExtend(20, new int[] {16, 16}, 5, Activation.RELU,
                WeightInit.he(), 0.01, true, 0.2, 1);
        SplittableRandom random = new SplittableRandom(2);
        Matrix batch = new Matrix(32, 20);
        Matrix evaluation = new Matrix(2300, 20);   // chunks of 1000, 1000, 300
        for (float[] data : new float[][] {batch.data, evaluation.data}) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextDouble(-2, 2);
            }
        }
        int[] labels = new int[32];
        int[] evaluationLabels = new int[2300];
        for (int i = 0; i < evaluationLabels.length; i++) {
            evaluationLabels[i] = i % 5;
            if (i < 32) {
                labels[i] = (i * 3) % 5;
            }
        }
        float[] gamma = net.params().get("gamma1");
        Runnable step = () -> {
            Map<String, float[]> grads = net.gradient(batch, labels);
            gamma[0] -= 0.01f * grads.get("gamma1")[0];
            net.loss(batch, labels);
            net.predict(batch);
            net.accuracy(evaluation, evaluationLabels);
        };
        assertSteadyStateAllocatesNothing(threads, step);
    }

    private static ThreadMXBean allocationCounter() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }

    /** One round of 20 calls without a byte passes (a JIT deoptimisation may allocate once); else fails. */
    private static void assertSteadyStateAllocatesNothing(ThreadMXBean threads, Runnable step) {
        step.run();   // sizes every buffer
        long thread = Thread.currentThread().getId();
        List<Long> rounds = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 20; i++) {
                step.run();
            }
            rounds.add(threads.getThreadAllocatedBytes(thread) - before);
            if (rounds.get(round) == 0) {
                return;
            }
        }
        fail("every round of 20 steady-state steps allocated: " + rounds + " bytes");
    }
}
