package dev.descent.experiments.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.cli.CommandResult;
import dev.descent.experiments.io.CsvTable;
import dev.descent.optimizers.Optimizers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryCommandTest {
    @TempDir
    Path work;

    @Test
    void theDefaultRunWritesTheCsvAndTheChartForTheBooksSixOptimizers() throws IOException {
        Path out = work.resolve("traj");
        CommandResult result = CommandResult.run("trajectory", "--out", out.toString());
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);

        CsvTable csv = CsvTable.read(out.resolve("trajectory.csv"));
        assertEquals(List.of("optimizer", "step", "x", "y"), csv.header());
        List<String> specs = TrajectoryCommand.DEFAULT_OPTIMIZERS.stream()
            .map(spec -> Optimizers.parse(spec).toString()).toList();
        assertEquals(specs.size() * 31, csv.rows().size());
        for (int i = 0; i < specs.size(); i++) {
            int first = i * 31;
            assertEquals(specs.get(i), csv.get(first, "optimizer"));
            for (int step = 0; step <= 30; step++) {
                assertEquals(String.valueOf(step), csv.get(first + step, "step"));
                assertEquals(specs.get(i), csv.get(first + step, "optimizer"));
            }
            assertEquals(-7f, Float.parseFloat(csv.get(first, "x")));
            assertEquals(2f, Float.parseFloat(csv.get(first, "y")));
        }
        // The specs hold commas, so standard CSV quotes them (RFC 4180).
        assertTrue(Files.readString(out.resolve("trajectory.csv")).contains("\n\"adam:lr=0.3,"));

        // SGD at lr 0.95 first: x1 = -7 - 0.95·(-0.7) = -6.335, y1 = 2 - 0.95·4 = -1.8.
        assertEquals("sgd:lr=0.95", csv.get(0, "optimizer"));
        assertEquals(-6.335, Float.parseFloat(csv.get(1, "x")), 1e-5);
        assertEquals(-1.8, Float.parseFloat(csv.get(1, "y")), 1e-5);

        // Every number reads back to exactly the float the run produced.
        for (int i = 0; i < specs.size(); i++) {
            Trajectory expected = TrajectoryRun.run(Optimizers.parse(specs.get(i)), -7f, 2f, 30);
            for (int step = 0; step <= 30; step++) {
                assertEquals(Float.floatToIntBits(expected.x()[step]),
                    Float.floatToIntBits(Float.parseFloat(csv.get(i * 31 + step, "x"))));
                assertEquals(Float.floatToIntBits(expected.y()[step]),
                    Float.floatToIntBits(Float.parseFloat(csv.get(i * 31 + step, "y"))));
            }
        }

        BufferedImage png = ImageIO.read(out.resolve("trajectory.png").toFile());
        assertEquals(3 * TrajectoryChart.PANEL_WIDTH, png.getWidth());
        assertEquals(40 + 2 * TrajectoryChart.PANEL_HEIGHT, png.getHeight());
        String svg = Files.readString(out.resolve("trajectory.svg"));
        assertTrue(svg.contains(">f(x, y) = x\u00b2/20 + y\u00b2 from (-7, 2), 30 steps</text>"), "figure title");

        assertTrue(result.out().contains("results in " + out), result::toString);
        for (String spec : specs) {
            assertTrue(result.out().contains(spec), () -> spec + " in the table\n" + result);
        }
        assertEquals("", result.err());
    }

    @Test
    void optionsChooseOptimizersStepsAndStart() throws IOException {
        Path out = work.resolve("custom");
        CommandResult result = CommandResult.run("trajectory", "--optimizer", "adam:lr=0.3", "--optimizer",
            "sgd:lr=0.1", "--steps", "5", "--start", "-1.5,3", "--out", out.toString());
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        CsvTable csv = CsvTable.read(out.resolve("trajectory.csv"));
        assertEquals(2 * 6, csv.rows().size());
        assertEquals("sgd:lr=0.1", csv.get(6, "optimizer"));
        assertEquals("-1.5", csv.get(6, "x"));
        assertEquals("3.0", csv.get(6, "y"));
        // One update of SGD: x1 = -1.5 - 0.1·(-0.15) = -1.485, y1 = 3 - 0.1·6 = 2.4.
        assertEquals(-1.485, Float.parseFloat(csv.get(7, "x")), 1e-6);
        assertEquals(2.4, Float.parseFloat(csv.get(7, "y")), 1e-6);
    }

    @Test
    void aScheduleThatNeedsTheRunsLengthUsesTheStepCount() throws IOException {
        Path out = work.resolve("cosine");
        CommandResult result = CommandResult.run("trajectory", "--optimizer", "sgd:lr=0.1@cosine", "--steps", "2",
            "--start", "-1.5,3", "--out", out.toString());
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        CsvTable csv = CsvTable.read(out.resolve("trajectory.csv"));
        // Cosine over T = 2 steps: multiplier (1 + cos(π/2))/2 = 0.5 at step 1, (1 + cos π)/2 = 0 at step 2.
        // Step 1: x = -1.5 - 0.05·(-0.15) = -1.4925, y = 3 - 0.05·6 = 2.7; step 2 does not move.
        assertEquals(-1.4925, Float.parseFloat(csv.get(1, "x")), 1e-6);
        assertEquals(2.7, Float.parseFloat(csv.get(1, "y")), 1e-6);
        assertEquals(csv.get(1, "x"), csv.get(2, "x"));
        assertEquals(csv.get(1, "y"), csv.get(2, "y"));
    }

    @Test
    void aWildAdamRunLeavesTheAxesAndStillDraws() throws IOException {
        Path out = work.resolve("wild");
        CommandResult result = CommandResult.run("trajectory", "--optimizer", "adam:lr=90", "--steps", "100",
            "--out", out.toString());
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        CsvTable csv = CsvTable.read(out.resolve("trajectory.csv"));
        assertEquals(101, csv.rows().size());
        boolean leftTheAxes = csv.values("x").stream().anyMatch(x -> Math.abs(Float.parseFloat(x)) > 10)
            || csv.values("y").stream().anyMatch(y -> Math.abs(Float.parseFloat(y)) > 10);
        assertTrue(leftTheAxes, "lr 90 should throw the path off the chart");
        BufferedImage png = ImageIO.read(out.resolve("trajectory.png").toFile());
        assertEquals(TrajectoryChart.PANEL_WIDTH, png.getWidth());
    }

    @Test
    void aPathThatBecomesNaNIsDrawnUpToThere() throws IOException {
        Path out = work.resolve("nan");
        CommandResult result = CommandResult.run("trajectory", "--optimizer", "sgd:lr=1e30", "--optimizer",
            "momentum:lr=5", "--steps", "100", "--out", out.toString());
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        CsvTable csv = CsvTable.read(out.resolve("trajectory.csv"));
        assertTrue(csv.values("y").stream().anyMatch(y -> y.equals("NaN") || y.contains("Infinity")),
            "the run diverges to NaN or infinity");
        // SGD at lr 1e30 from (-7, 2): y1 = 2 - 1e30·4 = -4e30, then lr·2·y1 = -8e60 overflows float32 at step 2.
        String sgdRow = result.out().lines().filter(l -> l.startsWith("sgd:lr=1e+30")).findFirst().orElse("");
        assertTrue(sgdRow.endsWith("diverged at step 2"), result::toString);
        assertTrue(result.out().contains("2 of 2 paths diverged"), result::toString);
        assertTrue(Files.size(out.resolve("trajectory.png")) > 0);
    }

    @Test
    void anOutDirectoryWithResultsIsRefusedWithoutForce() throws IOException {
        Path out = Files.createDirectories(work.resolve("taken"));
        Files.writeString(out.resolve("trajectory.csv"), "earlier results");

        CommandResult refused = CommandResult.run("trajectory", "--steps", "3", "--out", out.toString());
        assertEquals(ExitStatus.USAGE, refused.exitCode(), refused::toString);
        assertEquals("descent: the out directory " + out + " already holds results (trajectory.csv); "
            + "use --force or choose another --out\n", refused.err());
        assertFalse(refused.hasStackTrace());
        assertEquals("earlier results", Files.readString(out.resolve("trajectory.csv")));
        assertFalse(Files.exists(out.resolve("trajectory.png")));

        CommandResult forced = CommandResult.run("trajectory", "--steps", "3", "--out", out.toString(), "--force");
        assertEquals(ExitStatus.OK, forced.exitCode(), forced::toString);
        assertEquals(6 * 4, CsvTable.read(out.resolve("trajectory.csv")).rows().size());
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertUsageError(List.of("trajectory", "--steps", "0"), "descent: --steps must be between 1 and 10000, got 0");
        assertUsageError(List.of("trajectory", "--start", "1,inf"), "descent: Invalid value for option '--start'");
        assertUsageError(List.of("trajectory", "--start", "1"), "descent: Invalid value for option '--start'");
        assertUsageError(List.of("trajectory", "--optimizer", "adma"), "descent: --optimizer 'adma': ");
        assertUsageError(List.of("trajectory", "--optimizer", "adam:lr=-1"), "descent: --optimizer 'adam:lr=-1': ");
    }

    private void assertUsageError(List<String> args, String expectedStart) {
        CommandResult result = CommandResult.run(args.toArray(String[]::new));
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith(expectedStart), result::toString);
        assertFalse(result.hasStackTrace(), result::toString);
        assertEquals("", result.out(), result::toString);
    }

    @Test
    void theStartPointParsesXCommaY() {
        StartPoint.Converter converter = new StartPoint.Converter();
        assertEquals(new StartPoint(-7f, 2f), converter.convert("-7,2"));
        assertEquals(new StartPoint(0.5f, -1e-3f), converter.convert(" 0.5 , -1e-3 "));
    }
}
