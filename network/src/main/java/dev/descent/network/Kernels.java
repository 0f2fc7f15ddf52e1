package dev.descent.network;

import dev.descent.network.kernels.KernelPath;
import dev.descent.network.kernels.SparseMode;

/** Which kernel path this JVM runs, for {@code descent --version} and for results metadata. */
public final class Kernels {

    private Kernels() {
    }

    /**
     * The active path, e.g. "vector API, 512-bit FloatVector, 8x32 and 8x48 tiles (self-check passed in 410 ms)" or
     * "scalar fallback (jdk.incubator.vector not present; HINT: …)". The first call runs the start-up
     * self-check (see {@link KernelPath}). All paths give bit-identical results; only speed differs.
     */
    public static String describe() {
        return KernelPath.describe() + "; sparse input " + SparseMode.describe();
    }

    /** True when the Vector API path is active. */
    public static boolean vectorActive() {
        return KernelPath.vectorActive();
    }
}
