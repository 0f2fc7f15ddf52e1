package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The first two steps of each optimizer on f(x, y) = x²/20 + y² from (−7, 2), derived by hand.
 *
 * <p>At the start the gradient is (x/10, 2y) = (−0.7, 4). The tolerance 1e-5 covers float32 rounding (an ulp
 * of 7 is 4.8e-7) and, where noted, the ε = 1e-7 that the hand arithmetic leaves out.
 */
class FirstStepsTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void sgd() {
        // lr 0.95.
        // x1 = −7 − 0.95·(−0.7) = −7 + 0.665 = −6.335        y1 = 2 − 0.95·4 = 2 − 3.8 = −1.8
        // gradient (−0.6335, −3.6)
        // x2 = −6.335 − 0.95·(−0.6335) = −6.335 + 0.601825 = −5.733175
        // y2 = −1.8 − 0.95·(−3.6) = −1.8 + 3.42 = 1.62
        assertSteps("sgd:lr=0.95", -6.335, -1.8, -5.733175, 1.62);
    }

    @Test
    void momentum() {
        // lr 0.1, μ 0.9, v0 = 0.
        // vx = 0.9·0 − 0.1·(−0.7) = 0.07,  x1 = −7 + 0.07 = −6.93
        // vy = 0.9·0 − 0.1·4 = −0.4,       y1 = 2 − 0.4 = 1.6
        // gradient (−0.693, 3.2)
        // vx = 0.9·0.07 − 0.1·(−0.693) = 0.063 + 0.0693 = 0.1323,  x2 = −6.93 + 0.1323 = −6.7977
        // vy = 0.9·(−0.4) − 0.1·3.2 = −0.36 − 0.32 = −0.68,        y2 = 1.6 − 0.68 = 0.92
        assertSteps("momentum:lr=0.1,momentum=0.9", -6.93, 1.6, -6.7977, 0.92);
    }

    @Test
    void nesterov() {
        // lr 0.1, μ 0.9: μ² = 0.81, (1+μ)·lr = 0.19, v0 = 0.
        // x1 = −7 + 0.81·0 − 0.19·(−0.7) = −7 + 0.133 = −6.867,   then vx = 0 − 0.1·(−0.7) = 0.07
        // y1 = 2 + 0.81·0 − 0.19·4 = 2 − 0.76 = 1.24,            then vy = 0 − 0.1·4 = −0.4
        // gradient (−0.6867, 2.48)
        // x2 = −6.867 + 0.81·0.07 − 0.19·(−0.6867) = −6.867 + 0.0567 + 0.130473 = −6.679827
        // y2 = 1.24 + 0.81·(−0.4) − 0.19·2.48 = 1.24 − 0.324 − 0.4712 = 0.4448
        // (Advancing v before the W lines, as the book's published code does, would give x1 = −6.8103.)
        assertSteps("nesterov:lr=0.1,momentum=0.9", -6.867, 1.24, -6.679827, 0.4448);
    }

    @Test
    void adagrad() {
        // lr 1.5; ε shifts each step by about lr·|g|·ε/h ≈ 2e-7, inside the tolerance.
        // hx = 0.49, √hx = 0.7:  x1 = −7 − 1.5·(−0.7)/0.7 = −7 + 1.5 = −5.5
        // hy = 16,   √hy = 4:    y1 = 2 − 1.5·4/4 = 0.5
        // gradient (−0.55, 1)
        // hx = 0.49 + 0.3025 = 0.7925, √0.7925 = 0.89022469:  x2 = −5.5 + 1.5·0.55/0.89022469 = −5.5 + 0.92673233 = −4.57326767
        // hy = 16 + 1 = 17,           √17 = 4.12310563:      y2 = 0.5 − 1.5·1/4.12310563 = 0.5 − 0.36380344 = 0.13619656
        assertSteps("adagrad:lr=1.5", -5.5, 0.5, -4.57326767, 0.13619656);
    }

    @Test
    void rmsprop() {
        // lr 0.1, ρ 0.99; the first step is lr/√(1−ρ) = 1 against the sign of g. ε: about 2e-6 in x over two steps.
        // hx = 0.01·0.49 = 0.0049, √ = 0.07:  x1 = −7 − 0.1·(−0.7)/0.07 = −7 + 1 = −6
        // hy = 0.01·16 = 0.16, √ = 0.4:        y1 = 2 − 0.1·4/0.4 = 2 − 1 = 1
        // gradient (−0.6, 2)
        // hx = 0.99·0.0049 + 0.01·0.36 = 0.004851 + 0.0036 = 0.008451, √ = 0.09192932
        //   x2 = −6 − 0.1·(−0.6)/0.09192932 = −6 + 0.65267533 = −5.34732467
        // hy = 0.99·0.16 + 0.01·4 = 0.1584 + 0.04 = 0.1984, √ = 0.44542115
        //   y2 = 1 − 0.1·2/0.44542115 = 1 − 0.44901326 = 0.55098674
        assertSteps("rmsprop:lr=0.1,decay=0.99", -6, 1, -5.34732467, 0.55098674);
    }

    @Test
    void adam() {
        // lr 0.3, β1 0.9, β2 0.999; the first step is lr against the sign of g. ε: at most 3e-6 in x.
        // t = 1: lr_t = 0.3·√(1−0.999)/(1−0.9) = 0.3·0.03162278/0.1 = 0.09486833
        //   mx = 0.1·(−0.7) = −0.07, vx = 0.001·0.49 = 0.00049, √vx = 0.02213594
        //   x1 = −7 − 0.09486833·(−0.07)/0.02213594 = −7 + 0.3 = −6.7
        //   my = 0.1·4 = 0.4, vy = 0.001·16 = 0.016, √vy = 0.12649111
        //   y1 = 2 − 0.09486833·0.4/0.12649111 = 2 − 0.3 = 1.7
        // gradient (−0.67, 3.4)
        // t = 2: lr_t = 0.3·√(1−0.999²)/(1−0.9²) = 0.3·0.04471018/0.19 = 0.07059502
        //   mx = −0.07 + 0.1·(−0.67 + 0.07) = −0.13
        //   vx = 0.00049 + 0.001·(0.4489 − 0.00049) = 0.00093841, √ = 0.03063348
        //   x2 = −6.7 − 0.07059502·(−0.13)/0.03063348 = −6.7 + 0.29958570 = −6.4004143
        //   my = 0.4 + 0.1·(3.4 − 0.4) = 0.7
        //   vy = 0.016 + 0.001·(11.56 − 0.016) = 0.027544, √ = 0.16596386
        //   y2 = 1.7 − 0.07059502·0.7/0.16596386 = 1.7 − 0.29775467 = 1.40224533
        assertSteps("adam:lr=0.3,beta1=0.9,beta2=0.999", -6.7, 1.7, -6.4004143, 1.40224533);
    }

    private static void assertSteps(String spec, double x1, double y1, double x2, double y2) {
        double[][] path = Bowl.trajectory(Optimizers.parse(spec), 2);
        assertAll(spec,
                () -> assertEquals(x1, path[1][0], TOLERANCE, "x1"),
                () -> assertEquals(y1, path[1][1], TOLERANCE, "y1"),
                () -> assertEquals(x2, path[2][0], TOLERANCE, "x2"),
                () -> assertEquals(y2, path[2][1], TOLERANCE, "y2"));
    }
}
