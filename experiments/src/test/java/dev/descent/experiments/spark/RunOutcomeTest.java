package dev.descent.experiments.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.experiments.train.RunResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link RunOutcome}: a task's result crosses to the driver with every bit of every number as it was. */
class RunOutcomeTest {

    @Test
    void everyBitSurvivesTheTrip() {
        // Values whose decimal or boxed forms are easy to get wrong: −0.0, the smallest subnormal, 0.1, the largest
        // double, and an evaluation list that ends at the last iteration.
        double[] losses = {2.302585092994046, -0.0, Double.MIN_VALUE, 0.1, Double.MAX_VALUE};
        RunResult result = new RunResult("adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07", losses, new int[] {0, 4},
                new double[] {0.0983, 0.9697}, -1, true, 123_456_789L, 98_765_432L);
        RunOutcome back = RunOutcome.decode(new RunOutcome("0123456789abcdef", result).encode());
        assertEquals("0123456789abcdef", back.key());
        assertEquals(result.optimizer(), back.result().optimizer());
        assertArrayEquals(bits(losses), bits(back.result().losses()));
        assertArrayEquals(result.evalIterations(), back.result().evalIterations());
        assertArrayEquals(bits(result.testAccuracy()), bits(back.result().testAccuracy()));
        assertEquals(-1, back.result().divergedAt());
        assertEquals(true, back.result().complete());
        assertEquals(123_456_789L, back.result().wallNanos());
        assertEquals(98_765_432L, back.result().trainNanos());

        RunResult stopped = new RunResult("sgd:lr=0.01", new double[] {1.5}, new int[0], new double[0], 7, false, 1, 2);
        RunOutcome diverged = RunOutcome.decode(new RunOutcome("ffffffffffffffff", stopped).encode());
        assertEquals(7, diverged.result().divergedAt());
        assertEquals(false, diverged.result().complete());
    }

    @Test
    void bytesThatAreNotAResultAreRefused() {
        byte[] good = new RunOutcome("0123456789abcdef", new RunResult("sgd:lr=0.01", new double[] {1}, new int[0],
                new double[0], -1, true, 1, 1)).encode();
        assertThrows(IllegalStateException.class, () -> RunOutcome.decode(Arrays.copyOf(good, good.length - 3)));
        assertThrows(IllegalStateException.class, () -> RunOutcome.decode(Arrays.copyOf(good, good.length + 1)));
        byte[] other = good.clone();
        other[0] ^= 1;
        assertThrows(IllegalStateException.class, () -> RunOutcome.decode(other));
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
