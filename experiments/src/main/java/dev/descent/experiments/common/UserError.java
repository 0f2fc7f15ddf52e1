package dev.descent.experiments.common;

/**
 * A mistake the user can fix: a bad option value, an out directory that already holds results, a missing file.
 *
 * <p>The command line prints the message as one line {@code descent: <message>} on stderr and exits with
 * {@link ExitStatus#USAGE}, without a stack trace. Write the message so it names the option, file or value and
 * says what to do next.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
