package dev.descent.experiments.batch;

import dev.descent.experiments.stats.BaselineTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the summary files, the charts and the report show: each setting aggregated over its seeds, and
 * each setting's final losses tested against the baseline's.
 *
 * @param spec          the experiment
 * @param settings      one summary per setting, in the spec's order
 * @param baseline      the baseline's summary, if the baseline is among the settings
 * @param baselineNote  why there are no tests, or null
 * @param tests         per setting other than the baseline, its test against the baseline (empty without one)
 * @param counts        how the runs came about
 * @param results       every run by key, complete or stopped, as the runner returned them
 */
public record ExperimentSummary(ExperimentSpec spec, List<SettingSummary> settings, Optional<SettingSummary> baseline,
                                String baselineNote, Map<Setting, BaselineTest> tests, RunCounts counts,
                                Map<String, SeedRun> results) {

    /**
     * @param results  runs by key; runs stopped early add to the curves only, absent ones count as missing
     * @param smoother applied to each seed's loss curve before averaging
     */
    public static ExperimentSummary of(ExperimentSpec spec, Map<String, SeedRun> results, RunCounts counts,
                                       UnaryOperator<double[]> smoother) {
        Map<Setting, String> labels = SettingLabels.of(spec);
        List<SettingSummary> settings = new ArrayList<>();
        for (Setting setting : spec.settings()) {
            List<SeedRun> runs = new ArrayList<>();
            for (long seed : spec.seeds()) {
                SeedRun run = results.get(new RunConfiguration(setting, spec.setup(setting.variant(), seed)).key());
                if (run != null) {
                    runs.add(run);
                }
            }
            settings.add(SettingSummary.of(setting, labels.get(setting), spec.seeds().size(), runs,
                    spec.targetAccuracy(), smoother));
        }

        Optional<SettingSummary> baseline = settings.stream()
                .filter(summary -> summary.setting().matches(spec.baseline())).findFirst();
        String note = null;
        Map<Setting, BaselineTest> tests = new LinkedHashMap<>();
        if (baseline.isEmpty()) {
            note = "the baseline " + spec.baseline().optimizer().canonical() + " is not among the settings, so no setting is"
                    + " tested against it; name one with \"baseline\" in the spec";
        } else if (spec.seeds().size() < BaselineTest.MIN_SEEDS) {
            note = "one seed per setting: the tests need at least " + BaselineTest.MIN_SEEDS
                    + " (use \"seeds\": 5 for p-values)";
        }
        if (baseline.isPresent()) {
            double[] reference = baseline.get().finalLossesWithDivergedAsInfinity();
            for (SettingSummary summary : settings) {
                if (summary != baseline.get()) {
                    tests.put(summary.setting(), BaselineTest.of(summary.finalLossesWithDivergedAsInfinity(),
                            reference));
                }
            }
        }
        return new ExperimentSummary(spec, List.copyOf(settings), baseline, note, tests, counts, results);
    }
}
