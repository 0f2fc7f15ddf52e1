package dev.descent.experiments.common;

/**
 * The exit status of every command, decided here and nowhere else: the same event gives the same status in
 * {@code compare}, {@code run} and the rest.
 */
public final class ExitStatus {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something broke: a bug (the stack trace is printed) or the environment (an I/O error, one line). */
    public static final int FAILURE = 1;
    /** The user asked for something impossible: an unknown option, a bad value or file, an occupied out directory. */
    public static final int USAGE = 2;
    /** Ctrl-C: 128 + SIGINT, as shells report it; returned by the command after it wrote what was computed. */
    public static final int INTERRUPTED = 130;

    private ExitStatus() {
    }

    /** {@link #INTERRUPTED} when the work was stopped, else {@link #OK}. */
    public static int of(boolean stopped) {
        return stopped ? INTERRUPTED : OK;
    }
}
