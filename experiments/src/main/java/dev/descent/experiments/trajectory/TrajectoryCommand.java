package dev.descent.experiments.trajectory;

import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.io.OutputOptions;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.TextTable;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.OptimizerSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent trajectory}: the book's figure 6-8, every optimizer's path on f(x, y) = x²/20 + y². */
@Command(
    name = "trajectory",
    mixinStandardHelpOptions = true,
    header = "Optimizer paths on f(x, y) = x^2/20 + y^2, the book's figure 6-8.",
    description = "Runs each optimizer from (-7, 2), as the book does, and writes trajectory.csv "
        + "(optimizer,step,x,y) and trajectory.png/.svg with one panel per optimizer.")
public final class TrajectoryCommand implements Callable<Integer> {
    /** The book's settings for figure 6-8 (ch06/optimizer_compare_naive.py), plus Nesterov and RMSProp. */
    public static final List<String> DEFAULT_OPTIMIZERS = List.of(
        "sgd:lr=0.95", "momentum:lr=0.1", "nesterov:lr=0.1", "adagrad:lr=1.5", "rmsprop:lr=0.1", "adam:lr=0.3");
    public static final int DEFAULT_STEPS = 30;
    /** More points than this make each panel a blur of markers. */
    public static final int MAX_STEPS = 10_000;

    static final String CSV_FILE = "trajectory.csv";
    static final String CHART_NAME = "trajectory";

    @Spec
    CommandSpec spec;

    @Option(names = "--optimizer", paramLabel = "SPEC",
        description = {"An optimizer spec such as adam:lr=0.3; repeat for several.",
            "Default: the book's six: " + "sgd:lr=0.95, momentum:lr=0.1, nesterov:lr=0.1, adagrad:lr=1.5, "
                + "rmsprop:lr=0.1, adam:lr=0.3."})
    List<String> optimizerSpecs = new ArrayList<>();

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + DEFAULT_STEPS,
        description = "Number of updates per optimizer (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--start", paramLabel = "X,Y", defaultValue = "-7,2", converter = StartPoint.Converter.class,
        description = "Starting point (default: ${DEFAULT-VALUE}).")
    StartPoint start;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (steps < 1 || steps > MAX_STEPS) {
            throw new UserError("--steps must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
        List<String> specs = optimizerSpecs.isEmpty() ? DEFAULT_OPTIMIZERS : optimizerSpecs;
        List<Optimizer> optimizers = new ArrayList<>();
        for (String text : specs) {
            try {
                // A schedule such as cosine needs the run's length: here, the number of steps.
                optimizers.add(OptimizerSpec.parse(text).create(steps));
            } catch (IllegalArgumentException e) {
                throw new UserError("--optimizer '" + text + "': " + e.getMessage(), e);
            }
        }
        Path dir = output.prepare("trajectory");

        List<Trajectory> trajectories = new ArrayList<>(optimizers.size());
        for (Optimizer optimizer : optimizers) {
            trajectories.add(TrajectoryRun.run(optimizer, start.x(), start.y(), steps));
        }
        TrajectoryCsv.write(dir.resolve(CSV_FILE), trajectories);
        ChartFiles.save(TrajectoryChart.grid(trajectories), dir, CHART_NAME);

        out.print(summary(trajectories));
        out.println("results in " + dir + ": " + CSV_FILE + ", " + CHART_NAME + ".png, " + CHART_NAME + ".svg");
        return ExitStatus.OK;
    }

    /** The final point of every trajectory as an aligned table, and which paths diverged. */
    static String summary(List<Trajectory> trajectories) {
        TextTable table = new TextTable("optimizer", "final x", "final y", "final f", "note").rightAlign(1, 2, 3);
        int diverged = 0;
        for (Trajectory t : trajectories) {
            int at = t.divergedAt();
            diverged += at < 0 ? 0 : 1;
            table.add(t.optimizer(), number(t.finalX()), number(t.finalY()), number(t.finalValue()),
                at < 0 ? "" : "diverged at step " + at);
        }
        String text = table.render();
        if (diverged > 0) {
            text += diverged + " of " + trajectories.size() + " paths diverged (a coordinate became NaN or infinite;"
                + " " + CSV_FILE + " holds those values from that step on and the chart draws each path up to there)."
                + " HINT: a smaller lr keeps the path on the bowl\n";
        }
        return text;
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : String.valueOf(value);
    }
}
