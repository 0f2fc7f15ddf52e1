package dev.descent.experiments.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.Setting;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.train.RunResult;
import dev.descent.optimizers.OptimizerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Trials become runs, the best trial by validation is chosen, and only it is rerun, on the spec's seeds. */
class TuningPlanTest {

    private static ExperimentSpec spec(String tuning) {
        return SpecReader.parse("tune.json", "tune", """
                {"iterations": 4, "eval_every": 2, "seeds": [3, 5], "optimizers": ["sgd", "adam"],
                 "baseline": "adam", "tuning": %s}""".formatted(tuning));
    }

    /** Made-up results of every trial: the final validation loss is {@code loss(trial)}. */
    private static Map<String, SeedRun> results(TuningPlan plan, ToDoubleFunction<Trial> loss) {
        Map<String, SeedRun> results = new HashMap<>();
        for (Trial trial : plan.trials()) {
            RunConfiguration run = plan.run(trial);
            RunResult result = new RunResult(trial.optimizer().canonical(), new double[] {2, 1.5, 1.2, 1.0},
                    new int[] {0, 2, 3}, new double[] {0.1, 0.5, 0.6}, -1, true, 1, 1, new double[0],
                    new double[] {0.1, 0.5, 0.6}, new double[] {2.3, 1.0, loss.applyAsDouble(trial)});
            results.put(run.key(), new SeedRun(run.seed(), run.key(), result));
        }
        return results;
    }

    @Test
    void everyOptimizerGetsTheSameTrialsOnTheTuningSeedWithTheValidationSplit() {
        TuningPlan plan = TuningPlan.of(spec("{\"trials\": 4, \"validation\": 100}"));
        assertEquals(8, plan.trials().size());
        assertEquals(4, plan.trials().stream().filter(trial -> trial.base().name().equals("sgd")).count());
        for (Trial trial : plan.trials()) {
            RunConfiguration run = plan.run(trial);
            assertEquals(3, run.seed(), "trials run on the tuning seed, by default the first seed");
            assertEquals(100, run.setup().validation());
            assertEquals(trial.optimizer(), run.optimizer());
        }
        assertEquals(List.of(3L), plan.trialSpec().seeds());
        assertEquals(8, plan.trialSpec().runs().size());
    }

    @Test
    void theBestTrialIsRerunWithItsHyperparametersOnTheListedSeeds() {
        ExperimentSpec spec = spec("{\"trials\": 4, \"validation\": 100}");
        TuningPlan plan = TuningPlan.of(spec);
        // sgd's third trial and adam's first have the lowest validation loss.
        Map<String, SeedRun> results = results(plan, trial -> trial.base().name().equals("sgd")
                ? 1 + Math.abs(trial.index() - 2) : 0.5 + trial.index());
        TuningPlan.Choice choice = plan.choose(results).orElseThrow();
        OptimizerSpec sgd = OptimizerSpec.parse("sgd");
        OptimizerSpec adam = OptimizerSpec.parse("adam");
        Trial bestSgd = plan.trials().get(2);
        Trial bestAdam = plan.trials().get(4);
        assertEquals(bestSgd, choice.best().get(sgd).trial());
        assertEquals(bestAdam, choice.best().get(adam).trial());
        assertEquals(1, choice.best().get(sgd).rank());

        ExperimentSpec reruns = choice.reruns();
        assertEquals(List.of(bestSgd.optimizer(), bestAdam.optimizer()), reruns.optimizers());
        assertEquals(List.of(3L, 5L), reruns.seeds());
        assertEquals(bestAdam.optimizer(), reruns.baseline().optimizer(), "the baseline is the tuned adam");
        List<RunConfiguration> runs = reruns.runs();
        assertEquals(4, runs.size());
        for (RunConfiguration run : runs) {
            assertEquals(100, run.setup().validation(), "reruns hold out the same validation split");
            assertTrue(List.of(3L, 5L).contains(run.seed()));
        }
        // The rerun on the tuning seed is the chosen trial itself: the same key, so it is reused, not recomputed.
        assertTrue(runs.stream().anyMatch(run -> run.key().equals(plan.run(bestSgd).key())));
        assertTrue(reruns.tuning() == null);
    }

    @Test
    void chosenWeightDecaysAreNamedInThreeDigits() {
        assertEquals("7.88e-08", TuningPlan.ShortNumbers.number(7.88e-8));
        assertEquals("1e-05", TuningPlan.ShortNumbers.number(1e-5));
        assertEquals("0.0316", TuningPlan.ShortNumbers.number(0.0316));
        assertEquals("0.5", TuningPlan.ShortNumbers.number(0.5));
        assertEquals("100", TuningPlan.ShortNumbers.number(100));
    }

    @Test
    void aMissingTrialMeansNoChoiceYet() {
        TuningPlan plan = TuningPlan.of(spec("{\"trials\": 2, \"validation\": 100}"));
        Map<String, SeedRun> results = results(plan, trial -> 1.0);
        results.remove(plan.run(plan.trials().get(3)).key());
        assertFalse(plan.choose(results).isPresent());
    }

    @Test
    void aTunedWeightDecayGivesEachChosenSettingItsOwnNet() {
        ExperimentSpec spec = spec("""
                {"trials": 3, "validation": 100, "seed": 9, "select": "validation_accuracy",
                 "ranges": {"lr": {"log": [1e-4, 1e-1]}, "network.weight_decay": {"log": [1e-8, 1e-4]}}}""");
        TuningPlan plan = TuningPlan.of(spec);
        for (Trial trial : plan.trials()) {
            RunConfiguration run = plan.run(trial);
            assertEquals(trial.weightDecay(), run.setup().weightDecay());
            assertEquals(9, run.seed());
        }
        // Six trials, six nets, six settings: not every net with every optimizer spec.
        assertEquals(6, plan.trialSpec().settings().size());
        Map<String, SeedRun> results = new HashMap<>();
        for (Trial trial : plan.trials()) {
            RunConfiguration run = plan.run(trial);
            double accuracy = trial.index() == 1 ? 0.9 : 0.5;
            results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(trial.optimizer().canonical(),
                    new double[] {2, 1, 1, 1}, new int[] {0, 2, 3}, new double[] {0.1, 0.2, 0.3}, -1, true, 1, 1,
                    new double[0], new double[] {0.1, 0.2, accuracy}, new double[] {2, 2, 2})));
        }
        ExperimentSpec reruns = plan.choose(results).orElseThrow().reruns();
        List<Setting> settings = reruns.settings();
        assertEquals(2, settings.size());
        for (Setting setting : settings) {
            Trial chosen = plan.trials().stream().filter(trial -> trial.index() == 1
                    && trial.optimizer().name().equals(setting.optimizer().name())).findFirst().orElseThrow();
            assertEquals(chosen.optimizer(), setting.optimizer());
            assertEquals(chosen.weightDecay(), setting.variant().network().weightDecay());
        }
        assertEquals(4, reruns.runs().size());
    }
}
