package dev.descent.experiments.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrajectoryRunTest {

    @Test
    void sgdFollowsTheHandComputedSteps() {
        Trajectory t = TrajectoryRun.run(Optimizers.parse("sgd:lr=0.95"), -7f, 2f, 2);
        assertEquals(2, t.steps());
        assertEquals(-7f, t.x()[0]);
        assertEquals(2f, t.y()[0]);
        // Gradient (x/10, 2y) at (-7, 2) is (-0.7, 4):
        // x1 = -7 - 0.95·(-0.7) = -6.335, y1 = 2 - 0.95·4 = -1.8.
        assertEquals(-6.335, t.x()[1], 1e-5);
        assertEquals(-1.8, t.y()[1], 1e-5);
        // Gradient at (-6.335, -1.8) is (-0.6335, -3.6):
        // x2 = -6.335 + 0.95·0.6335 = -5.733175, y2 = -1.8 + 0.95·3.6 = 1.62.
        assertEquals(-5.733175, t.x()[2], 1e-5);
        assertEquals(1.62, t.y()[2], 1e-5);
        assertEquals(Bowl.value(t.x()[2], t.y()[2]), t.finalValue());
    }

    @Test
    void matchesANaiveDoubleLoopForSgd() {
        // An independent loop in double: W -= lr·g with g = (x/10, 2y); float32 may differ by rounding only.
        double lr = 0.3;
        double x = 3;
        double y = -4;
        Trajectory t = TrajectoryRun.run(Optimizers.parse("sgd:lr=0.3"), 3f, -4f, 30);
        for (int step = 1; step <= 30; step++) {
            double gx = x / 10;
            double gy = 2 * y;
            x -= lr * gx;
            y -= lr * gy;
            assertEquals(x, t.x()[step], 1e-5, "x at step " + step);
            assertEquals(y, t.y()[step], 1e-5, "y at step " + step);
        }
    }

    @Test
    void theRecordedSpecIsTheCanonicalOne() {
        Optimizer adam = Optimizers.parse("adam:lr=0.3");
        assertEquals(adam.toString(), TrajectoryRun.run(adam, -7f, 2f, 1).optimizer());
    }

    @Test
    void divergingPathsAreRecordedNotRefused() {
        Trajectory t = TrajectoryRun.run(Optimizers.parse("sgd:lr=5"), -7f, 2f, 200);
        // y is multiplied by (1 - 5·2) = -9 each step: it overflows float32 within 50 steps.
        assertTrue(!Float.isFinite(t.finalY()), () -> "final y " + t.finalY());
        assertEquals(201, t.x().length);
    }

    @Test
    void anOptimizerThatReplacesArraysIsCaught() {
        Optimizer replacing = new Optimizer() {
            @Override
            public void update(Map<String, float[]> params, Map<String, float[]> grads) {
                params.put("x", new float[] {0f});
            }

            @Override
            public String name() {
                return "replacing";
            }

            @Override
            public Map<String, Double> hyperparameters() {
                return Map.of();
            }

            @Override
            public String toString() {
                return "replacing";
            }
        };
        IllegalStateException error = assertThrows(IllegalStateException.class,
            () -> TrajectoryRun.run(replacing, 1f, 1f, 1));
        assertTrue(error.getMessage().contains("in place"), error::getMessage);
    }
}
