package dev.descent.network.kernels;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Chooses, once per JVM, which GEMM implementation every {@link Gemm#create()} gets.
 *
 * <p>The choice, made when this class is initialised:
 * <ol>
 *   <li>If the {@code jdk.incubator.vector} module is not in the boot layer (the JVM was started without
 *       {@code --add-modules jdk.incubator.vector}), the scalar path; no vector class is ever loaded.</li>
 *   <li>Otherwise the system property {@value #PROPERTY} may force {@code scalar}, {@code vector256} or
 *       {@code vector512} (a forced vector path skips the self-check).</li>
 *   <li>In {@code auto} mode (the default): the 512-bit 8×32 kernel when the preferred species is 512 bits,
 *       the 256-bit 6×16 kernel when it is 256 bits, the scalar path when it is narrower. Only one species
 *       is ever used in a JVM: on JDK 17 a second species made the vector code silently ~20× slower.</li>
 *   <li>A self-check then multiplies one small matrix repeatedly until the vector kernel is compiled
 *       and fast (usually ~0.4 s, most of it the JIT warming up the kernel the run needs anyway). If it
 *       is not at least {@value #FAST_ENOUGH_GFLOPS} GFLOP/s within {@value #BUDGET_MILLIS} ms, the scalar
 *       kernel is timed the same way and the faster of the two wins; a vector result that differs from the
 *       scalar one in any bit also selects the scalar path.</li>
 * </ol>
 * All paths produce bit-identical results ({@link GemmKernel}), so the choice changes speed only, never a
 * training run; a timing-based decision is therefore safe for reproducibility.
 */
public final class KernelPath {

    /** System property that forces a path: auto (default), scalar, vector256 or vector512. */
    public static final String PROPERTY = "descent.kernels";

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String HINT_ADD_MODULES =
            "HINT: start java with --add-modules " + VECTOR_MODULE + " for the fast path";

    /** A vector kernel reaching this rate in the self-check is taken without timing the scalar one. */
    static final double FAST_ENOUGH_GFLOPS = 10.0;
    /** Longest the self-check keeps warming the vector kernel before comparing it with the scalar one. */
    static final long BUDGET_MILLIS = 2000;
    private static final int CHECK_M = 32;
    private static final int CHECK_N = 64;
    private static final int CHECK_K = 64;

    private enum Kind { SCALAR, VECTOR_256, VECTOR_512 }

    private static final Kind KIND;
    private static final String DESCRIPTION;

    static {
        Kind kind = Kind.SCALAR;
        String description;
        String requested = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            description = "scalar fallback (" + VECTOR_MODULE + " not present; " + HINT_ADD_MODULES + ")";
        } else {
            switch (requested) {
                case "scalar":
                    description = "scalar (forced by -D" + PROPERTY + "=scalar)";
                    break;
                case "vector256":
                case "vector512": {
                    kind = requested.equals("vector256") ? Kind.VECTOR_256 : Kind.VECTOR_512;
                    String failure = tryVector(kind);
                    if (failure == null) {
                        description = "vector API, " + newKernel(kind).description()
                                + " (forced by -D" + PROPERTY + "=" + requested + ")";
                    } else {
                        kind = Kind.SCALAR;
                        description = "scalar fallback (" + failure + ")";
                    }
                    break;
                }
                case "auto": {
                    String[] outcome = new String[1];
                    kind = chooseAutomatically(outcome);
                    description = outcome[0];
                    break;
                }
                default:
                    description = "scalar fallback (-D" + PROPERTY + "=" + requested
                            + " is not one of auto, scalar, vector256, vector512)";
            }
        }
        KIND = kind;
        DESCRIPTION = description;
    }

    private KernelPath() {
    }

    /**
     * The active path in words, e.g. "vector API, 512-bit FloatVector, 8x32 and 8x48 tiles (self-check passed in
     * 410 ms)".
     */
    public static String describe() {
        return DESCRIPTION;
    }

    /** True when the active path uses the Vector API. */
    public static boolean vectorActive() {
        return KIND != Kind.SCALAR;
    }

    /** A new kernel of the active path, with its own buffers. */
    static GemmKernel newKernel() {
        return newKernel(KIND);
    }

    /** A new sparse-input kernel on the active path's species (scalar when the path is scalar). */
    static SparseKernel newSparseKernel() {
        if (KIND == Kind.SCALAR) {
            return new ScalarSparse();
        }
        try {
            return (SparseKernel) Class.forName("dev.descent.network.kernels.VectorSparse")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the vector sparse kernel: " + e, e);
        }
    }

    /** Bits of the active vector species: 512 or 256; 0 on the scalar path. */
    static int vectorBits() {
        switch (KIND) {
            case VECTOR_512:
                return 512;
            case VECTOR_256:
                return 256;
            default:
                return 0;
        }
    }

    private static GemmKernel newKernel(Kind kind) {
        switch (kind) {
            case VECTOR_256:
                return instantiate("dev.descent.network.kernels.VectorGemm256");
            case VECTOR_512:
                return instantiate("dev.descent.network.kernels.VectorGemm512");
            default:
                return new ScalarGemm();
        }
    }

    /** Loads a vector kernel by name, so that nothing links against the incubator module unless chosen. */
    private static GemmKernel instantiate(String className) {
        try {
            return (GemmKernel) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className + ": " + e, e);
        }
    }

    /** Null if the kernel can be created, else why not. */
    private static String tryVector(Kind kind) {
        try {
            newKernel(kind);
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "vector kernel unavailable: " + e;
        }
    }

    private static Kind chooseAutomatically(String[] description) {
        int bits;
        try {
            bits = (Integer) Class.forName("dev.descent.network.kernels.VectorProbe")
                    .getDeclaredMethod("preferredBits").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            description[0] = "scalar fallback (cannot query the Vector API: " + e + ")";
            return Kind.SCALAR;
        }
        Kind kind;
        if (bits >= 512) {
            kind = Kind.VECTOR_512;
        } else if (bits >= 256) {
            kind = Kind.VECTOR_256;
        } else {
            description[0] = "scalar fallback (preferred vector size " + bits + " bits is below 256)";
            return Kind.SCALAR;
        }
        String failure = tryVector(kind);
        if (failure != null) {
            description[0] = "scalar fallback (" + failure + ")";
            return Kind.SCALAR;
        }
        return selfCheck(kind, description);
    }

    private static Kind selfCheck(Kind kind, String[] description) {
        GemmKernel vector = newKernel(kind);
        GemmKernel scalar = new ScalarGemm();
        int m = CHECK_M;
        int n = CHECK_N;
        int k = CHECK_K;
        float[] a = new float[m * k];   // a is (m, k)
        float[] b = new float[k * n];   // b is (k, n)
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 13) * 0.25f - 1.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 11) * 0.125f - 0.5f;
        }
        float[] expected = new float[m * n];
        float[] actual = new float[m * n];
        scalar.multiply(false, false, a, b, expected, m, n, k, false);
        vector.multiply(false, false, a, b, actual, m, n, k, false);
        if (!Arrays.equals(expected, actual)) {
            description[0] = "scalar fallback (vector self-check gave a different result from the scalar kernel)";
            return Kind.SCALAR;
        }
        long start = System.nanoTime();
        double vectorGflops = bestGflops(vector, a, b, actual, m, n, k, BUDGET_MILLIS, FAST_ENOUGH_GFLOPS);
        if (vectorGflops >= FAST_ENOUGH_GFLOPS) {
            description[0] = String.format(Locale.ROOT, "vector API, %s (self-check passed in %d ms)",
                    vector.description(), (System.nanoTime() - start) / 1_000_000L);
            return kind;
        }
        double scalarGflops = bestGflops(scalar, a, b, expected, m, n, k, BUDGET_MILLIS / 4, Double.MAX_VALUE);
        if (vectorGflops > scalarGflops) {
            description[0] = String.format(Locale.ROOT,
                    "vector API, %s (slow self-check: %.1f GFLOP/s, scalar %.1f)",
                    vector.description(), vectorGflops, scalarGflops);
            return kind;
        }
        description[0] = String.format(Locale.ROOT,
                "scalar fallback (vector %s self-check %.1f GFLOP/s, scalar %.1f)",
                vector.description(), vectorGflops, scalarGflops);
        return Kind.SCALAR;
    }

    /** Best single-call rate seen within the budget, stopping early once {@code enough} is reached. */
    private static double bestGflops(GemmKernel kernel, float[] a, float[] b, float[] c, int m, int n, int k,
                                     long budgetMillis, double enough) {
        double flops = 2.0 * m * n * k;
        double best = 0;
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            kernel.multiply(false, false, a, b, c, m, n, k, false);
            long elapsed = Math.max(1, System.nanoTime() - start);
            best = Math.max(best, flops / elapsed);
            if (best >= enough) {
                break;
            }
        }
        return best;
    }
}
