package dev.descent.experiments.spark;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.train.EvaluationSet;
import dev.descent.mnist.Mnist;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkFiles;

/**
 * What every task of an executor JVM shares, made once, on the first task that needs it: the data set, loaded
 * from the copies of the IDX files Spark fetched for this executor ({@code SparkContext.addFile} on the driver,
 * {@link SparkFiles} here), and the runs of the spec, parsed from the text the driver broadcast.
 *
 * <p>Loaded once per JVM, not per task: a 9,000-run sweep on 100 executors reads the 55 MB of MNIST 100 times, not
 * 9,000. The data stays for the JVM's life (an executor serves one application). Tasks of the same executor use
 * one {@link MnistData} and one {@link EvaluationSet}, both immutable and safe to share between task threads.
 */
final class ExecutorData {
    /** The training and test sets, ready for {@code TrainingRun}. */
    record Data(MnistData sets, EvaluationSet test) {
    }

    private static String dataId;
    private static Data data;
    private static String specText;
    private static Map<String, RunConfiguration> runs;

    private ExecutorData() {
    }

    /**
     * The data set the driver shipped as {@code id} (its files' names and sizes), loaded on the first call.
     *
     * @throws UncheckedIOException naming the file, if a shipped file is missing or bad
     */
    static synchronized Data data(String id) {
        if (!id.equals(dataId)) {
            Path dir = Path.of(SparkFiles.getRootDirectory());
            try {
                MnistData sets = Mnist.load(dir);
                data = new Data(sets, EvaluationSet.of(sets.test()));
                dataId = id;
            } catch (IOException e) {
                throw new UncheckedIOException("executor cannot load the data files Spark fetched into " + dir
                        + ": " + e.getMessage(), e);
            }
        }
        return data;
    }

    /** The run stored under {@code key} in the spec written as {@code text} (its resolved JSON). */
    static synchronized RunConfiguration run(String text, String key) {
        if (!text.equals(specText)) {
            ExperimentSpec spec = SpecReader.parse("the spec broadcast by the driver", "spark", text);
            Map<String, RunConfiguration> byKey = new HashMap<>();
            for (RunConfiguration run : spec.runs()) {
                byKey.putIfAbsent(run.key(), run);
            }
            runs = byKey;
            specText = text;
        }
        RunConfiguration run = runs.get(key);
        if (run == null) {
            throw new IllegalStateException("run " + key + " is not a run of the spec the driver broadcast: is the"
                    + " executor running another version of descent.jar than the driver?");
        }
        return run;
    }
}
