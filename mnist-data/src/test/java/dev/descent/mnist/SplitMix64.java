package dev.descent.mnist;

/**
 * SplitMix64 written out from Steele, Lea and Flood, "Fast splittable pseudorandom number generators" (OOPSLA
 * 2014): a 64-bit counter advanced by the golden gamma, each value scrambled by a mixing function. The 32-bit
 * mix and the bounded draw (rejection on the top 31 bits, so every residue is equally likely) follow the
 * definitions that {@link java.util.SplittableRandom} documents itself as implementing. Test scope only: an oracle
 * that pins the samplers' batches, so a JDK that changed its generator would fail a test instead of silently
 * changing every experiment.
 */
final class SplitMix64 {

    /** The odd constant nearest 2^64 / phi: the default gamma. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;

    SplitMix64(long seed) {
        this.seed = seed;
    }

    int nextInt() {
        seed += GOLDEN_GAMMA;
        long z = seed;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** Uniform in 0..bound-1: low bits for a power of two, else the top 31 bits with rejection of the last partial block. */
    int nextInt(int bound) {
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        int u = r >>> 1;
        while (u + m - (r = u % bound) < 0) {
            u = nextInt() >>> 1;
        }
        return r;
    }
}
