package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.common.ProjectRoot;
import dev.descent.experiments.common.UserError;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

    @Test
    void compareArgumentsNameTheDataToLoadBeforeTheyAreParsed() {
        assertEquals(new Main.DataArguments("mnist", null), Main.dataArguments("compare"));
        assertEquals(new Main.DataArguments("fashion", Path.of("/data/f")),
                Main.dataArguments("compare", "--dataset", "fashion", "--data", "/data/f"));
        assertEquals(new Main.DataArguments("fashion", Path.of("d")),
                Main.dataArguments("compare", "--iterations", "5", "--dataset=fashion", "--data=d", "--seed", "3"));
        assertEquals(new Main.DataArguments("mnist", Path.of("x")),
                Main.dataArguments("compare", "--data", "x", "--optimizer", "adam"));
        assertNull(Main.dataArguments());
        assertNull(Main.dataArguments("run", "spec.json"));
        assertNull(Main.dataArguments("compare", "--help"));
        assertNull(Main.dataArguments("compare", "--iterations", "5", "-V"));
        assertNull(Main.dataArguments("compare", "--data"));
        assertNull(Main.dataArguments("compare", "--dataset"));
    }

    @Test
    void helpListsEveryCommand() {
        CommandResult result = CommandResult.run("--help");
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Usage: descent"), result::toString);
        for (String command : List.of("trajectory", "bias-correction", "help")) {
            assertTrue(result.out().contains("\n  " + command + " "), () -> command + " missing from\n" + result);
        }
        assertEquals("", result.err());
    }

    @Test
    void everyCommandHasHelp() {
        PrintWriter discard = new PrintWriter(new StringWriter());
        Set<String> commands = Main.commandLine(discard, discard).getSubcommands().keySet();
        assertTrue(commands.containsAll(List.of("trajectory", "bias-correction", "help")), commands::toString);
        for (String command : commands) {
            if (command.equals("help")) {
                continue;
            }
            CommandResult result = CommandResult.run(command, "--help");
            assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
            assertTrue(result.out().contains("Usage: descent " + command + " "), result::toString);
            assertTrue(result.out().contains("--help"), result::toString);
        }
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        CommandResult result = CommandResult.run("help", "trajectory");
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        assertTrue(result.out().contains("--optimizer"), result::toString);
    }

    @Test
    void unknownCommandIsAUsageErrorWithoutStackTrace() {
        CommandResult result = CommandResult.run("trajectroy");
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("descent: "), result::toString);
        assertTrue(result.err().contains("'trajectroy'"), result::toString);
        assertTrue(result.err().contains("Try 'descent --help'"), result::toString);
        assertFalse(result.hasStackTrace(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheOption() {
        CommandResult result = CommandResult.run("trajectory", "--stpes", "3");
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("'--stpes'"), result::toString);
        assertTrue(result.err().contains("Try 'descent trajectory --help'"), result::toString);
        assertFalse(result.hasStackTrace(), result::toString);
    }

    @Test
    void badOptionValueIsAUsageError() {
        CommandResult result = CommandResult.run("trajectory", "--steps", "many");
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--steps") && result.err().contains("'many'"), result::toString);
        assertFalse(result.hasStackTrace(), result::toString);
    }

    @Test
    void noCommandIsAUsageError() {
        CommandResult result = CommandResult.run();
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Missing a command"), result::toString);
    }

    @Test
    void versionNamesDescentJavaMachineAndKernels() {
        CommandResult result = CommandResult.run("--version");
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        String[] lines = result.out().split("\n");
        assertEquals(4, lines.length, result::toString);
        assertTrue(lines[0].startsWith("descent "), result::toString);
        assertTrue(lines[1].startsWith("java " + System.getProperty("java.version")), result::toString);
        assertTrue(lines[2].contains(Runtime.getRuntime().availableProcessors() + " cores"), result::toString);
        assertTrue(lines[3].startsWith("kernels ") && lines[3].length() > "kernels ".length(), result::toString);
    }

    @Test
    void userErrorIsOneLineAndExitTwo() {
        CommandResult result = runWith(new Throwing(new UserError("--thing 'x' is bad; use --thing y")));
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertEquals("descent: --thing 'x' is bad; use --thing y\n", result.err());
    }

    @Test
    void illegalArgumentFromInsideTheEngineIsABugWithItsStackTrace() {
        CommandResult result = runWith(new Throwing(new IllegalArgumentException("unknown optimizer 'adma'")));
        assertEquals(ExitStatus.FAILURE, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("descent: internal error (unknown optimizer 'adma')"), result::toString);
        assertTrue(result.hasStackTrace(), result::toString);
    }

    @Test
    void aBadOptimizerSpecIsAUserErrorNamingTheOptionAndTheSpec(@org.junit.jupiter.api.io.TempDir Path dir) {
        CommandResult result = CommandResult.run("trajectory", "--optimizer", "adam", "--optimizer", "adma:lr=1",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("descent: --optimizer 'adma:lr=1': "), result::toString);
        assertFalse(result.hasStackTrace(), result::toString);
        // Every run gets a fresh optimizer from its spec.
        dev.descent.optimizers.OptimizerSpec spec = dev.descent.optimizers.OptimizerSpec.parse("sgd:lr=0.5");
        assertNotSame(spec.create(), spec.create());
        assertEquals(0.5, spec.create().hyperparameters().get("lr"));
    }

    @Test
    void ioErrorIsOneLineAndExitOne() {
        CommandResult result = runWith(new Throwing(new NoSuchFileException("/nowhere/losses.csv")));
        assertEquals(ExitStatus.FAILURE, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("descent: I/O error: /nowhere/losses.csv"), result::toString);
        assertFalse(result.hasStackTrace(), result::toString);
    }

    @Test
    void aWrappedIoErrorIsReportedAsTheIoError() {
        CommandResult result = runWith(new Throwing(
            new java.io.UncheckedIOException(new IOException("No space left on device"))));
        assertEquals(ExitStatus.FAILURE, result.exitCode(), result::toString);
        assertEquals("descent: I/O error: No space left on device\n", result.err());
    }

    @Test
    void bugPrintsTheStackTraceAndExitsOne() {
        CommandResult result = runWith(new Throwing(new IllegalStateException("invariant broken")));
        assertEquals(ExitStatus.FAILURE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("IllegalStateException: invariant broken"), result::toString);
        assertTrue(result.hasStackTrace(), result::toString);
    }

    @Test
    void projectRootComesFromTheLauncherProperty() {
        String saved = System.getProperty(ProjectRoot.PROPERTY);
        try {
            System.setProperty(ProjectRoot.PROPERTY, "/opt/descent/../descent");
            assertEquals(java.nio.file.Path.of("/opt/descent"), ProjectRoot.get());
            assertEquals(java.nio.file.Path.of("/opt/descent/mnist-data/download.sh"),
                ProjectRoot.resolve("mnist-data/download.sh"));
            System.clearProperty(ProjectRoot.PROPERTY);
            assertEquals(java.nio.file.Path.of("").toAbsolutePath(), ProjectRoot.get());
        } finally {
            if (saved == null) {
                System.clearProperty(ProjectRoot.PROPERTY);
            } else {
                System.setProperty(ProjectRoot.PROPERTY, saved);
            }
        }
    }

    /** Runs {@code descent boom} with the real configuration and a command that throws {@code failure}. */
    private static CommandResult runWith(Throwing command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        commandLine.addSubcommand("boom", command);
        // Streams set before addSubcommand do not reach the new subcommand; set them again, as picocli documents.
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute("boom");
        return new CommandResult(exitCode, out.toString(), err.toString());
    }

    @Command(name = "boom")
    static final class Throwing implements Callable<Integer> {
        private final Exception failure;

        Throwing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }
}
