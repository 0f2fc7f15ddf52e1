package dev.descent.experiments.trajectory;

/**
 * f(x, y) = x²/20 + y², the book's example function (§6.1.2, equation 6.2): a bowl twenty times longer along x
 * than along y, so the gradient points mostly across the valley and SGD zig-zags. Its minimum is f(0, 0) = 0.
 *
 * <p>The gradient is computed in float32 like the parameters it updates; the value in double, for reports.
 */
public final class Bowl {
    /** The book's starting point. */
    public static final float START_X = -7f;
    public static final float START_Y = 2f;

    private Bowl() {
    }

    /** f(x, y) = x²/20 + y². */
    public static double value(double x, double y) {
        return x * x / 20 + y * y;
    }

    /** ∂f/∂x = x/10. */
    public static float gradX(float x) {
        return x / 10f;
    }

    /** ∂f/∂y = 2y. */
    public static float gradY(float y) {
        return 2f * y;
    }
}
