package dev.descent.experiments.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.descent.optimizers.OptimizerSpec;
import dev.descent.optimizers.Optimizers;
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
    void everyRuleDescentHasHasAColourOfItsOwn() {
        Set<Color> colors = new HashSet<>();
        for (String name : Optimizers.names()) {
            colors.add(ChartTheme.colorFor(name));
        }
        // Fails when a rule is added without a colour: it would share one of the four extras with another.
        assertEquals(Optimizers.names().size(), colors.size());
        for (int i = 6; i < 10; i++) {
            assertFalse(colors.contains(ChartTheme.paletteColor(i)), "palette extra " + i + " belongs to a rule");
        }
    }

    @Test
    void unknownNamesGetAStableColourThatIsNoOptimizers() {
        Color zeta = ChartTheme.colorFor("zeta");
        assertEquals(zeta, ChartTheme.colorFor("zeta"));
        for (String name : Optimizers.names()) {
            assertNotEquals(ChartTheme.colorFor(name), zeta);
        }
        assertEquals(SeriesMarkers.CIRCLE, ChartTheme.markerFor("zeta"));
    }

    @Test
    void thePaletteCycles() {
        assertEquals(ChartTheme.paletteColor(0), ChartTheme.paletteColor(10));
        assertEquals(ChartTheme.colorFor("adam"), ChartTheme.paletteColor(3));
        assertEquals(ChartTheme.paletteColor(9), ChartTheme.paletteColor(-1));
    }
}
