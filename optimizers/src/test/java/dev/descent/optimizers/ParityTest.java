package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each modern rule against an implementation we did not write: PyTorch's {@code torch.optim} in float64 for
 * AdamW, AMSGrad, Adamax, Adadelta and RAdam; NumPy float64 transcriptions of the papers (Lion, Muon,
 * schedule-free AdamW), of the book's code (nesterov-book) and of PyTorch 2.x's NAdam, all written by
 * {@code optimizers/src/test/python/make_goldens.py}. Several hyperparameter sets per rule, a learning-rate
 * schedule on some, 60 steps of stored gradients from 1e-6 to 1e2 in magnitude with zeros, two matrices and two
 * vectors.
 *
 * <p>Tolerance, per element at checkpoint step t: {@code 4·dev + (4 + t)·ulp32(scale)}, both from the golden file.
 * {@code dev} is how far the same algorithm run in float32 (by PyTorch itself, or the NumPy transcription in
 * float32) ended from the float64 reference on this very trajectory: the size of float32 rounding here, including
 * how the rule amplifies it over the steps; descent rounds in a different order, so it lands a few times that far
 * away at most. {@code scale} is the largest |W| or |step| the element had up to t: each float32 update rounds at
 * that magnitude, so t updates can drift by about one ulp of it each even where the two float32 runs happened to
 * agree (this term is at most 64 ulp, 4e-6 relative, at step 60). A wrong ε placement, bias correction,
 * weight-decay form, ε value or schedule moves results by far more: {@link #aWrongRuleFails} checks that the
 * tolerance catches such changes.
 */
class ParityTest {

    private static final Goldens INPUTS = Goldens.inputs();
    private static final double DEV_FACTOR = 4;
    private static final double ULPS_PLUS_ONE_PER_STEP = 4;

    static Stream<Arguments> cases() {
        return Stream.of("adamw", "amsgrad", "nadam", "adamax", "adadelta", "radam", "lion", "nesterov-book", "muon",
                        "sf-adamw")
                .flatMap(rule -> Goldens.cases(rule).stream().map(c -> Arguments.of(c.spec(), c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReference(String spec, Goldens.Case golden) {
        List<String> failures = replay(Optimizers.parse(spec), golden);
        assertTrue(failures.isEmpty(), () -> spec + ": " + failures.size() + " elements off, first: "
                + failures.subList(0, Math.min(5, failures.size())));
    }

    /** The goldens can fail: AdamW with ε moved inside the square root, and Adam's book form, are caught. */
    @org.junit.jupiter.api.Test
    void aWrongRuleFails() {
        Goldens.Case adamw = Goldens.cases("adamw").get(0);
        // The book's Adam with the same lr, betas and eps, and no weight decay: a different ε placement and decay.
        assertTrue(!replay(Optimizers.parse("adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08"), adamw).isEmpty());
        Goldens.Case scheduled = Goldens.cases("adamw").get(3);
        // The same AdamW without its cosine schedule.
        String unscheduled = scheduled.spec().substring(0, scheduled.spec().indexOf('@'));
        assertTrue(!replay(Optimizers.parse(unscheduled), scheduled).isEmpty());
        Goldens.Case nadam = Goldens.cases("nadam").get(1);
        assertTrue(!replay(Optimizers.parse("adam:lr=0.01,beta1=0.95,beta2=0.999,eps=1e-08"), nadam).isEmpty());
        // ε ten times too large (it matters only for the elements whose gradients are near 1e-6).
        assertTrue(!replay(Optimizers.parse("amsgrad:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07"),
                Goldens.cases("amsgrad").get(0)).isEmpty());
        // Muon with 4 instead of 5 Newton–Schulz steps.
        assertTrue(!replay(Optimizers.parse("muon:ns_steps=4"), Goldens.cases("muon").get(0)).isEmpty());
        // Schedule-free with β1 0.85 instead of 0.9 (moves y and x).
        assertTrue(!replay(Optimizers.parse("sf-adamw:beta1=0.85"), Goldens.cases("sf-adamw").get(0)).isEmpty());
    }

    /** Runs the golden's steps and returns a description of every element outside the tolerance. */
    private static List<String> replay(Optimizer optimizer, Goldens.Case golden) {
        Map<String, float[]> params = new LinkedHashMap<>();
        INPUTS.init.forEach((key, values) -> params.put(key, values.clone()));
        optimizer.plan(INPUTS.shapes, INPUTS.steps);
        List<String> failures = new java.util.ArrayList<>();
        for (int step = 1; step <= INPUTS.steps; step++) {
            optimizer.update(params, INPUTS.grads.get(step - 1));
            if (golden.check().containsKey(step)) {
                compare(step, "check", params, golden.check().get(step), golden.dev().get(step),
                        golden.scale().get(step), failures);
                if (optimizer instanceof EvaluationWeights evaluated) {
                    Map<String, float[]> training = new LinkedHashMap<>();
                    params.forEach((key, values) -> training.put(key, values.clone()));
                    evaluated.useEvaluationWeights(params);
                    compare(step, "eval", params, golden.eval().get(step), golden.evalDev().get(step),
                            golden.scale().get(step), failures);
                    evaluated.useTrainingWeights(params);
                    training.forEach((key, values) -> assertArrayEquals(values, params.get(key),
                            "restoring the training weights must give the same bits"));
                }
            }
        }
        return failures;
    }

    private static void compare(int step, String what, Map<String, float[]> params, Map<String, double[]> expected,
                                Map<String, double[]> dev, Map<String, double[]> scale, List<String> failures) {
        assertEquals(params.keySet(), expected.keySet());
        expected.forEach((key, reference) -> {
            float[] actual = params.get(key);
            for (int i = 0; i < reference.length; i++) {
                double tolerance = DEV_FACTOR * dev.get(key)[i]
                        + (ULPS_PLUS_ONE_PER_STEP + step) * Math.ulp((float) scale.get(key)[i]);
                double error = Math.abs(actual[i] - reference[i]);
                if (!(error <= tolerance)) {
                    failures.add(String.format("step %d %s %s[%d]: %s vs %.9e (error %.2e, tolerance %.2e)", step,
                            what, key, i, actual[i], reference[i], error, tolerance));
                }
            }
        });
    }
}
