package dev.descent.network;

import dev.descent.network.kernels.KernelPath;
import dev.descent.network.kernels.SparseMode;

/** Which kernel path this JVM runs, for {@code descent --version} and for results metadata. */
public final class Kernels {

    private Kernels() {
    }

    /**
     * The active path, e.g. "vector API, 512-bit FloatVector, 8x32 tile (self-check passed in 410 ms)" or
     * "scalar fallback (jdk.incubator.vector not present; HINT: …)". The first call runs the start-up
     * self-check (see {@link KernelPath}). All paths give bit-identical results; only speed differs.
     */
    public static String describe() {
        return KernelPath.describe() + "; sparse input " + SparseMode.describe();
    }

    /**
     * Starts the choice of the kernel path, and with it the self-check that waits for the JIT to compile the GEMM
     * (a few hundred milliseconds), on a daemon thread, and returns at once: a command calls this before it loads
     * its data, so that the check and the compiler work meanwhile and the first net finds the choice made. A thread
     * that needs the kernels before the check is done waits for it (the JVM's class initialisation lock), so the
     * choice is the same either way.
     */
    public static void chooseInBackground() {
        Thread chooser = new Thread(KernelPath::describe, "descent-kernel-check");
        chooser.setDaemon(true);
        chooser.start();
    }

    /** True when the Vector API path is active. */
    public static boolean vectorActive() {
        return KernelPath.vectorActive();
    }
}
