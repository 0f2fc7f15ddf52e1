package dev.descent.experiments.tuning;

import dev.descent.experiments.batch.Baseline;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.NetworkSpec;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.Setting;
import dev.descent.experiments.batch.TuningSpec;
import dev.descent.experiments.batch.Variant;
import dev.descent.optimizers.OptimizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runs of a tuning spec, in two experiments of the one pipeline:
 * <ol>
 *   <li>the trials ({@link #trialSpec()}): every optimizer's {@link TuningSpec#trials()} draws, one run each on the
 *       tuning's seed, with the spec's validation split held out;</li>
 *   <li>the reruns ({@link Choice#reruns()}): each optimizer's best trial by validation, on every seed of the spec,
 *       same split; only these are reported on the test set.</li>
 * </ol>
 * A trial that draws the net's weight decay trains a net of its own: it is a setting of a {@link Variant} that
 * belongs to that trial's optimizer spec alone. Trials and reruns are ordinary runs, keyed by configuration, so a
 * rerun on the tuning's seed is the chosen trial itself and is not computed twice.
 */
public final class TuningPlan {
    private final ExperimentSpec spec;
    private final List<Trial> trials;
    private final ExperimentSpec trialSpec;
    private final Map<Trial, RunConfiguration> trialRuns;

    private TuningPlan(ExperimentSpec spec, List<Trial> trials, ExperimentSpec trialSpec,
                       Map<Trial, RunConfiguration> trialRuns) {
        this.spec = spec;
        this.trials = List.copyOf(trials);
        this.trialSpec = trialSpec;
        this.trialRuns = trialRuns;
    }

    /**
     * The trials of a spec with a {@code "tuning"} block.
     *
     * @throws IllegalArgumentException when the spec has no tuning, or a drawn value is out of a rule's range
     */
    public static TuningPlan of(ExperimentSpec spec) {
        TuningSpec tuning = spec.tuning();
        if (tuning == null) {
            throw new IllegalArgumentException(spec.name() + " has no \"tuning\"");
        }
        List<Trial> trials = new ArrayList<>();
        for (OptimizerSpec base : spec.optimizers()) {
            trials.addAll(TrialDraws.of(tuning, base));
        }
        boolean ownNets = trials.stream().anyMatch(Trial::tunesWeightDecay);
        Set<OptimizerSpec> optimizers = new LinkedHashSet<>();
        List<Variant> variants = new ArrayList<>();
        Map<Trial, Variant> variantOf = new LinkedHashMap<>();
        Variant shared = spec.variants().get(0);
        for (Trial trial : trials) {
            optimizers.add(trial.optimizer());
            Variant variant = shared;
            if (ownNets) {
                variant = new Variant(trial.base().brief() + " trial " + (trial.index() + 1),
                        withWeightDecay(shared.network(), trial), trial.optimizer());
                variants.add(variant);
            }
            variantOf.put(trial, variant);
        }
        if (!ownNets) {
            variants.add(shared);
        }
        ExperimentSpec trialSpec = spec.derive(spec.name() + " trials", List.of(tuning.seed()),
                List.copyOf(optimizers), variants, ownNets, new Baseline(spec.baseline().optimizer(),
                        variants.get(0).name(), false), null);
        Map<Trial, RunConfiguration> runs = new LinkedHashMap<>();
        for (Trial trial : trials) {
            Variant variant = variantOf.get(trial);
            runs.put(trial, new RunConfiguration(new Setting(variant, trial.optimizer()),
                    trialSpec.setup(variant, tuning.seed())));
        }
        return new TuningPlan(spec, trials, trialSpec, runs);
    }

    private static NetworkSpec withWeightDecay(NetworkSpec net, Trial trial) {
        double weightDecay = trial.tunesWeightDecay() ? trial.weightDecay() : net.weightDecay();
        return new NetworkSpec(net.hidden(), net.activation(), net.init(), weightDecay, net.batchNorm(),
                net.dropout());
    }

    /** The spec being tuned. */
    public ExperimentSpec spec() {
        return spec;
    }

    /** Every trial, optimizers in spec order, each optimizer's trials in draw order. */
    public List<Trial> trials() {
        return trials;
    }

    /** The trials as an experiment of the pipeline: one seed (the tuning's), one setting per distinct trial. */
    public ExperimentSpec trialSpec() {
        return trialSpec;
    }

    /** The run of a trial. */
    public RunConfiguration run(Trial trial) {
        return trialRuns.get(trial);
    }

    /**
     * One trial with its run and where it ranks among its optimizer's trials.
     *
     * @param trial  the trial
     * @param key    its run's key
     * @param run    its run
     * @param score  {@link TrialSelection#score}: larger is better
     * @param rank   1 for the best trial of its optimizer
     */
    public record TrialOutcome(Trial trial, String key, SeedRun run, double score, int rank) {
    }

    /**
     * What the trials chose.
     *
     * @param outcomes every trial, in {@link #trials()} order
     * @param best     per optimizer of the spec (as listed), its best trial
     * @param reruns   the experiment of the chosen settings on the spec's seeds
     */
    public record Choice(List<TrialOutcome> outcomes, Map<OptimizerSpec, TrialOutcome> best, ExperimentSpec reruns) {
    }

    /**
     * Each optimizer's best trial and the reruns, once every trial has a complete run in {@code results} (by key);
     * empty while some trial is missing or was stopped.
     */
    public Optional<Choice> choose(Map<String, SeedRun> results) {
        TuningSpec tuning = spec.tuning();
        List<TrialOutcome> outcomes = new ArrayList<>();
        Map<OptimizerSpec, TrialOutcome> best = new LinkedHashMap<>();
        for (OptimizerSpec base : spec.optimizers()) {
            List<Trial> own = trials.stream().filter(trial -> trial.base().equals(base)).toList();
            List<SeedRun> runs = new ArrayList<>();
            for (Trial trial : own) {
                SeedRun run = results.get(run(trial).key());
                if (run == null || !run.result().complete()) {
                    return Optional.empty();
                }
                runs.add(run);
            }
            int bestIndex = TrialSelection.best(tuning.select(), runs.stream().map(SeedRun::result).toList())
                    .orElseThrow();
            for (int i = 0; i < own.size(); i++) {
                double score = TrialSelection.score(tuning.select(), runs.get(i).result());
                int rank = 1;
                for (int j = 0; j < own.size(); j++) {
                    double other = TrialSelection.score(tuning.select(), runs.get(j).result());
                    rank += other > score || (other == score && j < i) ? 1 : 0;
                }
                TrialOutcome outcome = new TrialOutcome(own.get(i), runs.get(i).key(), runs.get(i), score, rank);
                outcomes.add(outcome);
                if (i == bestIndex) {
                    best.put(base, outcome);
                }
            }
        }
        return Optional.of(new Choice(outcomes, best, reruns(best)));
    }

    /** The chosen settings on the spec's seeds, each chosen net its own variant when the weight decay was tuned. */
    private ExperimentSpec reruns(Map<OptimizerSpec, TrialOutcome> best) {
        Variant shared = spec.variants().get(0);
        boolean ownNets = trials.stream().anyMatch(Trial::tunesWeightDecay);
        List<OptimizerSpec> optimizers = new ArrayList<>();
        List<Variant> variants = new ArrayList<>();
        Map<OptimizerSpec, Variant> variantOf = new LinkedHashMap<>();
        for (Map.Entry<OptimizerSpec, TrialOutcome> entry : best.entrySet()) {
            Trial trial = entry.getValue().trial();
            optimizers.add(trial.optimizer());
            Variant variant = shared;
            if (ownNets) {
                // The chosen spec in the name too: with one optimizer the variant's name is the whole label.
                String name = trial.optimizer().brief() + ", λ=" + ShortNumbers.number(trial.weightDecay());
                variant = new Variant(name, withWeightDecay(shared.network(), trial), trial.optimizer());
                variants.add(variant);
            }
            variantOf.put(entry.getKey(), variant);
        }
        if (!ownNets) {
            variants.add(shared);
        }
        OptimizerSpec baseBaseline = spec.baseline().optimizer();
        TrialOutcome chosenBaseline = best.get(baseBaseline);
        Baseline baseline = chosenBaseline == null
                ? new Baseline(baseBaseline, variants.get(0).name(), false)
                : new Baseline(chosenBaseline.trial().optimizer(), variantOf.get(baseBaseline).name(),
                spec.baseline().explicit());
        return spec.derive(spec.name(), spec.seeds(), optimizers, variants, ownNets, baseline, null);
    }

    /** Numbers in names: three significant digits without trailing zeros, 1e-05, 7.88e-08, 0.0316. */
    static final class ShortNumbers {
        private ShortNumbers() {
        }

        static String number(double value) {
            String[] parts = String.format(Locale.ROOT, "%.3g", value).split("e", 2);
            // Trailing zeros of the fraction only: 100 stays 100.
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "")
                    : parts[0];
            return parts.length == 2 ? mantissa + "e" + parts[1] : mantissa;
        }
    }
}
