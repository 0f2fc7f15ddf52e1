/**
 * Writing results safely and in standard formats: atomic file writes ({@link dev.descent.experiments.io.AtomicFiles}),
 * RFC 4180 CSV ({@link dev.descent.experiments.io.CsvWriter}; the reader is test code),
 * pretty JSON ({@link dev.descent.experiments.io.Json}), the out directory of a command
 * ({@link dev.descent.experiments.io.OutputDirectory}) and aligned console tables
 * ({@link dev.descent.experiments.io.TextTable}).
 */
package dev.descent.experiments.io;
