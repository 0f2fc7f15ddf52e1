package dev.descent.experiments.compare;

import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.train.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes a comparison's files into its out directory, each one atomically: {@value #LOSSES}, {@value #ACCURACY},
 * the loss and accuracy charts (PNG and SVG), and last {@value #SUMMARY}, so that a summary on disk always
 * describes files that are complete.
 */
final class ResultFiles {
    static final String LOSSES = "losses.csv";
    static final String ACCURACY = "accuracy.csv";
    static final String SUMMARY = "summary.json";
    static final String LOSS_CHART = "loss";
    static final String ACCURACY_CHART = "accuracy";

    /** Every file a comparison writes, for tests and listings. */
    static final List<String> ALL = List.of(LOSSES, ACCURACY, LOSS_CHART + ".png", LOSS_CHART + ".svg",
            ACCURACY_CHART + ".png", ACCURACY_CHART + ".svg", SUMMARY);

    private ResultFiles() {
    }

    static void write(Path dir, ComparisonResult result) throws IOException {
        // The loss chart (10,000 points through XChart, PNG and SVG) takes most of the writing time; draw it on
        // another core while this thread writes the CSVs and the small accuracy chart.
        FutureTask<List<Path>> lossChart =
                new FutureTask<>(() -> ChartFiles.save(CompareCharts.loss(result), dir, LOSS_CHART));
        Thread chartThread = new Thread(lossChart, "descent-loss-chart");
        chartThread.setDaemon(true);
        chartThread.start();
        AtomicFiles.writeText(dir.resolve(LOSSES), out -> {
            CsvWriter csv = new CsvWriter(out, "iteration", "optimizer", "loss");
            for (RunResult run : result.runs()) {
                double[] losses = run.losses();
                for (int i = 0; i < losses.length; i++) {
                    csv.row(i, run.optimizer(), losses[i]);
                }
            }
        });
        AtomicFiles.writeText(dir.resolve(ACCURACY), out -> {
            CsvWriter csv = new CsvWriter(out, "iteration", "optimizer", "test_accuracy");
            for (RunResult run : result.runs()) {
                for (int e = 0; e < run.evalIterations().length; e++) {
                    csv.row(run.evalIterations()[e], run.optimizer(), run.testAccuracy()[e]);
                }
            }
        });
        ChartFiles.save(CompareCharts.accuracy(result), dir, ACCURACY_CHART);
        await(lossChart);
        Json.write(dir.resolve(SUMMARY), SummaryJson.of(result));
    }

    private static void await(FutureTask<List<Path>> chart) throws IOException {
        try {
            chart.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the loss chart was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the loss chart failed: " + e.getCause(), e.getCause());
        }
    }
}
