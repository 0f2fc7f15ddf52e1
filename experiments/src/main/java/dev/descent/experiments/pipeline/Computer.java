package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.RunStore;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Where the {@link Pipeline} computes the runs its plan lacks: on this machine's cores ({@link #LOCAL}) or on a
 * cluster (the {@code spark} package). Either way each finished run is stored under its key the moment it is
 * known, and the outcome lists every run of the plan in spec order, so the summaries, charts and report that
 * follow are the same.
 */
@FunctionalInterface
public interface Computer {

    /** On this machine: {@link BatchRunner#compute} on {@code request.threads()} threads. */
    Computer LOCAL = (request, plan, data, store, labels, view, out, stop) -> BatchRunner.compute(plan, data, store,
            request.threads(), view.slice(), labels, view.display(out, plan), stop);

    /**
     * Computes {@code plan.toCompute()} and stores each complete run in {@code store}.
     *
     * @param data   the data set as the driver loaded and checked it, or null when nothing is to be computed
     * @param labels one label per run to compute, in the plan's order, for progress lines
     * @param stop   true once Ctrl-C asked to stop: finished runs stay stored, the others are left missing
     * @throws IOException if a finished run cannot be stored
     */
    BatchRunner.Outcome compute(Pipeline.Request request, BatchRunner.Plan plan, MnistData data, RunStore store,
                                List<String> labels, Presentation view, PrintWriter out, BooleanSupplier stop)
            throws IOException;
}
