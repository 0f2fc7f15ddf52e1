/**
 * The bottom of the experiments module, imported by every other package and importing none: user errors
 * ({@link dev.descent.experiments.common.UserError}), exit statuses, the project root, labels and the machine
 * a result was made on.
 */
package dev.descent.experiments.common;
