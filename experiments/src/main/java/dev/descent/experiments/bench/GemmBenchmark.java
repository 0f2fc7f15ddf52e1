package dev.descent.experiments.bench;

import dev.descent.network.kernels.Gemm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The GEMMs of one training step of the 784-100-100-100-100-10 net at batch 128, on the vector path and
 * on the scalar fallback.
 *
 * <p>{@code shape} is {@code form:MxNxK} for C (M, N) with inner dimension K: {@code ab} is the forward
 * x·W, {@code atb} the weight gradient xᵀ·dout, {@code abt} the input gradient dout·Wᵀ (never needed for
 * the first layer, so there is no abt with K = 784).
 *
 * <p>GFLOP/s is the secondary metric {@code gemm:gflop}: every call adds 2·M·N·K / 10⁹ to an
 * {@link AuxCounters} counter, which JMH reports per second. (Equivalently: ops/s × 2MNK / 10⁹.) The
 * fork gets {@code --add-modules jdk.incubator.vector}; {@code path=vector} fails in set-up if the JVM
 * nevertheless fell back to scalar, so a scalar number is never reported as a vector one.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp experiments/target/descent.jar
 * org.openjdk.jmh.Main GemmBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UnlockDiagnosticVMOptions",
        "-XX:+IncrementalInlineForceCleanup"})
@State(Scope.Thread)
public class GemmBenchmark {

    @Param({"ab:128x100x784", "ab:128x100x100", "ab:128x10x100",
            "atb:784x100x128", "atb:100x100x128", "atb:100x10x128",
            "abt:128x100x10", "abt:128x100x100"})
    public String shape;

    @Param({"vector", "scalar"})
    public String path;

    private Gemm gemm;
    private String form;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private float[] b;
    private float[] c;
    private double gflopPerCall;

    /** Counts billions of floating-point operations; JMH reports the total per second, i.e. GFLOP/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public double gflop;

        @Setup(Level.Iteration)
        public void reset() {
            gflop = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] formAndSize = shape.split(":");
        String[] mnk = formAndSize[1].split("x");
        form = formAndSize[0];
        m = Integer.parseInt(mnk[0]);
        n = Integer.parseInt(mnk[1]);
        k = Integer.parseInt(mnk[2]);
        if (path.equals("vector")) {
            gemm = Gemm.create();
            if (gemm.path().equals("scalar")) {
                throw new IllegalStateException("path=vector but this JVM runs "
                        + dev.descent.network.Kernels.describe());
            }
        } else {
            gemm = Gemm.scalar();
        }
        SplittableRandom random = new SplittableRandom(1);
        a = randomArray(random, m * k);   // (m, k) for ab and abt, (k, m) for atb
        b = randomArray(random, k * n);   // (k, n) for ab and atb, (n, k) for abt
        c = new float[m * n];             // (m, n)
        gflopPerCall = 2.0 * m * n * k / 1e9;
    }

    @Benchmark
    public float[] gemm(Flops flops) {
        switch (form) {
            case "ab":
                gemm.ab(a, b, c, m, n, k, false);
                break;
            case "atb":
                gemm.atb(a, b, c, m, n, k, false);
                break;
            default:
                gemm.abt(a, b, c, m, n, k, false);
        }
        flops.gflop += gflopPerCall;
        return c;
    }

    private static float[] randomArray(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
