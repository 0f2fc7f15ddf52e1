package dev.descent.experiments.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.CsvTable;
import dev.descent.network.ActivationDistribution;
import dev.descent.network.ActivationDistribution.Function;
import dev.descent.network.ActivationDistribution.Layer;
import dev.descent.network.WeightInit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code descent activations} run through picocli in-process: the files it writes hold exactly the
 * numbers {@link ActivationDistribution} computes (which is tested against an oracle in the network
 * module), the charts have the book's layout, and bad options are user errors naming the option.
 */
class ActivationsCommandTest {
    @TempDir
    Path work;

    private String run(String... args) {
        // Parsed by picocli and called directly, so a UserError reaches the test as it would reach Main.
        StringWriter out = new StringWriter();
        ActivationsCommand command = new ActivationsCommand();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.parseArgs(args);
        try {
            assertEquals(0, command.call(), out::toString);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    @Test
    void writesTheBinsTheSummaryAndOneChartPerSetting() throws IOException {
        Path out = work.resolve("act");
        String printed = run("--activation", "sigmoid,relu", "--init", "1", "--init", "he", "--seed", "3",
            "--out", out.toString());

        CsvTable bins = CsvTable.read(out.resolve(ActivationCsv.BINS_FILE));
        assertEquals(List.of(ActivationCsv.BINS_HEADER), bins.header());
        assertEquals(4 * 5 * 30, bins.rows().size(), "4 settings × 5 layers × 30 bins");
        CsvTable summary = CsvTable.read(out.resolve(ActivationCsv.SUMMARY_FILE));
        assertEquals(4 * 5, summary.rows().size());

        // The rows of relu / he match the computation for the same seed, bin by bin.
        Layer[] expected = ActivationDistribution.compute(Function.RELU, WeightInit.he(), 3);
        int row = 3 * 5 * 30;   // settings in order: sigmoid-1.0, sigmoid-he, relu-1.0, relu-he
        for (int l = 0; l < 5; l++) {
            for (int k = 0; k < 30; k++) {
                int r = row + l * 30 + k;
                assertEquals("relu", bins.get(r, "activation"));
                assertEquals("he", bins.get(r, "init"));
                assertEquals(String.valueOf(l + 1), bins.get(r, "layer"));
                assertEquals(String.valueOf(k), bins.get(r, "bin"));
                assertEquals(k / 30.0, Double.parseDouble(bins.get(r, "from")), 1e-15);
                assertEquals(String.valueOf(expected[l].counts()[k]), bins.get(r, "count"));
            }
            int s = 3 * 5 + l;
            assertEquals(expected[l].std(), Double.parseDouble(summary.get(s, "std")), 0);
            assertEquals(String.valueOf(expected[l].above()), summary.get(s, "above_1"));
            assertEquals("100000", summary.get(s, "values"));
        }
        assertEquals("1.0", bins.get(bins.rows().size() - 1, "to"), "the last bin ends at 1");

        for (String name : List.of("sigmoid-1.0", "sigmoid-he", "relu-1.0", "relu-he")) {
            BufferedImage png = ImageIO.read(out.resolve("activations-" + name + ".png").toFile());
            assertEquals(5 * ActivationCharts.PANEL_WIDTH, png.getWidth(), name);
            assertEquals(40 + ActivationCharts.PANEL_HEIGHT, png.getHeight(), name);
            assertTrue(Files.size(out.resolve("activations-" + name + ".svg")) > 0, name);
        }
        String svg = Files.readString(out.resolve("activations-relu-he.svg"));
        assertTrue(svg.contains(">relu, He weights (std \u221a(2/100))</text>"), "figure title");
        // ReLU's exact zeros (about half of all values) would flatten every other bar: bin 0 goes off the chart.
        // (XChart draws panel text as outlines, so this is checked on the chart object, not in the SVG.)
        double yMax = ActivationCharts.countAxisMax(expected);
        assertTrue(yMax < expected[0].counts()[0], "relu: bin 0 " + expected[0].counts()[0] + " above the axis " + yMax);
        String xTitle = ActivationCharts.panel(expected[0], 1, yMax).getXAxisTitle();
        assertEquals(String.format(java.util.Locale.ROOT, "bin 0: %,d (off the chart)", expected[0].counts()[0]),
            xTitle);
        Layer[] sigmoid = ActivationDistribution.compute(Function.SIGMOID, WeightInit.std(1.0), 3);
        int tallest = java.util.Arrays.stream(sigmoid).flatMapToInt(l -> java.util.Arrays.stream(l.counts())).max()
            .orElseThrow();
        assertEquals(1.15 * tallest, ActivationCharts.countAxisMax(sigmoid), 1e-9,
            "sigmoid's tallest bars (at 0 and 1) stay on the chart");
        assertEquals("activation", ActivationCharts.panel(sigmoid[0], 1, ActivationCharts.countAxisMax(sigmoid))
            .getXAxisTitle());
        assertTrue(printed.contains("results in " + out), printed);
        assertTrue(printed.contains("relu") && printed.contains("std 5"), printed);
    }

    @Test
    void defaultsAreTheBooksEightSettings() throws IOException {
        Path out = work.resolve("defaults");
        run("--out", out.toString());
        CsvTable summary = CsvTable.read(out.resolve(ActivationCsv.SUMMARY_FILE));
        assertEquals(8 * 5, summary.rows().size());
        for (String name : List.of("sigmoid-1.0", "sigmoid-0.01", "sigmoid-xavier", "sigmoid-he", "relu-1.0",
                "relu-0.01", "relu-xavier", "relu-he")) {
            assertTrue(Files.exists(out.resolve("activations-" + name + ".png")), name);
        }
    }

    @Test
    void badOptionsAreUserErrorsNamingTheOption() {
        UserError activation = assertThrows(UserError.class,
            () -> run("--activation", "softmax", "--out", work.resolve("a").toString()));
        assertEquals("--activation: unknown activation 'softmax': expected one of sigmoid, relu, tanh",
            activation.getMessage());
        UserError init = assertThrows(UserError.class,
            () -> run("--init", "-1", "--out", work.resolve("b").toString()));
        assertTrue(init.getMessage().startsWith("--init: weight init '-1' is not valid"), init.getMessage());
        assertTrue(Files.notExists(work.resolve("a")) && Files.notExists(work.resolve("b")),
            "nothing is created before the options are checked");
    }
}
