package dev.descent.network.layers;

import dev.descent.network.matrix.Matrix;
import java.util.SplittableRandom;

/**
 * Dropout (Hinton et al. 2012, arXiv:1207.0580; the book's {@code Dropout}, §6.4.3), the book's
 * convention:
 * <pre>
 *   training:    mask_ij = (u_ij &gt; ratio), u_ij uniform in [0, 1);   out = x · mask;   dx = dout · mask
 *   evaluation:  out = x · (1 − ratio)
 * </pre>
 * Each unit is kept with probability 1 − ratio during training; at evaluation every unit is kept and
 * scaled by 1 − ratio, so its expected contribution matches training. Modern frameworks use "inverted"
 * dropout instead (x · mask / (1 − ratio) in training, identity at evaluation): the expected values are
 * the same, but the gradients of the next layer differ by that factor, so the training trajectory and
 * the book's figures 6-22 and 6-23 would not be reproduced. descent follows the book.
 *
 * <p><b>Random numbers.</b> The u_ij come from the {@link SplittableRandom} given to the constructor, one
 * {@code nextDouble()} per element in row-major order. A network gives all its dropout layers (and all
 * batch sizes) one seeded generator, so the masks depend only on the seed and the sequence of training
 * forwards: the same run gives the same masks on any thread, next to any other network.
 *
 * <p>Each instance serves one batch size and owns its buffers; repeated calls allocate nothing.
 */
public final class Dropout {

    private final double ratio;
    private final float keepScale;         // 1 − ratio, the evaluation scale
    private final SplittableRandom random;
    private final boolean[] mask;          // mask is (N, D), the last training forward's
    private final Matrix out;              // out is (N, D)
    private Matrix dx;                     // dx is (N, D); allocated by the first backward
    private boolean backwardReady;

    /**
     * @param ratio     the probability of dropping a unit in training, in [0, 1)
     * @param random    the source of the masks, owned by the network (not thread-safe, like the network)
     * @param batchRows N
     * @param width     D
     */
    public Dropout(double ratio, SplittableRandom random, int batchRows, int width) {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException("dropout ratio " + ratio + " must be in [0, 1): it is the "
                    + "probability of dropping a unit (the book uses 0.2)");
        }
        this.ratio = ratio;
        this.keepScale = (float) (1 - ratio);
        this.random = random;
        this.mask = new boolean[batchRows * width];
        this.out = new Matrix(batchRows, width);
    }

    /** x is (N, D); returns out (N, D). A training forward draws a new mask. */
    public Matrix forward(Matrix x, Mode mode) {
        checkShape("x", x);
        float[] xs = x.data;
        float[] ys = out.data;
        if (mode == Mode.TRAIN) {
            for (int i = 0; i < ys.length; i++) {
                boolean keep = random.nextDouble() > ratio;
                mask[i] = keep;
                ys[i] = keep ? xs[i] : 0f;
            }
        } else {
            for (int i = 0; i < ys.length; i++) {
                ys[i] = xs[i] * keepScale;
            }
        }
        backwardReady = mode == Mode.TRAIN;
        return out;
    }

    /** dout is (N, D); returns dx (N, D) = dout where the last training mask kept the unit, else 0. */
    public Matrix backward(Matrix dout) {
        if (!backwardReady) {
            throw new IllegalStateException("Dropout.backward needs a forward in Mode.TRAIN first");
        }
        checkShape("dout", dout);
        if (dx == null) {
            dx = new Matrix(out.rows, out.cols);
        }
        float[] g = dout.data;
        float[] d = dx.data;
        for (int i = 0; i < d.length; i++) {
            d[i] = mask[i] ? g[i] : 0f;
        }
        return dx;
    }

    /** Whether element {@code index} (row-major) was kept by the last training forward's mask. */
    public boolean kept(int index) {
        return mask[index];
    }

    public double ratio() {
        return ratio;
    }

    private void checkShape(String name, Matrix m) {
        if (m.rows != out.rows || m.cols != out.cols) {
            throw new IllegalArgumentException("Dropout expects " + name + " of shape " + out.shape() + ", got "
                    + m.shape());
        }
    }
}
