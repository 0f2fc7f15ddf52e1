package dev.descent.network;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.descent.network.kernels.KernelPath;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After the first call with a batch size, gradient, loss, predict and accuracy allocate nothing, counted
 * with the JVM's per-thread allocation counter. Only on the scalar path: vector code allocates (boxed vectors)
 * until the JIT has compiled it, which no test can wait for deterministically; the vector path is covered
 * by {@code TrainingStepBenchmark -prof gc}. The pom runs this class with the path forced to scalar.
 */
class AllocationTest {

    @Test
    void steadyStateCallsAllocateNothing() {
        assumeFalse(KernelPath.vectorActive(), "vector path: measured with JMH -prof gc instead");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        MultiLayerNet net = new MultiLayerNet(20, new int[] {16, 16}, 5, Activation.RELU, WeightInit.he(), 0.01, 1);
        TestData batch = TestData.random(32, 20, 5, 2);
        TestData evaluation = TestData.random(2300, 20, 5, 3);   // chunks of 1000, 1000, 300
        byte[] byteLabels = new byte[32];
        float[] w2 = net.params().get("W2");
        // Iterating the maps is left out: an iterator is allocated until the JIT removes it, which is
        // the optimizer's concern, not the net's.
        Runnable step = () -> {
            Map<String, float[]> grads = net.gradient(batch.x, batch.labels);
            w2[0] -= 0.01f * grads.get("W2")[0];
            net.gradient(batch.x, byteLabels);
            net.loss(batch.x, batch.labels);
            net.predict(batch.x);
            net.accuracy(evaluation.x, evaluation.labels);
        };
        step.run();   // sizes every buffer
        // A JIT event (a deoptimisation re-creating objects it had optimised away) can allocate a few
        // hundred bytes once; real per-call garbage would show in every round, so one clean round passes.
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
