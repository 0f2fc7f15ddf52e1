package dev.descent.experiments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What one {@code descent} invocation returned and printed; runs {@link Main#run(PrintWriter, PrintWriter,
 * String...)} in-process, so tests see the exit code without {@code System.exit}.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
public record CommandResult(int exitCode, String out, String err) {

    /** Runs {@code descent args}. */
    public static CommandResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandResult(exitCode, out.toString(), err.toString());
    }

    /** Whether stderr shows a Java stack trace. */
    public boolean hasStackTrace() {
        return err.contains("\tat ") || err.contains("Exception in thread");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
