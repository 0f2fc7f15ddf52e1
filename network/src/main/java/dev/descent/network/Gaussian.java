package dev.descent.network;

import java.util.SplittableRandom;

/**
 * Standard normal numbers from a seeded {@link SplittableRandom} by the Box–Muller transform
 * (Box and Muller 1958): z0 = √(−2 ln u1)·cos(2π u2), z1 = √(−2 ln u1)·sin(2π u2), using both.
 *
 * <p>Written out here rather than using {@code RandomGenerator.nextGaussian()}, whose algorithm the JDK
 * does not specify, and with {@link StrictMath}, so the same seed gives the same numbers on every JVM.
 */
final class Gaussian {

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    Gaussian(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - random.nextDouble();   // in (0, 1], so the log is finite
        double u2 = random.nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double theta = 2.0 * Math.PI * u2;
        spare = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }
}
