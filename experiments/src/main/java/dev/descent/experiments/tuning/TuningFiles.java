package dev.descent.experiments.tuning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.batch.ParameterRange;
import dev.descent.experiments.batch.TuningSpec;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.train.RunResult;
import dev.descent.optimizers.OptimizerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result files of a tuning, beside the reruns' usual files (format in {@code experiments/specs/FORMAT.md}):
 * {@code trials.csv}, one row per trial with its validation numbers, rank and whether it was chosen, and
 * {@code tuning.json}, the protocol (ranges resolved per optimizer), each optimizer's choice and every trial.
 */
public final class TuningFiles {
    public static final String TRIALS_CSV = "trials.csv";
    public static final String TUNING_JSON = "tuning.json";
    public static final List<String> ALL = List.of(TUNING_JSON, TRIALS_CSV);

    private TuningFiles() {
    }

    public static void write(Path outDir, TuningPlan plan, TuningPlan.Choice choice) throws IOException {
        AtomicFiles.writeText(outDir.resolve(TRIALS_CSV), out -> csv(out, choice));
        Json.write(outDir.resolve(TUNING_JSON), json(plan, choice));
    }

    private static void csv(Appendable out, TuningPlan.Choice choice) {
        CsvWriter csv = new CsvWriter(out, "optimizer", "trial", "spec", "weight_decay", "key", "diverged",
                "final_validation_loss", "final_validation_accuracy", "final_train_accuracy", "rank", "chosen");
        for (TuningPlan.TrialOutcome outcome : choice.outcomes()) {
            Trial trial = outcome.trial();
            RunResult result = outcome.run().result();
            csv.row(trial.base().canonical(), trial.index() + 1, trial.optimizer().canonical(),
                    trial.tunesWeightDecay() ? trial.weightDecay() : null, outcome.key(), result.diverged(),
                    orNull(result.finalValidationLoss()), orNull(result.finalValidationAccuracy()),
                    orNull(result.finalTrainAccuracy()), outcome.rank(), chosen(choice, outcome));
        }
    }

    static boolean chosen(TuningPlan.Choice choice, TuningPlan.TrialOutcome outcome) {
        return choice.best().get(outcome.trial().base()) == outcome;
    }

    private static ObjectNode json(TuningPlan plan, TuningPlan.Choice choice) {
        TuningSpec tuning = plan.spec().tuning();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", "descent-tuning");
        json.put("format_version", 1);
        json.put("trials_per_optimizer", tuning.trials());
        json.put("search", tuning.search().label());
        json.put("select", tuning.select().label());
        json.put("validation", plan.spec().validation());
        json.put("trial_seed", tuning.seed());
        plan.spec().seeds().forEach(json.putArray("rerun_seeds")::add);
        ArrayNode optimizers = json.putArray("optimizers");
        for (Map.Entry<OptimizerSpec, TuningPlan.TrialOutcome> entry : choice.best().entrySet()) {
            ObjectNode optimizer = optimizers.addObject();
            optimizer.put("optimizer", entry.getKey().canonical());
            ObjectNode ranges = optimizer.putObject("ranges");
            for (ParameterRange range : tuning.ranges()) {
                if (range.isNetworkWeightDecay() || entry.getKey().hyperparameters().containsKey(range.key())) {
                    double[] bounds = TrialDraws.bounds(range, entry.getKey());
                    ObjectNode bound = ranges.putObject(range.key());
                    bound.put("scale", range.scale() == ParameterRange.Scale.UNIFORM ? "uniform" : "log");
                    bound.put("low", bounds[0]);
                    bound.put("high", bounds[1]);
                }
            }
            Trial best = entry.getValue().trial();
            optimizer.put("chosen", best.optimizer().canonical());
            optimizer.put("chosen_trial", best.index() + 1);
            if (best.tunesWeightDecay()) {
                optimizer.put("chosen_weight_decay", best.weightDecay());
            }
            optimizer.put("chosen_key", entry.getValue().key());
        }
        ArrayNode trials = json.putArray("trials");
        for (TuningPlan.TrialOutcome outcome : choice.outcomes()) {
            ObjectNode trial = trials.addObject();
            RunResult result = outcome.run().result();
            trial.put("optimizer", outcome.trial().base().canonical());
            trial.put("trial", outcome.trial().index() + 1);
            trial.put("spec", outcome.trial().optimizer().canonical());
            trial.put("weight_decay", outcome.trial().tunesWeightDecay() ? outcome.trial().weightDecay() : null);
            trial.put("key", outcome.key());
            trial.put("diverged", result.diverged());
            trial.put("final_validation_loss", orNull(result.finalValidationLoss()));
            trial.put("final_validation_accuracy", orNull(result.finalValidationAccuracy()));
            trial.put("final_train_accuracy", orNull(result.finalTrainAccuracy()));
            trial.put("rank", outcome.rank());
            trial.put("chosen", chosen(choice, outcome));
        }
        return json;
    }

    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
