package dev.descent.experiments.spark;

import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.TrainingRun;
import java.io.Serializable;
import java.util.function.BooleanSupplier;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * One Spark task: trains the one run of its partition (the run's key) with the same {@link TrainingRun} a local
 * {@code descent run} uses, single-threaded, and returns the result as bytes ({@link RunOutcome}). A run is a pure
 * function of its configuration and seed, so the numbers are those of a local run, bit for bit, whichever executor
 * computes them and however often.
 *
 * <p>The task writes nothing: only the driver stores runs (see {@link SparkComputer}), so a task that is retried
 * or duplicated by speculation cannot leave a half or a second file behind. A task killed by a cancelled job
 * (Ctrl-C on the driver) stops at its next iteration.
 */
final class RunTask extends AbstractFunction2<TaskContext, Iterator<String>, byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Tests only: called once per iteration of every task with the task's context, its run's key and the
     * iteration; a hook that throws fails the task there (a task killed mid-run). Executors of a cluster never
     * see it set: it lives in the JVM of a {@code local} master.
     */
    static volatile FaultHook faultForTests;

    /** A test's way to fail a task mid-run. */
    @FunctionalInterface
    interface FaultHook {
        void check(TaskContext context, String key, int iteration);
    }

    private final Broadcast<String> spec;
    private final String dataId;

    /**
     * @param spec   the resolved spec's JSON, broadcast once to every executor
     * @param dataId names the data files the driver shipped, so that an executor loads them once
     */
    RunTask(Broadcast<String> spec, String dataId) {
        this.spec = spec;
        this.dataId = dataId;
    }

    @Override
    public byte[] apply(TaskContext context, Iterator<String> keys) {
        String key = keys.next();
        if (keys.hasNext()) {
            throw new IllegalStateException("a partition holds more than one run; descent makes one per run");
        }
        RunConfiguration run = ExecutorData.run(spec.value(), key);
        ExecutorData.Data data = ExecutorData.data(dataId);
        FaultHook fault = faultForTests;
        int[] polls = {0};
        BooleanSupplier stop = fault == null ? context::isInterrupted : () -> {
            fault.check(context, key, polls[0]++);
            return context.isInterrupted();
        };
        RunResult result = new TrainingRun(run.setup(), run.optimizer().canonical(), data.sets().train(), data.test(),
                stop).call();
        return new RunOutcome(key, result).encode();
    }
}
