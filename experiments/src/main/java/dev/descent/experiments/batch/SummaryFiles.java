package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.common.MachineInfo;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.stats.BaselineTest;
import dev.descent.experiments.stats.CurveBand;
import dev.descent.experiments.stats.MeanStd;
import dev.descent.experiments.stats.TimeToTarget;
import dev.descent.experiments.train.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result files of an experiment, each written atomically; the format of each is in
 * {@code experiments/specs/FORMAT.md}, the one place that documents {@code summary.json}:
 * <ul>
 *   <li>{@code summary.json}: what ran where and when, the run counts, per setting every aggregate with its
 *       per-seed inputs and its tests against the baseline, per run its outcome, and the resolved spec;</li>
 *   <li>{@code summary.csv}: one row per setting, the numbers of the report's table;</li>
 *   <li>{@code losses.csv}, {@code accuracy.csv}: every run's raw loss per iteration and test accuracy per
 *       evaluation (with {@code seed} and {@code variant} columns when the spec has several);</li>
 *   <li>{@code loss-curves.csv}, {@code accuracy-curves.csv}: per setting and point, the mean and sample std
 *       over seeds and how many seeds reached that point.</li>
 * </ul>
 * Numbers that do not exist (a std of one seed, the final loss of a diverged run) are {@code null} in JSON and
 * empty in CSV.
 */
public final class SummaryFiles {
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String LOSSES_CSV = "losses.csv";
    public static final String ACCURACY_CSV = "accuracy.csv";
    public static final String LOSS_CURVES_CSV = "loss-curves.csv";
    public static final String ACCURACY_CURVES_CSV = "accuracy-curves.csv";
    /** Every file this class writes, in the order the report lists them. */
    public static final List<String> ALL = List.of(SUMMARY_JSON, SUMMARY_CSV, LOSSES_CSV, ACCURACY_CSV,
            LOSS_CURVES_CSV, ACCURACY_CURVES_CSV);
    static final String FORMAT = "descent-summary";
    static final int FORMAT_VERSION = 2;

    private SummaryFiles() {
    }

    /** Writes the files into {@code outDir}, {@code summary.json} last. */
    public static void write(Path outDir, ExperimentSummary summary, Invocation invocation) throws IOException {
        AtomicFiles.writeText(outDir.resolve(LOSSES_CSV), out -> writeRaw(out, summary, true));
        AtomicFiles.writeText(outDir.resolve(ACCURACY_CSV), out -> writeRaw(out, summary, false));
        AtomicFiles.writeText(outDir.resolve(SUMMARY_CSV), out -> writeCsv(out, summary));
        AtomicFiles.writeText(outDir.resolve(LOSS_CURVES_CSV), out -> writeLossCurves(out, summary));
        AtomicFiles.writeText(outDir.resolve(ACCURACY_CURVES_CSV), out -> writeAccuracyCurves(out, summary));
        Json.write(outDir.resolve(SUMMARY_JSON), toJson(summary, invocation));
    }

    static ObjectNode toJson(ExperimentSummary summary, Invocation invocation) {
        ExperimentSpec spec = summary.spec();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", FORMAT);
        json.put("format_version", FORMAT_VERSION);
        json.put("command", invocation.command());
        json.put("name", spec.name());
        json.put("complete", summary.counts().complete());
        json.put("started", invocation.started().toString());
        json.put("finished", invocation.finished().toString());
        json.put("wall_seconds", invocation.computeSeconds());
        json.put("elapsed_seconds", invocation.elapsedSeconds());
        json.put("command_line", invocation.commandLine());
        json.put("descent_version", MachineInfo.descentVersion());
        ObjectNode machine = json.putObject("machine");
        MachineInfo.collect().forEach(machine::put);
        machine.put("threads", invocation.threads());
        ObjectNode counts = json.putObject("counts");
        counts.put("total", summary.counts().total());
        counts.put("reused", summary.counts().reused());
        counts.put("computed", summary.counts().computed());
        counts.put("missing", summary.counts().missing());
        ObjectNode baseline = json.putObject("baseline");
        baseline.put("optimizer", spec.baseline().optimizer().canonical());
        baseline.put("variant", spec.baseline().variant());
        baseline.put("found", summary.baseline().isPresent());
        baseline.put("note", summary.baselineNote());
        json.put("target_accuracy", orNull(spec.targetAccuracy().orElse(Double.NaN)));
        ArrayNode settings = json.putArray("settings");
        for (SettingSummary setting : summary.settings()) {
            settings.add(settingJson(setting, summary));
        }
        ArrayNode runs = json.putArray("runs");
        for (RunConfiguration configuration : spec.runs()) {
            SeedRun run = summary.results().get(configuration.key());
            if (run != null) {
                runs.add(runJson(configuration, run.result()));
            }
        }
        json.set("spec", spec.toJson());
        return json;
    }

