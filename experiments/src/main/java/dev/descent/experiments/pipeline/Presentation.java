package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.progress.ProgressDisplay;
import dev.descent.mnist.MnistData;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What a command shows of the pipeline and how it schedules the runs: {@link ComparePresentation} for the book's
 * comparison (all runs side by side, live per-run lines, a per-run table), {@link BatchPresentation} for sweeps
 * (whole runs one after another per thread, a line per finished run, a per-setting table).
 */
public interface Presentation {

    /** Iterations a run trains before it yields its thread; {@link Integer#MAX_VALUE} for whole runs. */
    int slice();

    /** The lines printed before training. {@code data} is null when every run is stored already. */
    String header(ExperimentSpec spec, BatchRunner.Plan plan, MnistData data, int threads, Path storeDir);

    /** The display that watches the runs being computed. */
    ProgressDisplay display(PrintWriter out, BatchRunner.Plan plan);

    /** The table printed at the end, with its notes; ends with a newline. */
    String table(ExperimentSummary summary, BatchRunner.Outcome outcome);
}
