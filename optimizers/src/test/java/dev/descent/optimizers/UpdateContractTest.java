package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link Optimizer#update} promises: in place, maps untouched, checked arguments, per-key lazy state. */
class UpdateContractTest {

    static List<String> specs() {
        return List.of("sgd:lr=0.1", "momentum:lr=0.1", "nesterov:lr=0.1", "adagrad:lr=0.1", "rmsprop:lr=0.1",
                "adam:lr=0.1", "adamw:lr=0.1", "amsgrad:lr=0.1", "nadam:lr=0.1", "adamax:lr=0.1", "adadelta:lr=0.1",
                "radam:lr=0.1", "lion:lr=0.1", "nesterov-book:lr=0.1", "muon:lr=0.1,adam_lr=0.1", "sf-adamw:lr=0.1",
                "adam:lr=0.1@cosine:warmup=1", "momentum:lr=0.1@step:every=1,gamma=0.5");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void updatesTheVeryArraysAndLeavesMapsAndGradsAlone(String spec) {
        float[] W1 = {1, -2, 3};
        float[] b1 = {0.5f};
        Map<String, float[]> paramsInside = new LinkedHashMap<>();
        paramsInside.put("W1", W1);
        paramsInside.put("b1", b1);
        // Unmodifiable views: any put or remove by the optimizer throws.
        Map<String, float[]> params = Collections.unmodifiableMap(paramsInside);
        Map<String, float[]> grads = Map.of("W1", new float[] {0.1f, 0.2f, -0.3f}, "b1", new float[] {1});
        float[] W1Before = W1.clone();
        float[] b1Before = b1.clone();
        float[] dW1Before = grads.get("W1").clone();

        Optimizer optimizer = planned(spec);
        optimizer.update(params, grads);
        optimizer.update(params, grads);

        assertSame(W1, params.get("W1"));
        assertSame(b1, params.get("b1"));
        assertEquals(List.of("W1", "b1"), List.copyOf(paramsInside.keySet()));
        assertFalse(java.util.Arrays.equals(W1Before, W1), "W1 did not change");
        assertFalse(java.util.Arrays.equals(b1Before, b1), "b1 did not change");
        for (int i = 0; i < W1.length; i++) {
            // Every rule moves against the gradient on its first two steps from zero state.
            assertTrue(Math.signum(W1Before[i] - W1[i]) == Math.signum(dW1Before[i]), spec + " W1[" + i + "]");
        }
        assertArrayEquals(dW1Before, grads.get("W1"), "grads must not change");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void badArgumentsNameTheKeyAndChangeNothing(String spec) {
        Optimizer optimizer = planned(spec);
        float[] a = {1, 2};
        assertUpdateFails(optimizer, null, Map.of(), "params map is null");
        assertUpdateFails(optimizer, Map.of(), null, "grads map is null");
        assertUpdateFails(optimizer, params("a", a, "b", new float[] {1}), params("a", new float[] {1, 1}),
                "grads has no entry for param 'b'");
        assertUpdateFails(optimizer, params("a", a), params("a", new float[] {1, 1}, "c", new float[] {1}),
                "grads has key 'c' that params lacks");
        assertUpdateFails(optimizer, params("a", a, "b", null), params("a", new float[] {1, 1}, "b", new float[] {1}),
                "param 'b' is null");
        assertUpdateFails(optimizer, params("a", a, "b", new float[] {1}), params("a", new float[] {1, 1}, "b", null),
                "grad 'b' is null");
        assertUpdateFails(optimizer, params("a", a, "b", new float[] {1, 2, 3}),
                params("a", new float[] {1, 1}, "b", new float[] {1, 1}),
                "grad 'b' has length 2 but param 'b' has length 3");
        assertArrayEquals(new float[] {1, 2}, a, "a failed update must not touch any array");
        // Nothing was counted either: the next good update is a first update.
        Map<String, float[]> grads = params("a", new float[] {1, 1});
        optimizer.update(params("a", a), grads);
        float[] fresh = {1, 2};
        planned(spec).update(params("a", fresh), grads);
        assertArrayEquals(fresh, a);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aParameterWhoseLengthChangedIsRejectedWhereStateExists(String spec) {
        Optimizer optimizer = planned(spec);
        optimizer.update(params("W1", new float[] {1, 2}), params("W1", new float[] {1, 1}));
        Map<String, float[]> longer = params("W1", new float[] {1, 2, 3});
        Map<String, float[]> longerGrads = params("W1", new float[] {1, 1, 1});
        if (optimizer instanceof Sgd) {
            optimizer.update(longer, longerGrads); // no state to disagree with
            assertArrayEquals(new float[] {0.9f, 1.9f, 2.9f}, longer.get("W1"), 1e-6f);
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> optimizer.update(longer, longerGrads));
            assertTrue(e.getMessage().contains("param 'W1' has length 3 but its " + optimizer.name()
                    + " state was made for length 2"), e.getMessage());
            assertTrue(e.getMessage().contains("HINT"), e.getMessage());
            assertArrayEquals(new float[] {1, 2, 3}, longer.get("W1"));
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void stateIsCreatedPerKeyOnFirstUse(String spec) {
        BaseOptimizer optimizer = (BaseOptimizer) planned(spec);
        boolean stateless = optimizer instanceof Sgd;
        assertEquals(Set.of(), optimizer.stateKeys());

        optimizer.update(params("x", new float[] {1}), params("x", new float[] {0.5f}));
        assertEquals(stateless ? Set.of() : Set.of("x"), optimizer.stateKeys());

        float[] y = {3, -1};
        float[] dY = {0.25f, -2};
        optimizer.update(params("x", new float[] {1}, "y", y), params("x", new float[] {0.5f}, "y", dY));
        assertEquals(stateless ? Set.of() : Set.of("x", "y"), optimizer.stateKeys());

        // y's state started fresh: its step is a first step, except for what counts update calls (Adam's t, the
        // schedule's iteration, NAdam's μ product, schedule-free's averaging weights): that is a second call.
        float[] expected = {3, -1};
        boolean countsCalls = !(optimizer instanceof Momentum || optimizer instanceof Nesterov
                || optimizer instanceof AdaGrad || optimizer instanceof RmsProp || optimizer instanceof Adadelta
                || optimizer instanceof Lion || optimizer instanceof NesterovBook) || !optimizer.schedule().isConstant();
        if (countsCalls) {
            Optimizer secondCall = planned(spec);
            secondCall.update(params("z", new float[] {0}), params("z", new float[] {0}));
            secondCall.update(params("y", expected), params("y", dY.clone()));
        } else {
            planned(spec).update(params("y", expected), params("y", dY.clone()));
        }
        assertArrayEquals(expected, y);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void optimizersFromTheSameSpecShareNoState(String spec) {
        Optimizer a = planned(spec);
        Optimizer b = planned(spec);
        Optimizer control = planned(spec);
        float[] wa = {1, -1};
        float[] wControl = {1, -1};
        float[] wb = {5, 5};
        for (int step = 0; step < 5; step++) {
            float[] g = {wa[0] * 0.5f, wa[1] * 2};
            a.update(params("W", wa), params("W", g));
            control.update(params("W", wControl), params("W", g.clone()));
            // b sees other values under the same key, interleaved.
            b.update(params("W", wb), params("W", new float[] {-3, 7}));
        }
        assertArrayEquals(wControl, wa, "a's path must not depend on b's updates");

        float[] fresh = {5, 5};
        Optimizer reference = planned(spec);
        for (int step = 0; step < 5; step++) {
            reference.update(params("W", fresh), params("W", new float[] {-3, 7}));
        }
        assertArrayEquals(fresh, wb, "b's path must not depend on a's updates");
        assertEquals(a, b, "state is not part of equality");
        assertNotEquals(wa[0], wb[0]);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void emptyMapsAreFine(String spec) {
        planned(spec).update(Map.of(), Map.of());
    }

    private static void assertUpdateFails(Optimizer optimizer, Map<String, float[]> params,
            Map<String, float[]> grads, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(params, grads));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
        assertTrue(e.getMessage().startsWith(optimizer.name() + ".update: "), e.getMessage());
    }

    /** A fresh optimizer planned for 10 iterations with unknown shapes, so that length-bound schedules can run. */
    private static Optimizer planned(String spec) {
        Optimizer optimizer = Optimizers.parse(spec);
        optimizer.plan(Map.of(), 10);
        return optimizer;
    }

    /** An insertion-ordered map that, unlike Map.of, allows null arrays. */
    private static Map<String, float[]> params(Object... keysAndArrays) {
        Map<String, float[]> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndArrays.length; i += 2) {
            map.put((String) keysAndArrays[i], (float[]) keysAndArrays[i + 1]);
        }
        return map;
    }
}
