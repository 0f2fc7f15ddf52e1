package dev.descent.experiments.batch;

import dev.descent.experiments.stats.CurveBand;
import dev.descent.experiments.stats.MeanStd;
import dev.descent.experiments.stats.TimeToTarget;
import dev.descent.experiments.train.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * One setting aggregated over its seeds.
 *
 * <p>Diverged seeds: their loss and accuracy curves end at the divergence, so the bands average the seeds still
 * running at each point ({@code loss.count()} says how many); their final loss and final accuracy are left out of
 * the means (they have none: the net's weights are no longer numbers) and counted in {@link #divergedSeeds()};
 * in the statistics their final loss is +∞ (see {@link dev.descent.experiments.stats.BaselineTest}).
 *
 * @param setting          the optimizer setting
 * @param label            its name in tables and legends
 * @param expectedSeeds    seeds the spec asks for
 * @param runs             the complete runs present, in seed order of the spec (runs stopped early add their
 *                         points to the curves only)
 * @param divergedSeeds    seeds whose run diverged
 * @param loss             smoothed training loss per iteration: mean and sample std over seeds
 * @param evalIterations   iterations at which accuracy was measured (of the longest run)
 * @param accuracy         test accuracy at those iterations: mean and sample std over seeds
 * @param finalLoss        mean of the last 100 losses, over the seeds that did not diverge
 * @param finalAccuracy    last test accuracy, over the seeds that did not diverge
 * @param msPerIteration   training milliseconds per update, over all runs present
 * @param wallSeconds      total wall time of the runs present
 * @param timeToTarget     iterations and seconds to the target accuracy, or null without a target or runs
 */
public record SettingSummary(Setting setting, String label, int expectedSeeds, List<SeedRun> runs,
                             List<Long> divergedSeeds, CurveBand loss, int[] evalIterations, CurveBand accuracy,
                             MeanStd finalLoss, MeanStd finalAccuracy, MeanStd msPerIteration, double wallSeconds,
                             TimeToTarget timeToTarget) {

    public SettingSummary {
        runs = List.copyOf(runs);
        divergedSeeds = List.copyOf(divergedSeeds);
    }

    /**
     * @param smoother applied to each seed's loss curve before averaging (the book's Kaiser smoothing)
     */
    public static SettingSummary of(Setting setting, String label, int expectedSeeds, List<SeedRun> present,
                                    OptionalDouble target, UnaryOperator<double[]> smoother) {
        List<double[]> smoothedLosses = new ArrayList<>();
        List<double[]> accuracies = new ArrayList<>();
        int[] evalIterations = new int[0];
        for (SeedRun run : present) {
            smoothedLosses.add(smoother.apply(run.result().losses()));
            accuracies.add(run.result().testAccuracy());
            if (run.result().evalIterations().length > evalIterations.length) {
                evalIterations = run.result().evalIterations();
            }
        }
        List<SeedRun> runs = present.stream().filter(run -> run.result().complete()).toList();
        List<Long> diverged = new ArrayList<>();
        List<Double> finalLosses = new ArrayList<>();
        List<Double> finalAccuracies = new ArrayList<>();
        double[] msPerIteration = new double[runs.size()];
        double wallSeconds = 0;
        int[][] evalPerSeed = new int[runs.size()][];
        double[][] accuracyPerSeed = new double[runs.size()][];
        for (int i = 0; i < runs.size(); i++) {
            RunResult result = runs.get(i).result();
            if (result.diverged()) {
                diverged.add(runs.get(i).seed());
            } else {
                finalLosses.add(result.finalLoss());
                finalAccuracies.add(result.finalAccuracy());
            }
            msPerIteration[i] = result.msPerIteration();
            wallSeconds += result.wallSeconds();
            evalPerSeed[i] = result.evalIterations();
            accuracyPerSeed[i] = result.testAccuracy();
        }
        TimeToTarget timeToTarget = target.isPresent() && !runs.isEmpty()
                ? TimeToTarget.of(target.getAsDouble(), evalPerSeed, accuracyPerSeed, msPerIteration) : null;
        return new SettingSummary(setting, label, expectedSeeds, runs, diverged, CurveBand.of(smoothedLosses),
                evalIterations, CurveBand.of(accuracies), MeanStd.of(unbox(finalLosses)),
                MeanStd.of(unbox(finalAccuracies)), MeanStd.of(finiteOnly(msPerIteration)), wallSeconds,
                timeToTarget);
    }

    /** Per seed, the final loss, +∞ for a diverged seed: the input of the baseline tests. */
    public double[] finalLossesWithDivergedAsInfinity() {
        return runs.stream().mapToDouble(run -> run.result().diverged() ? Double.POSITIVE_INFINITY
                : run.result().finalLoss()).toArray();
    }

    /** True when every seed the spec asks for has a complete run. */
    public boolean complete() {
        return runs.size() == expectedSeeds;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] finiteOnly(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }
}
