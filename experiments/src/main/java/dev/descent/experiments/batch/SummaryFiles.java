package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.stats.BaselineTest;
import dev.descent.experiments.stats.CurveBand;
import dev.descent.experiments.stats.MeanStd;
import dev.descent.experiments.stats.TimeToTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The aggregate files of a batch, each written atomically:
 * <ul>
 *   <li>{@code summary.json}: the resolved spec, the run counts, and per setting every aggregate with its
 *       per-seed inputs and its tests against the baseline;</li>
 *   <li>{@code summary.csv}: one row per setting, the numbers of the report's table;</li>
 *   <li>{@code loss-curves.csv}: per setting and iteration, the mean and sample std over seeds of the smoothed
 *       loss and how many seeds reached that iteration;</li>
 *   <li>{@code accuracy-curves.csv}: the same for the test accuracy at each evaluation.</li>
 * </ul>
 * Numbers that do not exist (a std of one seed, a median of seeds that mostly never reached the target) are
 * {@code null} in JSON and empty in CSV.
 */
public final class SummaryFiles {
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String LOSS_CURVES_CSV = "loss-curves.csv";
    public static final String ACCURACY_CURVES_CSV = "accuracy-curves.csv";
    static final String FORMAT = "descent-run-summary";
    static final int FORMAT_VERSION = 1;

    private SummaryFiles() {
    }

    /** Writes the four files into {@code outDir}; returns their paths. */
    public static List<Path> write(Path outDir, ExperimentSummary summary, Instant writtenAt) throws IOException {
        Path json = outDir.resolve(SUMMARY_JSON);
        Path csv = outDir.resolve(SUMMARY_CSV);
        Path lossCurves = outDir.resolve(LOSS_CURVES_CSV);
        Path accuracyCurves = outDir.resolve(ACCURACY_CURVES_CSV);
        AtomicFiles.writeString(json, Json.mapper().writeValueAsString(toJson(summary, writtenAt)) + "\n");
        AtomicFiles.writeText(csv, out -> writeCsv(out, summary));
        AtomicFiles.writeText(lossCurves, out -> writeLossCurves(out, summary));
        AtomicFiles.writeText(accuracyCurves, out -> writeAccuracyCurves(out, summary));
        return List.of(json, csv, lossCurves, accuracyCurves);
    }

    static ObjectNode toJson(ExperimentSummary summary, Instant writtenAt) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        ExperimentSpec spec = summary.spec();
        ObjectNode json = factory.objectNode();
        json.put("format", FORMAT);
        json.put("format_version", FORMAT_VERSION);
        json.put("name", spec.name());
        json.put("written_at", writtenAt.toString());
        json.put("complete", summary.counts().complete());
        ObjectNode counts = json.putObject("runs");
        counts.put("total", summary.counts().total());
        counts.put("reused", summary.counts().reused());
        counts.put("computed", summary.counts().computed());
        counts.put("missing", summary.counts().missing());
        ObjectNode baseline = json.putObject("baseline");
        baseline.put("optimizer", spec.baseline().optimizer());
        baseline.put("variant", spec.baseline().variant());
        baseline.put("found", summary.baseline().isPresent());
        baseline.put("note", summary.baselineNote());
        number(json, "target_accuracy", spec.targetAccuracy().orElse(Double.NaN));
        ArrayNode settings = json.putArray("settings");
        for (SettingSummary setting : summary.settings()) {
            settings.add(settingJson(setting, summary));
        }
        json.set("spec", spec.toJson());
        return json;
    }

    private static ObjectNode settingJson(SettingSummary setting, ExperimentSummary summary) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("label", setting.label());
        json.put("variant", setting.setting().variant().name());
        json.put("optimizer", setting.setting().optimizer());
        json.put("is_baseline", summary.baseline().map(b -> b == setting).orElse(false));
        json.put("expected_seeds", setting.expectedSeeds());
        ArrayNode seeds = json.putArray("seeds");
        ArrayNode keys = json.putArray("run_keys");
        ArrayNode finalLosses = json.putArray("final_losses");
        ArrayNode finalAccuracies = json.putArray("final_accuracies");
        for (SeedRun run : setting.runs()) {
            seeds.add(run.seed());
            keys.add(run.key());
            addNumber(finalLosses, run.result().finalLoss());
            addNumber(finalAccuracies, run.result().finalAccuracy());
        }
        setting.divergedSeeds().forEach(json.putArray("diverged_seeds")::add);
        json.set("final_loss", meanStd(setting.finalLoss()));
        json.set("final_accuracy", meanStd(setting.finalAccuracy()));
        json.set("ms_per_iteration", meanStd(setting.msPerIteration()));
        json.put("wall_seconds_total", setting.wallSeconds());
        TimeToTarget time = setting.timeToTarget();
        if (time == null) {
            json.putNull("time_to_target");
        } else {
            ObjectNode target = json.putObject("time_to_target");
            target.put("target_accuracy", time.target());
            target.put("reached", time.reached());
            target.put("seeds", time.seeds());
            number(target, "median_iterations", time.medianIterations());
            number(target, "median_seconds", time.medianSeconds());
            ArrayNode iterations = target.putArray("iterations");
            for (int iteration : time.iterations()) {
                if (iteration == TimeToTarget.NOT_REACHED) {
                    iterations.addNull();
                } else {
                    iterations.add(iteration);
                }
            }
            ArrayNode seconds = target.putArray("seconds");
            for (double value : time.seconds()) {
                addNumber(seconds, value);
            }
        }
        BaselineTest test = summary.tests().get(setting.setting());
        if (test == null) {
            json.putNull("versus_baseline");
        } else {
            ObjectNode versus = json.putObject("versus_baseline");
            number(versus, "mean_final_loss_difference", test.meanDifference());
            number(versus, "welch_p", test.welchP());
            versus.put("welch_note", test.welchReason());
            number(versus, "mann_whitney_p", test.mannWhitneyP());
            versus.put("mann_whitney_note", test.mannWhitneyReason());
        }
        return json;
    }

    private static ObjectNode meanStd(MeanStd value) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        number(json, "mean", value.mean());
        number(json, "std", value.std());
        json.put("n", value.count());
        return json;
    }

    private static void number(ObjectNode json, String field, double value) {
        if (Double.isFinite(value)) {
            json.put(field, value);
        } else {
            json.putNull(field);
        }
    }

    private static void addNumber(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }

    private static void writeCsv(Appendable out, ExperimentSummary summary) {
        CsvWriter csv = new CsvWriter(out, "setting", "variant", "optimizer", "seeds", "expected_seeds", "diverged",
                "final_loss_mean", "final_loss_std", "final_accuracy_mean", "final_accuracy_std",
                "ms_per_iteration_mean", "target_accuracy", "target_reached", "iterations_to_target_median",
                "seconds_to_target_median", "welch_p", "mann_whitney_p");
        for (SettingSummary setting : summary.settings()) {
            TimeToTarget time = setting.timeToTarget();
            BaselineTest test = summary.tests().get(setting.setting());
            csv.row(setting.label(), setting.setting().variant().name(), setting.setting().optimizer(),
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

    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
