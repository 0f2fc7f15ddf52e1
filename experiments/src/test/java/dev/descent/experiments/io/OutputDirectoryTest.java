package dev.descent.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.experiments.common.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T14:07:09Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    @Test
    void theDefaultIsResultsCommandTimestampUnderTheWorkingDirectory() {
        assertEquals(Path.of("results", "trajectory-20240305-140709"), OutputDirectory.defaultFor("trajectory", CLOCK));
        Path dir = OutputDirectory.prepare(null, "trajectory", false, CLOCK, work);
        assertEquals(work.resolve("results/trajectory-20240305-140709"), dir);
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aSecondDefaultInTheSameSecondGetsASuffix() throws IOException {
        Path first = OutputDirectory.prepare(null, "compare", false, CLOCK, work);
        Files.writeString(first.resolve("losses.csv"), "x");
        Path second = OutputDirectory.prepare(null, "compare", false, CLOCK, work);
        assertEquals(work.resolve("results/compare-20240305-140709-2"), second);
    }

    @Test
    void aRequestedDirectoryIsCreatedWithItsParents() {
        Path dir = OutputDirectory.prepare(Path.of("a/b/c"), "trajectory", false, CLOCK, work);
        assertEquals(work.resolve("a/b/c"), dir);
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsRefusedBeforeAnythingRuns() throws Exception {
        // A read-only file system refuses even root, who may write any directory; mounting one needs root.
        Path readOnly = Files.createDirectory(work.resolve("read-only"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", readOnly.toString())
            .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        assumeTrue(mount.waitFor() == 0, "needs permission to mount a read-only tmpfs");
        try {
            UserError e = assertThrows(UserError.class,
                () -> OutputDirectory.prepare(readOnly, "compare", false, CLOCK, work));
            assertEquals("cannot write into the out directory " + readOnly + " (read-only file system); nothing was"
                + " computed; choose another --out or make it writable", e.getMessage());
        } finally {
            new ProcessBuilder("umount", readOnly.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void anEmptyOutIsRefusedRatherThanTakenAsTheWorkingDirectory() {
        for (Path empty : new Path[] {Path.of(""), Path.of(" ")}) {
            UserError prepared = assertThrows(UserError.class,
                () -> OutputDirectory.prepare(empty, "trajectory", false, CLOCK, work));
            assertTrue(prepared.getMessage().startsWith("--out is empty"), prepared.getMessage());
            UserError experiment = assertThrows(UserError.class,
                () -> OutputDirectory.forExperiment(empty, work.resolve("default"), false));
            assertTrue(experiment.getMessage().startsWith("--out is empty"), experiment.getMessage());
        }
    }

    @Test
    void anEmptyExistingDirectoryIsFine() throws IOException {
        Path out = Files.createDirectory(work.resolve("out"));
        Files.writeString(out.resolve(".DS_Store"), "hidden files do not count");
        assertEquals(out, OutputDirectory.prepare(out, "trajectory", false, CLOCK, work));
    }

    @Test
    void aDirectoryWithResultsIsRefusedWithoutForce() throws IOException {
        Path out = Files.createDirectory(work.resolve("out"));
        Files.writeString(out.resolve("trajectory.csv"), "keep me");
        UserError error = assertThrows(UserError.class,
            () -> OutputDirectory.prepare(out, "trajectory", false, CLOCK, work));
        assertEquals("the out directory " + out + " already holds results (trajectory.csv); "
            + "use --force or choose another --out", error.getMessage());
        assertEquals("keep me", Files.readString(out.resolve("trajectory.csv")));
        assertEquals(out, OutputDirectory.prepare(out, "trajectory", true, CLOCK, work));
    }

    @Test
    void manyExistingEntriesAreSummarised() throws IOException {
        Path out = Files.createDirectory(work.resolve("out"));
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            Files.writeString(out.resolve(name), "");
        }
        UserError error = assertThrows(UserError.class,
            () -> OutputDirectory.prepare(out, "trajectory", false, CLOCK, work));
        assertTrue(error.getMessage().contains("(a, b, c, ... 5 entries in all)"), error::getMessage);
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(work.resolve("file"), "");
        UserError error = assertThrows(UserError.class,
            () -> OutputDirectory.prepare(file, "trajectory", true, CLOCK, work));
        assertTrue(error.getMessage().contains(file + " is a file, not a directory"), error::getMessage);
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAUserError() throws IOException {
        Files.writeString(work.resolve("blocker"), "");
        UserError error = assertThrows(UserError.class,
            () -> OutputDirectory.prepare(Path.of("blocker/out"), "trajectory", false, CLOCK, work));
        assertTrue(error.getMessage().startsWith("cannot create the out directory " + work.resolve("blocker/out")),
            error::getMessage);
    }
}
