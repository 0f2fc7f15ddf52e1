package dev.descent.experiments.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.descent.optimizers.OptimizerSpec;
import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.style.markers.SeriesMarkers;

class ChartThemeTest {
    private static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");

    @Test
    void eachOptimizerHasItsOwnFixedColour() {
        Set<Color> colors = new HashSet<>();
        for (String name : OPTIMIZERS) {
            colors.add(ChartTheme.colorFor(name));
        }
        assertEquals(OPTIMIZERS.size(), colors.size());
        // matplotlib's C0 and C3, as in the book's figure 6-9.
        assertEquals(new Color(0x1F77B4), ChartTheme.colorFor("sgd"));
        assertEquals(new Color(0xD62728), ChartTheme.colorFor("adam"));
    }

    @Test
    void aSpecHasTheColourAndMarkerOfItsName() {
        assertEquals(ChartTheme.colorFor("adam"), ChartTheme.colorFor(name("adam:lr=0.3,beta1=0.9,beta2=0.999,eps=1e-07")));
        assertEquals(ChartTheme.colorFor("rmsprop"), ChartTheme.colorFor(name(" RMSProp:lr=0.1")));
        assertEquals(SeriesMarkers.DIAMOND, ChartTheme.markerFor(name("adam:lr=0.3")));
    }

    private static String name(String spec) {
        return OptimizerSpec.parse(spec).name();
    }

    @Test
    void unknownNamesGetAStableColourThatIsNoOptimizers() {
        Color lion = ChartTheme.colorFor("lion");
        assertEquals(lion, ChartTheme.colorFor("lion"));
        for (String name : OPTIMIZERS) {
            assertNotEquals(ChartTheme.colorFor(name), lion);
        }
        assertEquals(SeriesMarkers.CIRCLE, ChartTheme.markerFor("lion"));
    }

    @Test
    void thePaletteCycles() {
        assertEquals(ChartTheme.paletteColor(0), ChartTheme.paletteColor(10));
        assertEquals(ChartTheme.colorFor("adam"), ChartTheme.paletteColor(3));
        assertEquals(ChartTheme.paletteColor(9), ChartTheme.paletteColor(-1));
    }
}
