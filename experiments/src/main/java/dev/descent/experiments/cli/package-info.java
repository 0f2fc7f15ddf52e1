/**
 * The {@code descent} command line: the top command {@link dev.descent.experiments.cli.Main} with its one list
 * of subcommands, exit codes, error reporting ({@link dev.descent.experiments.common.UserError}), the version
 * line and where the repository root is ({@link dev.descent.experiments.common.ProjectRoot}).
 *
 * <p>Exit statuses ({@link dev.descent.experiments.common.ExitStatus}): 0 success, 1 a bug (stack trace printed) or
 * an I/O failure, 2 a user mistake (one line, no stack trace), 130 Ctrl-C.
 */
package dev.descent.experiments.cli;
