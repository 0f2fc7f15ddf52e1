package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.train.StopSignal;
import dev.descent.experiments.tuning.Trial;
import dev.descent.experiments.tuning.TuningPlan;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The first stage of a spec with {@code "tuning"}: its trials, planned against the run store and computed like any
 * sweep (stored as each finishes, reused when the command runs again), then each optimizer's best trial chosen. The
 * pipeline then runs the chosen settings on the spec's seeds as an ordinary experiment.
 */
final class TuningStage {

    /**
     * The trials and what they chose.
     *
     * @param plan    the trials
     * @param outcome their runs
     * @param choice  each optimizer's best trial and the reruns; empty when the trials were stopped
     */
    record Result(TuningPlan plan, BatchRunner.Outcome outcome, Optional<TuningPlan.Choice> choice) {
    }

    private TuningStage() {
    }

    static Result run(ExperimentSpec spec, RunStore store, MnistData data, int threads, Presentation view,
                      StopSignal stop, PrintWriter out) throws IOException {
        TuningPlan tuning;
        try {
            tuning = TuningPlan.of(spec);
        } catch (IllegalArgumentException e) {
            throw new UserError(spec.name() + ": a tuning trial is not a valid setting (" + e.getMessage()
                    + "); HINT: narrow \"tuning\": {\"ranges\"} to the rule's valid values", e);
        }
        BatchRunner.Plan plan = BatchRunner.plan(tuning.trialSpec(), store);
        int toCompute = plan.toCompute().size();
        out.println(String.format(Locale.ROOT, "tuning: %d trials (%d optimizers × %d, %s search, validation split"
                        + " of %d, select by %s): %d reused, %d to compute", tuning.trials().size(),
                spec.optimizers().size(), spec.tuning().trials(), spec.tuning().search().label(), spec.validation(),
                spec.tuning().select().label(), plan.stored().size(), toCompute));
        out.flush();
        Map<String, String> labelOf = new HashMap<>();
        for (Trial trial : tuning.trials()) {
            labelOf.putIfAbsent(tuning.run(trial).key(), label(trial));
        }
        List<String> labels = plan.toCompute().stream().map(RunConfiguration::key).map(labelOf::get).toList();
        BatchRunner.Outcome outcome = BatchRunner.compute(plan, data, store, threads, view.slice(), labels,
                view.display(out, plan), stop);
        Optional<TuningPlan.Choice> choice = stop.getAsBoolean() ? Optional.empty() : tuning.choose(outcome.runs());
        return new Result(tuning, outcome, choice);
    }

    /** {@code trial 3 of sgd: sgd:lr=0.00316}, with the weight decay when it is drawn. */
    static String label(Trial trial) {
        return "trial " + (trial.index() + 1) + " of " + trial.base().brief() + ": " + trial.optimizer().brief()
                + (trial.tunesWeightDecay() ? String.format(Locale.ROOT, ", λ=%.3g", trial.weightDecay()) : "");
    }
}
