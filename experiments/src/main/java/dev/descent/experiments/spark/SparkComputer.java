package dev.descent.experiments.spark;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.pipeline.Computer;
import dev.descent.experiments.pipeline.Pipeline;
import dev.descent.experiments.pipeline.Presentation;
import dev.descent.experiments.train.RunResult;
import dev.descent.mnist.Mnist;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Computes the missing runs of a sweep on Apache Spark, one task per run, and stores each on the driver as its
 * result arrives: the {@link Computer} behind {@code descent run SPEC.json --spark} and {@link SparkSweep}.
 *
 * <ul>
 *   <li><b>Data</b>: the driver ships the four IDX files it loaded and checked with {@code SparkContext.addFile};
 *       each executor fetches them once and loads them once per JVM ({@link ExecutorData}). No path has to exist on
 *       every node, and every executor trains on the very bytes the driver checked.</li>
 *   <li><b>Idempotent</b>: tasks write nothing; the driver stores a run the moment its task's result arrives,
 *       atomically, under its key ({@link RunStore#save}), once per key: Spark hands the driver one result per
 *       partition, whatever retries or speculative copies ran, and the driver keeps the first result of a key and
 *       counts distinct keys. A run is a pure function of its configuration, so any attempt's numbers are the
 *       same. A stored run is never computed again, so a second sweep computes nothing.</li>
 *   <li><b>Ctrl-C</b> cancels the job (its tasks stop at their next iteration); the runs already stored stay, and
 *       the pipeline writes the summaries for them, marked incomplete.</li>
 * </ul>
 *
 * <p>The Spark context is the running one if there is one (a test's, a notebook's), else a new one for this sweep,
 * stopped at its end: with {@code master} when given, else the master {@code spark-submit} set, else
 * {@code local[*]}.
 */
public final class SparkComputer implements Computer {
    private final String master;
    private final Path dataDir;

    /**
     * @param master  the Spark master URL, or null for spark-submit's (else {@code local[*]})
     * @param dataDir the directory the driver loads the data from, whose files are shipped to the executors
     */
    public SparkComputer(String master, Path dataDir) {
        this.master = master;
        this.dataDir = dataDir;
    }

    @Override
    public BatchRunner.Outcome compute(Pipeline.Request request, BatchRunner.Plan plan, MnistData data,
                                       RunStore store, List<String> labels, Presentation view, PrintWriter out,
                                       BooleanSupplier stop) throws IOException {
        if (plan.toCompute().isEmpty()) {
            return BatchRunner.outcome(plan, Map.of(), 0);
        }
        long asked = System.currentTimeMillis();
        SparkContext context = SparkContext.getOrCreate(conf(master, "descent run " + request.spec().name()));
        // A context that started before we asked is someone else's (a test's, a notebook's): leave it running.
        boolean ours = context.startTime() >= asked;
        try {
            return computeOn(new JavaSparkContext(context), request, plan, store, labels, out, stop);
        } finally {
            if (ours) {
                context.stop();
            }
        }
    }

    /** Where Spark's logging is configured unless something else configures it: warnings only, on stderr. */
    static final String LOGGING = "dev/descent/experiments/spark/log4j2.properties";

    /** The configuration of a context this sweep starts; spark-submit's settings (spark.* properties) come first. */
    static SparkConf conf(String master, String appName) {
        // Before Spark's first log line: its defaults print dozens of INFO lines per sweep. Without effect when
        // logging is configured already (spark-submit) or the property is set.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOGGING);
        }
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        // The driver prints a line per finished run; Spark's own progress bar would fight with it.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            // No web UI on a laptop run unless asked for: it costs start-up time and a port.
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }

    private BatchRunner.Outcome computeOn(JavaSparkContext spark, Pipeline.Request request, BatchRunner.Plan plan,
                                          RunStore store, List<String> labels, PrintWriter out, BooleanSupplier stop)
            throws IOException {
        List<RunConfiguration> toCompute = plan.toCompute();
        String dataId = shipData(spark);
        Broadcast<String> spec = spark.broadcast(Json.mapper().writeValueAsString(request.spec().toJson()));
        List<String> keys = toCompute.stream().map(RunConfiguration::key).toList();
        // One partition per run: one task per run, scheduled and retried on its own.
        JavaRDD<String> runs = spark.parallelize(keys, keys.size());
        out.printf("spark: %d runs as %d tasks on %s (%d task slots, application %s)%n", keys.size(), keys.size(),
                spark.master(), spark.defaultParallelism(), spark.sc().applicationId());
        out.flush();

        SparkProgress progress = new SparkProgress(out, labels, plan.runs().size(), plan.stored().size());
        Map<String, SeedRun> done = new LinkedHashMap<>();
        String group = "descent-" + UUID.randomUUID();
        spark.setJobGroup(group, "descent run " + request.spec().name() + ": " + keys.size() + " runs", true);
        Thread canceller = canceller(spark, group, stop);
        long started = System.nanoTime();
        try {
            // A Ctrl-C while Spark was starting: the canceller may have found no job to cancel yet.
            if (!stop.getAsBoolean()) {
                spark.sc().runJob(runs.rdd(), new RunTask(spec, dataId), new ResultHandler(toCompute, store, done,
                        progress), byteArrayTag());
            }
        } catch (Exception e) {
            // A cancelled job is what Ctrl-C asked for; a run that could not be stored is a failure even then.
            IOException failure = failure(e, progress.finished(), store);
            boolean notStored = failure.getCause() != e;
            if (notStored || !stop.getAsBoolean()) {
                throw failure;
            }
        } finally {
            canceller.interrupt();
            spark.clearJobGroup();
            spec.destroy();
        }
        progress.close(stop.getAsBoolean());
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        synchronized (done) {
            return BatchRunner.outcome(plan, new LinkedHashMap<>(done), wallSeconds);
        }
    }

    /** Registers the data files with Spark; returns their identity (names and sizes) for the executors' cache. */
    private String shipData(JavaSparkContext spark) throws IOException {
        List<String> id = new ArrayList<>();
        for (String name : Mnist.FILE_NAMES) {
            Path file = Mnist.find(dataDir, name).orElseThrow(() -> new IOException("missing file "
                    + dataDir.resolve(name) + ": the data the driver loaded is gone; was the directory changed?"));
            spark.addFile(file.toAbsolutePath().toString());
            id.add(file.getFileName() + "=" + Files.size(file));
        }
        return String.join(",", id);
    }

    /** A daemon that cancels the job group once a stop is requested (Ctrl-C), until interrupted. */
    private static Thread canceller(JavaSparkContext spark, String group, BooleanSupplier stop) {
        Thread thread = new Thread(() -> {
            try {
                while (!stop.getAsBoolean()) {
                    Thread.sleep(100);
                }
                spark.cancelJobGroup(group);
            } catch (InterruptedException finished) {
                // the job ended first
            }
        }, "descent-spark-stop");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static IOException failure(Exception e, int stored, RunStore store) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UncheckedIOException io) {
                return io.getCause(); // storing a run failed on the driver: the message names the file
            }
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new IOException("the Spark job failed (" + message + "); the " + stored + " runs finished before are"
                + " stored in " + store.dir() + " and will be reused. HINT: the executors' logs (Spark UI or the"
                + " cluster manager) show the failing task's stack trace; run the same command again to compute"
                + " the rest", e);
    }

    @SuppressWarnings("unchecked")
    private static ClassTag<byte[]> byteArrayTag() {
        return (ClassTag<byte[]>) (ClassTag<?>) ClassTag$.MODULE$.apply(byte[].class);
    }

    /**
     * On the driver, for each task's result as it arrives: checks it, stores the run (first result of a key
     * only) and shows it. An exception here fails the job.
     */
    static final class ResultHandler extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final List<RunConfiguration> toCompute;
        private final RunStore store;
        private final Map<String, SeedRun> done;
        private final SparkProgress progress;

        ResultHandler(List<RunConfiguration> toCompute, RunStore store, Map<String, SeedRun> done,
                      SparkProgress progress) {
            this.toCompute = toCompute;
            this.store = store;
            this.done = done;
            this.progress = progress;
        }

        @Override
        public BoxedUnit apply(Object partition, byte[] bytes) {
            int index = (Integer) partition;
            RunConfiguration run = toCompute.get(index);
            RunOutcome outcome = RunOutcome.decode(bytes);
            if (!outcome.key().equals(run.key())) {
                throw new IllegalStateException("task " + index + " returned run " + outcome.key() + " for run "
                        + run.key());
            }
            RunResult result = outcome.result();
            synchronized (done) {
                if (done.containsKey(run.key())) {
                    return BoxedUnit.UNIT; // a duplicate: the first result of a key is the one stored
                }
                if (result.complete()) {
                    try {
                        store.save(run, result);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                done.put(run.key(), new SeedRun(run.seed(), run.key(), result));
            }
            progress.finished(index, result);
            return BoxedUnit.UNIT;
        }
    }
}
