package dev.descent.network.kernels;

import jdk.incubator.vector.FloatVector;

/**
 * Asks the Vector API for its preferred float species size. Kept in its own class, loaded by name from
 * {@link KernelPath} only after the module is known to be present, so that {@code KernelPath} itself
 * never links against {@code jdk.incubator.vector}. Asking for the size runs no vector operation, so it
 * does not count as using a second species.
 */
final class VectorProbe {

    private VectorProbe() {
    }

    static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
