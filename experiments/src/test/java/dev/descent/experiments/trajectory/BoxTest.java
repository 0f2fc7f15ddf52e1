package dev.descent.experiments.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxTest {
    private static final Box AXES = new Box(-10, 10, -10, 10);

    @Test
    void aSegmentInsideIsUnchanged() {
        assertArrayEquals(new double[] {-7, 2, -6.335, -1.8}, AXES.clip(-7, 2, -6.335, -1.8));
    }

    @Test
    void aSegmentLeavingIsCutAtTheEdge() {
        // From (0, 0) to (20, 10): the line y = x/2 meets x = 10 at y = 5.
        assertArrayEquals(new double[] {0, 0, 10, 5}, AXES.clip(0, 0, 20, 10), 1e-12);
        // Entering from the top: (5, 30) to (5, 0) enters at (5, 10).
        assertArrayEquals(new double[] {5, 10, 5, 0}, AXES.clip(5, 30, 5, 0), 1e-12);
    }

    @Test
    void aSegmentCrossingTheWholeBoxIsCutAtBothEdges() {
        // From (-20, -20) to (20, 20): the diagonal, cut at the corners.
        assertArrayEquals(new double[] {-10, -10, 10, 10}, AXES.clip(-20, -20, 20, 20), 1e-12);
    }

    @Test
    void aSegmentOutsideIsDropped() {
        assertNull(AXES.clip(11, 0, 20, 5));
        assertNull(AXES.clip(-20, 15, 20, 15));
        // Passes beside the corner: the line x + y = 25 never gets closer than 10 + 10 = 20.
        assertNull(AXES.clip(5, 20, 20, 5));
    }

    @Test
    void nonFiniteEndsAreDropped() {
        assertNull(AXES.clip(0, 0, Double.NaN, 1));
        assertNull(AXES.clip(Double.POSITIVE_INFINITY, 0, 0, 0));
    }

    @Test
    void hugeCoordinatesAreCutExactlyAtTheEdges() {
        // y0 + s·dy with y0 = 1e30 would keep none of the digits of the crossing; the edge value is exact.
        assertArrayEquals(new double[] {1, 10, 1, -10}, AXES.clip(1, 1e30, 1, -1e30));
        assertArrayEquals(new double[] {-10, 3, 10, 3}, AXES.clip(-3.4e38, 3, 3.4e38, 3));
    }

    @Test
    void aPolylineIsSplitWhereItLeavesTheBox() {
        double[] xs = {0, 5, 20, 5, 1, Double.NaN, 2, 3};
        double[] ys = {0, 0, 0, 0, 1, 0, 2, 3};
        List<double[][]> pieces = AXES.clipPolyline(xs, ys);
        assertEquals(3, pieces.size());
        // (0,0)-(5,0)-(20,0) is cut at (10,0).
        assertArrayEquals(new double[] {0, 5, 10}, pieces.get(0)[0]);
        assertArrayEquals(new double[] {0, 0, 0}, pieces.get(0)[1]);
        // Back in from (20,0) at (10,0), on to (5,0) and (1,1); the NaN point ends the piece.
        assertArrayEquals(new double[] {10, 5, 1}, pieces.get(1)[0]);
        assertArrayEquals(new double[] {0, 0, 1}, pieces.get(1)[1]);
        // After the NaN: (2,2)-(3,3).
        assertArrayEquals(new double[] {2, 3}, pieces.get(2)[0]);
    }

    @Test
    void containsIsFalseForNaN() {
        assertEquals(false, AXES.contains(Double.NaN, 0));
        assertEquals(true, AXES.contains(10, -10));
    }

    @Test
    void anEmptyBoxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Box(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Box(0, 1, Double.NaN, 1));
    }
}
