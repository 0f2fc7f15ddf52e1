package dev.descent.experiments.cli;

import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.common.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code descent bench}: the JMH benchmarks built into this jar (GEMM kernels, the training step). Arguments are
 * JMH's own; JMH forks each benchmark into a fresh JVM with this jar on its class path.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Runs the JMH benchmarks in this jar: GemmBenchmark (GFLOP/s per shape and path) and "
        + "TrainingStepBenchmark (one step of the book's net with Adam).",
        "Arguments go to JMH unchanged, e.g. 'descent bench TrainingStep -prof gc'; 'descent bench -l' lists "
            + "the benchmarks. Run nothing else meanwhile: benchmarks share the cores."},
    sortOptions = false)
public final class BenchCommand implements Callable<Integer> {

    /** Everything after {@code bench} that is not --help/--version: JMH's own options and benchmark patterns. */
    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws RunnerException {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UserError("bench: " + e.getMessage() + "; run 'descent bench -l' to list the benchmarks");
        }
        if (options.shouldHelp()) {
            try {
                options.showHelp();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ExitStatus.OK;
        }
        if (options.shouldList()) {
            new Runner(options).list();
            return ExitStatus.OK;
        }
        new Runner(options).run();
        return ExitStatus.OK;
    }
}
