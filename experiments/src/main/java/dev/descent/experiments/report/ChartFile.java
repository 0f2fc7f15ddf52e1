package dev.descent.experiments.report;

/**
 * A chart written as {@code <baseName>.png} and {@code <baseName>.svg} in the out directory.
 *
 * @param baseName file name without extension
 * @param title    heading in the report
 * @param caption  what the chart shows and how to read it
 */
public record ChartFile(String baseName, String title, String caption) {
}
