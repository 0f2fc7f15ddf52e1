/**
 * The {@code descent} command line: the top command {@link dev.descent.experiments.cli.Main} with its one list
 * of subcommands, exit codes, error reporting ({@link dev.descent.experiments.cli.UserError}), the version
 * line and where the repository root is ({@link dev.descent.experiments.cli.ProjectRoot}).
 *
 * <p>Exit codes: 0 success, 1 a bug (stack trace printed), 2 a user mistake (one line, no stack trace).
 */
package dev.descent.experiments.cli;