    private static ObjectNode runJson(RunConfiguration configuration, RunResult result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("key", configuration.key());
        json.put("variant", configuration.setting().variant().name());
        json.put("optimizer", configuration.optimizer().canonical());
        json.put("seed", configuration.seed());
        json.put("complete", result.complete());
        json.put("iterations_completed", result.losses().length);
        json.put("diverged", result.diverged());
        json.put("diverged_at", result.diverged() ? result.divergedAt() : null);
        json.put("final_loss", orNull(result.finalLoss()));
        json.put("final_accuracy", orNull(result.finalAccuracy()));
        json.put("ms_per_iteration", orNull(result.msPerIteration()));
        json.put("wall_seconds", result.wallSeconds());
        // Only what the run measured, so the summary of a spec without them is what it was.
        if (configuration.setup().trainAccuracy()) {
            json.put("final_train_accuracy", orNull(result.finalTrainAccuracy()));
        }
        if (configuration.setup().hasValidation()) {
            json.put("final_validation_accuracy", orNull(result.finalValidationAccuracy()));
            json.put("final_validation_loss", orNull(result.finalValidationLoss()));
        }
        return json;
    }

    private static ObjectNode settingJson(SettingSummary setting, ExperimentSummary summary) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("label", setting.label());
        json.put("variant", setting.setting().variant().name());
        json.put("optimizer", setting.setting().optimizer().canonical());
        json.put("is_baseline", summary.baseline().map(b -> b == setting).orElse(false));
        json.put("expected_seeds", setting.expectedSeeds());
        ArrayNode seeds = json.putArray("seeds");
        ArrayNode keys = json.putArray("run_keys");
        ArrayNode finalLosses = json.putArray("final_losses");
        ArrayNode finalAccuracies = json.putArray("final_accuracies");
        for (SeedRun run : setting.runs()) {
            seeds.add(run.seed());
            keys.add(run.key());
            finalLosses.add(orNull(run.result().finalLoss()));
            finalAccuracies.add(orNull(run.result().finalAccuracy()));
        }
        setting.divergedSeeds().forEach(json.putArray("diverged_seeds")::add);
        json.set("final_loss", meanStd(setting.finalLoss()));
        json.set("final_accuracy", meanStd(setting.finalAccuracy()));
        json.set("ms_per_iteration", meanStd(setting.msPerIteration()));
        if (summary.spec().trainAccuracy()) {
            json.set("final_train_accuracy", meanStd(finite(setting, RunResult::finalTrainAccuracy)));
        }
        if (summary.spec().validation() > 0) {
            json.set("final_validation_accuracy", meanStd(finite(setting, RunResult::finalValidationAccuracy)));
            json.set("final_validation_loss", meanStd(finite(setting, RunResult::finalValidationLoss)));
        }
        json.put("wall_seconds_total", setting.wallSeconds());
        TimeToTarget time = setting.timeToTarget();
        if (time == null) {
            json.putNull("time_to_target");
        } else {
            ObjectNode target = json.putObject("time_to_target");
            target.put("target_accuracy", time.target());
            target.put("reached", time.reached());
            target.put("seeds", time.seeds());
            target.put("median_iterations", orNull(time.medianIterations()));
            target.put("median_seconds", orNull(time.medianSeconds()));
            ArrayNode iterations = target.putArray("iterations");
            for (int iteration : time.iterations()) {
                iterations.add(iteration == TimeToTarget.NOT_REACHED ? null : Integer.valueOf(iteration));
            }
            ArrayNode seconds = target.putArray("seconds");
            for (double value : time.seconds()) {
                seconds.add(orNull(value));
            }
        }
        BaselineTest test = summary.tests().get(setting.setting());
        if (test == null) {
            json.putNull("versus_baseline");
        } else {
            ObjectNode versus = json.putObject("versus_baseline");
            versus.put("mean_final_loss_difference", orNull(test.meanDifference()));
            versus.put("welch_p", orNull(test.welchP()));
            versus.put("welch_note", test.welchReason());
            versus.put("mann_whitney_p", orNull(test.mannWhitneyP()));
            versus.put("mann_whitney_note", test.mannWhitneyReason());
        }
        return json;
    }

    /** Mean and std over the setting's seeds that did not diverge of one final number. */
    private static MeanStd finite(SettingSummary setting, java.util.function.ToDoubleFunction<RunResult> value) {
        return MeanStd.of(setting.runs().stream().map(SeedRun::result).filter(result -> !result.diverged())
                .mapToDouble(value).filter(Double::isFinite).toArray());
    }

    private static ObjectNode meanStd(MeanStd value) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("mean", orNull(value.mean()));
        json.put("std", orNull(value.std()));
        json.put("n", value.count());
        return json;
    }

    private static void writeCsv(Appendable out, ExperimentSummary summary) {
        CsvWriter csv = new CsvWriter(out, "setting", "variant", "optimizer", "seeds", "expected_seeds", "diverged",
                "final_loss_mean", "final_loss_std", "final_accuracy_mean", "final_accuracy_std",
                "ms_per_iteration_mean", "target_accuracy", "target_reached", "iterations_to_target_median",
                "seconds_to_target_median", "welch_p", "mann_whitney_p");
        for (SettingSummary setting : summary.settings()) {
            TimeToTarget time = setting.timeToTarget();
            BaselineTest test = summary.tests().get(setting.setting());
            csv.row(setting.label(), setting.setting().variant().name(), setting.setting().optimizer().canonical(),
                    setting.runs().size(), setting.expectedSeeds(), setting.divergedSeeds().size(),
                    orNull(setting.finalLoss().mean()), orNull(setting.finalLoss().std()),
                    orNull(setting.finalAccuracy().mean()), orNull(setting.finalAccuracy().std()),
                    orNull(setting.msPerIteration().mean()),
                    time == null ? null : time.target(), time == null ? null : time.reached(),
                    time == null ? null : orNull(time.medianIterations()),
                    time == null ? null : orNull(time.medianSeconds()),
                    test == null ? null : orNull(test.welchP()), test == null ? null : orNull(test.mannWhitneyP()));
        }
    }

    /** Raw losses (per iteration) or accuracies (per evaluation) of every run, in spec order. */
    private static void writeRaw(Appendable out, ExperimentSummary summary, boolean losses) {
        ExperimentSpec spec = summary.spec();
        boolean seeds = spec.seeds().size() > 1;
        List<String> header = new ArrayList<>(List.of("iteration", "optimizer", losses ? "loss" : "test_accuracy"));
        if (seeds) {
            header.add("seed");
        }
        if (spec.hasVariants()) {
            header.add("variant");
        }
        // The extra measurements are columns after the old ones, only when the spec asks for them.
        boolean train = !losses && spec.trainAccuracy();
        boolean validation = !losses && spec.validation() > 0;
        if (train) {
            header.add("train_accuracy");
        }
        if (validation) {
            header.add("validation_accuracy");
            header.add("validation_loss");
        }
        CsvWriter csv = new CsvWriter(out, header.toArray(String[]::new));
        for (RunConfiguration configuration : spec.runs()) {
            SeedRun run = summary.results().get(configuration.key());
            if (run == null) {
                continue;
            }
            RunResult result = run.result();
            int count = losses ? result.losses().length : result.evalIterations().length;
            for (int i = 0; i < count; i++) {
                List<Object> row = new ArrayList<>(List.of(losses ? i : result.evalIterations()[i],
                        configuration.optimizer().canonical(), losses ? result.losses()[i] : result.testAccuracy()[i]));
                if (seeds) {
                    row.add(configuration.seed());
                }
                if (spec.hasVariants()) {
                    row.add(configuration.setting().variant().name());
                }
                if (train) {
                    row.add(i < result.trainAccuracy().length ? result.trainAccuracy()[i] : null);
                }
                if (validation) {
                    row.add(i < result.validationAccuracy().length ? result.validationAccuracy()[i] : null);
                    row.add(i < result.validationLoss().length ? result.validationLoss()[i] : null);
                }
                csv.row(row.toArray());
            }
        }
    }

    private static void writeLossCurves(Appendable out, ExperimentSummary summary) {
        CsvWriter csv = new CsvWriter(out, "setting", "iteration", "mean", "std", "seeds");
        for (SettingSummary setting : summary.settings()) {
            CurveBand band = setting.loss();
            for (int i = 0; i < band.length(); i++) {
                csv.row(setting.label(), i, band.mean()[i], orNull(band.std()[i]), band.count()[i]);
            }
        }
    }

    private static void writeAccuracyCurves(Appendable out, ExperimentSummary summary) {
        CsvWriter csv = new CsvWriter(out, "setting", "iteration", "mean", "std", "seeds");
        for (SettingSummary setting : summary.settings()) {
            CurveBand band = setting.accuracy();
            for (int i = 0; i < band.length(); i++) {
                csv.row(setting.label(), setting.evalIterations()[i], band.mean()[i], orNull(band.std()[i]),
                        band.count()[i]);
            }
        }
    }

    /** The value, or null (JSON null, an empty CSV cell) when it is not a finite number. */
    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
