package dev.descent.experiments.cli;

import dev.descent.experiments.activations.ActivationsCommand;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.common.MachineInfo;
import dev.descent.experiments.common.ProjectRoot;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.pipeline.AheadLoader;
import dev.descent.experiments.trajectory.BiasCorrectionCommand;
import dev.descent.experiments.trajectory.TrajectoryCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code descent} command. Every subcommand is registered in the one {@code subcommands} list below: a new
 * command is one class annotated with {@code @Command(name = ..., mixinStandardHelpOptions = true)} plus one
 * entry in that list.
 *
 * <p>Subcommands print through {@code spec.commandLine().getOut()} (inject {@code @Spec CommandSpec spec}), so
 * that {@link #run(PrintWriter, PrintWriter, String...)} can capture what they print. They report a mistake the
 * user can fix by throwing {@link UserError}; every other exception is a bug or the environment's failure. Exit
 * statuses are {@link ExitStatus}'s.
 */
@Command(
    name = "descent",
    mixinStandardHelpOptions = true,
    versionProvider = MachineInfo.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Compares SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam after chapter 6.1 of "
        + "'Deep Learning from Scratch' (Koki Saitoh): the 2-D paths of figure 6-8 and the MNIST experiments.",
    footer = {"", "Run 'descent COMMAND --help' for the options of a command."},
    subcommands = {
        CompareCommand.class,
        RunCommand.class,
        TrajectoryCommand.class,
        ActivationsCommand.class,
        BiasCorrectionCommand.class,
        BenchCommand.class,
        HelpCommand.class,
    })
public final class Main implements Callable<Integer> {
    /** Set this system property to {@code true} to see stack traces for user errors too. */
    public static final String DEBUG_PROPERTY = "descent.debug";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command: " + String.join(", ",
            spec.subcommands().keySet()));
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs {@code descent args} against the standard streams and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return run(out, err, args);
    }

    /** Runs {@code descent args}, printing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // Charts are drawn off-screen; never try to reach a display.
        System.setProperty("java.awt.headless", "true");
        prefetchData(args);
        try {
            return commandLine(out, err).execute(args);
        } finally {
            AheadLoader.clear();
            out.flush();
            err.flush();
        }
    }

    /**
     * For {@code compare}, starts loading the data its arguments name before the command line is parsed, which takes
     * most of the 0.3 s before the command runs ({@link AheadLoader}); the command's own options decide what is
     * loaded in the end.
     */
    private static void prefetchData(String... args) {
        DataArguments data = dataArguments(args);
        if (data != null) {
            AheadLoader.prefetch(ProjectRoot.get(), data.dataset(), data.dir());
        }
    }

    /** The data set and directory (null: the default one) that {@code compare}'s arguments name. */
    record DataArguments(String dataset, Path dir) {
    }

    /**
     * The data a {@code compare} with these arguments will load ({@code --dataset}, {@code --data}, else MNIST from
     * its default directory), by a quick look before picocli parses them; null for another command, for arguments
     * that ask for help or a version, and for an option left without its value.
     */
    static DataArguments dataArguments(String... args) {
        if (args.length == 0 || !args[0].equals(CompareCommand.COMMAND)) {
            return null;
        }
        String dataset = "mnist";
        Path dir = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean separate = arg.equals("--dataset") || arg.equals("--data");
            if (separate && i + 1 == args.length) {
                return null;
            }
            String value = separate ? args[++i] : arg.substring(arg.indexOf('=') + 1);
            if (arg.equals("--dataset") || arg.startsWith("--dataset=")) {
                dataset = value;
            } else if (arg.equals("--data") || arg.startsWith("--data=")) {
                dir = Path.of(value);
            } else if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return null;
            }
        }
        return new DataArguments(dataset, dir);
    }

    /** The command as typed, e.g. {@code descent run spec.json --threads 2}, for result files. */
    static String commandLine(CommandSpec command) {
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        return parsed == null ? "descent " + command.name() : "descent " + String.join(" ", parsed.originalArgs());
    }

    /** The configured command line: streams, colours, error handlers. Visible for tests of help output. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi()));
        commandLine.setParameterExceptionHandler(Main::handleParameterException);
        commandLine.setExecutionExceptionHandler(Main::handleExecutionException);
        return commandLine;
    }

    private static CommandLine.Help.Ansi ansi() {
        String ci = System.getenv("CI");
        // CI logs are files, not terminals; AUTO already covers pipes and redirects.
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")
            ? CommandLine.Help.Ansi.OFF
            : CommandLine.Help.Ansi.AUTO;
    }

    static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("descent: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitStatus.USAGE;
    }

    static int handleExecutionException(Exception thrown, CommandLine commandLine, ParseResult parseResult) {
        // Writers inside lambdas (CSV rows) can only throw I/O errors wrapped; report the I/O error itself.
        Throwable ex = thrown instanceof UncheckedIOException && thrown.getCause() != null ? thrown.getCause() : thrown;
        PrintWriter err = commandLine.getErr();
        boolean debug = Boolean.getBoolean(DEBUG_PROPERTY);
        // Only user mistakes are one line; an IllegalArgumentException from inside the engine is a bug.
        if (ex instanceof UserError) {
            err.println("descent: " + messageOf(ex));
            if (debug) {
                ex.printStackTrace(err);
            }
            return ExitStatus.USAGE;
        }
        if (ex instanceof IOException && !debug) {
            // Disk full, permission denied, a vanished directory: the message names the file; a trace adds nothing.
            err.println("descent: I/O error: " + messageOf(ex));
            return ExitStatus.FAILURE;
        }
        err.println("descent: internal error (" + messageOf(ex) + "); please report it with the stack trace below");
        ex.printStackTrace(err);
        return ExitStatus.FAILURE;
    }

    private static String messageOf(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.toString() : message;
    }
}
