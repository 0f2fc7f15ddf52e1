package dev.descent.experiments.compare;

import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.train.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.imageio.ImageIO;

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
        // After Ctrl-C these files are written while the JVM shuts down, when no new shutdown hook may be added.
        // ImageIO's default disk cache registers one on its first use (javax.imageio StreamCloser), so the PNG
        // encoder would fail with "Shutdown in progress"; an in-memory cache needs no hook and suits a 900x600 PNG.
        ImageIO.setUseCache(false);
        // The loss chart (10,000 points through XChart, PNG and SVG) takes most of the writing time; draw it on
        // another core while this thread writes the CSVs and the small accuracy chart.
        CompletableFuture<Void> lossChart = CompletableFuture.runAsync(
                () -> unchecked(() -> ChartFiles.save(CompareCharts.loss(result), dir, LOSS_CHART)));
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

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CompletableFuture<Void> chart) throws IOException {
        try {
            chart.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
