package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.mnist.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent run --shard I/N} and {@code --summarize} on the MNIST fixture: three shards computed apart hold
 * every run of the whole exactly once, their stores copied together summarize to the whole's very files, and a
 * store with runs missing is refused with a count and a HINT.
 */
class ShardAndSummarizeTest {
    /** 3 settings × 3 seeds, short: nine runs, so that each of three shards gets some (checked below). */
    private static final String SPEC = """
            {"name": "shards", "iterations": 20, "eval_every": 10, "seeds": 3,
             "optimizers": ["sgd", "momentum", "adam"]}""";
    /** The same runs, settings and seeds listed in another order. */
    private static final String REORDERED = """
            {"name": "shards", "iterations": 20, "eval_every": 10, "seeds": [2, 0, 1],
             "optimizers": ["adam", "sgd", "momentum"]}""";

    private static CommandResult run(Path spec, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--out", out.toString(),
                "--threads", "2", "--data", Fixture.locate().toString()));
        args.addAll(List.of(more));
        return CommandResult.run(args.toArray(String[]::new));
    }

    private static Set<String> stored(Path out) throws IOException {
        Path runs = out.resolve(RunStore.DIR);
        if (!Files.isDirectory(runs)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.map(file -> file.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static void copyRuns(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve(RunStore.DIR));
        for (String name : stored(from)) {
            Files.copy(from.resolve(RunStore.DIR).resolve(name), to.resolve(RunStore.DIR).resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void threeShardsTogetherAreTheWholeAndSummarizeToItsFiles(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("shards.json"), SPEC);
        Path whole = dir.resolve("whole");
        CommandResult all = run(spec, whole);
        assertEquals(ExitStatus.OK, all.exitCode(), all::toString);
        Set<String> every = stored(whole);
        assertEquals(9, every.size());

        Set<String> union = new HashSet<>();
        int sum = 0;
        for (int i = 1; i <= 3; i++) {
            Path shard = dir.resolve("shard-" + i);
            CommandResult part = run(spec, shard, "--shard", i + "/3");
            assertEquals(ExitStatus.OK, part.exitCode(), part::toString);
            Set<String> mine = stored(shard);
            assertFalse(mine.isEmpty(), "shard " + i + "/3 of nine runs got none");
            assertTrue(part.out().contains("shard " + i + "/3: computes " + mine.size() + " of the 9 runs not"
                    + " stored"), part::toString);
            if (i == 2) {
                // The same shard of the same runs listed in another order is the same set of runs.
                Path reordered = dir.resolve("reordered");
                CommandResult again = run(Files.writeString(dir.resolve("reordered.json"), REORDERED), reordered,
                        "--shard", i + "/3");
                assertEquals(ExitStatus.OK, again.exitCode(), again::toString);
                assertEquals(mine, stored(reordered), "shard " + i + "/3 after reordering the spec");
            }
            union.addAll(mine);
            sum += mine.size();
            copyRuns(shard, dir.resolve("merged"));
        }
        assertEquals(every, union, "the shards together hold every run");
        assertEquals(every.size(), sum, "no run is in two shards");

        Path merged = dir.resolve("merged");
        CommandResult summarized = run(spec, merged, "--summarize");
        assertEquals(ExitStatus.OK, summarized.exitCode(), summarized::toString);
        assertTrue(summarized.out().contains("9 runs: 0 computed, 9 reused"), summarized::toString);
        for (String name : List.of("losses.csv", "accuracy.csv", "loss-curves.csv", "accuracy-curves.csv")) {
            assertEquals(Files.readString(whole.resolve(name)), Files.readString(merged.resolve(name)), name);
        }
    }

    @Test
    void summarizeWithRunsMissingSaysHowManyAndWritesNothing(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("shards.json"), SPEC);
        Path out = dir.resolve("out");
        CommandResult first = run(spec, out, "--shard", "1/3");
        assertEquals(ExitStatus.OK, first.exitCode(), first::toString);
        int have = stored(out).size();
        Files.delete(out.resolve("report.html"));

        CommandResult refused = run(spec, out, "--summarize");
        assertEquals(ExitStatus.USAGE, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("descent: --summarize: " + (9 - have) + " of the 9 runs of shards are"
                + " not stored in " + out.resolve(RunStore.DIR)), refused::toString);
        assertTrue(refused.err().contains("HINT: compute them first, with descent run SPEC --shard I/N"),
                refused::toString);
        assertFalse(refused.hasStackTrace(), refused::toString);
        assertFalse(Files.exists(out.resolve("report.html")), "nothing is written");

        CommandResult empty = run(spec, dir.resolve("nothing-here"), "--summarize");
        assertEquals(ExitStatus.USAGE, empty.exitCode(), empty::toString);
        assertTrue(empty.err().contains("9 of the 9 runs"), empty::toString);
        assertFalse(Files.exists(dir.resolve("nothing-here")), "no directory is created");
    }

    @Test
    void badShardsAndMisplacedOptionsAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("shards.json"), SPEC);
        Path out = dir.resolve("out");
        for (String[] args : List.of(new String[] {"--shard", "4/3"}, new String[] {"--shard", "0/3"},
                new String[] {"--shard", "2"}, new String[] {"--shard", "a/b"})) {
            CommandResult bad = run(spec, out, args);
            assertEquals(ExitStatus.USAGE, bad.exitCode(), bad::toString);
            assertTrue(bad.err().startsWith("descent: --shard "), bad::toString);
            assertTrue(bad.err().contains("HINT: "), bad::toString);
        }
        CommandResult both = run(spec, out, "--summarize", "--shard", "1/2");
        assertEquals(ExitStatus.USAGE, both.exitCode(), both::toString);
        assertTrue(both.err().contains("--summarize computes nothing"), both::toString);
        CommandResult master = run(spec, out, "--master", "local[2]");
        assertEquals(ExitStatus.USAGE, master.exitCode(), master::toString);
        assertTrue(master.err().contains("--master local[2] is for --spark"), master::toString);
        assertFalse(Files.exists(out), "nothing is created");
    }

    @Test
    void aTuningSpecIsRefusedWithShardsOrSummarizeBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("tune.json"), """
                {"name": "tune", "iterations": 20, "eval_every": 10, "seeds": 2, "optimizers": ["sgd", "adam"],
                 "tuning": {"trials": 2, "validation": 100}}""");
        Path out = dir.resolve("out");
        for (String[] args : List.of(new String[] {"--shard", "1/2"}, new String[] {"--summarize"})) {
            CommandResult refused = run(spec, out, args);
            assertEquals(ExitStatus.USAGE, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("a spec with \"tuning\" (tune) computes its trials on this machine"),
                    refused::toString);
            assertTrue(refused.err().contains("HINT: "), refused::toString);
            assertFalse(refused.hasStackTrace(), refused::toString);
        }
        assertFalse(Files.exists(out), "nothing is created");
    }
}
