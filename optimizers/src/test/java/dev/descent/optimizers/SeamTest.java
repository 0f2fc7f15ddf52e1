package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two seams beyond update(): shapes for Muon through plan(), and schedule-free's evaluation weights. */
class SeamTest {

    /**
     * A rank-1 gradient g = σ·u·vᵀ makes Newton–Schulz a scalar iteration on the one singular value: starting from
     * s = ‖U‖/(‖U‖ + 1e-7) it computes f(s) = a·s + b·s³ + c·s⁵ five times, so the first Muon step is
     * −lr·√max(1, fan_out/fan_in)·f⁵(s)·u·vᵀ. Here W is (in 3, out 2), u = (1, 2, 2)/3, v = (0.6, 0.8), σ = 1.
     */
    @Test
    void muonOrthogonalisesAPlannedMatrix() {
        float[] u = {1 / 3f, 2 / 3f, 2 / 3f};
        float[] v = {0.6f, 0.8f};
        float[] g = new float[6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                g[i * 2 + j] = u[i] * v[j];
            }
        }
        double mu = 0.95;
        double norm = (1 - mu) * (1 + mu); // U = (1−μ)·g + μ·(1−μ)·g, and ‖g‖ = 1
        double s = norm / (norm + 1e-7);
        for (int k = 0; k < 5; k++) {
            s = 3.4445 * s - 4.7750 * s * s * s + 2.0315 * s * s * s * s * s;
        }
        Optimizer muon = Optimizers.parse("muon:lr=0.1");
        muon.plan(Map.of("W", new int[] {3, 2}, "b", new int[] {2}), 10);
        float[] W = new float[6];
        muon.update(Map.of("W", W), Map.of("W", g));
        for (int i = 0; i < 6; i++) {
            // fan_out 2 < fan_in 3: no shape factor.
            assertEquals(-0.1 * s * g[i], W[i], 1e-6, "W[" + i + "]");
        }
        // Transposed (in 2, out 3): the same singular value, and the factor √(3/2).
        float[] gT = new float[6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                gT[j * 3 + i] = g[i * 2 + j];
            }
        }
        Optimizer wide = Optimizers.parse("muon:lr=0.1");
        wide.plan(Map.of("W", new int[] {2, 3}), 10);
        float[] WT = new float[6];
        wide.update(Map.of("W", WT), Map.of("W", gT));
        for (int i = 0; i < 6; i++) {
            assertEquals(-0.1 * Math.sqrt(1.5) * s * gT[i], WT[i], 1e-6, "WT[" + i + "]");
        }
    }

    @Test
    void muonWithoutShapesIsItsAdamW() {
        // No plan: every key is a vector, so the first step is AdamW's −adam_lr·sign(g) (m̂/√v̂ = ±1 at t = 1).
        Optimizer muon = Optimizers.parse("muon:adam_lr=0.01");
        float[] W = {1, 1, 1};
        muon.update(Map.of("W", W), Map.of("W", new float[] {2, -3, 0.5f}));
        assertArrayEquals(new float[] {0.99f, 1.01f, 0.99f}, W, 1e-7f);
    }

    @Test
    void muonRejectsAShapeThatDoesNotFitTheArray() {
        Optimizer muon = Optimizers.parse("muon");
        muon.plan(Map.of("W1", new int[] {784, 100}), 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> muon.update(Map.of("W1", new float[6]), Map.of("W1", new float[6])));
        assertTrue(e.getMessage().contains("param 'W1' has length 6 but its planned shape is [784, 100]"),
                e.getMessage());
    }

    @Test
    void scheduleFreeSwapsToTheAverageAndBackExactly() {
        ScheduleFreeAdamW sf = (ScheduleFreeAdamW) Optimizers.parse("sf-adamw:lr=0.1");
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("w", new float[] {1, -1});
        // Before any update x = y = the initial weights: the swap changes nothing.
        sf.useEvaluationWeights(params);
        assertArrayEquals(new float[] {1, -1}, params.get("w"));
        assertThrows(IllegalStateException.class, () -> sf.useEvaluationWeights(params));
        assertThrows(IllegalStateException.class,
                () -> sf.update(params, Map.of("w", new float[] {1, 1})), "no update on the evaluation weights");
        sf.useTrainingWeights(params);
        assertThrows(IllegalStateException.class, () -> sf.useTrainingWeights(params));

        for (int step = 0; step < 3; step++) {
            sf.update(params, Map.of("w", new float[] {1, -2}));
        }
        float[] y = params.get("w").clone();
        sf.useEvaluationWeights(params);
        float[] x = params.get("w").clone();
        // y = (1−β1)·z + β1·x with z ahead of x along −g, so x lags behind y: the average moves less.
        assertTrue(x[0] > y[0] && x[1] < y[1], () -> java.util.Arrays.toString(x) + " vs " + java.util.Arrays.toString(y));
        sf.useTrainingWeights(params);
        assertArrayEquals(y, params.get("w"));
    }
}
