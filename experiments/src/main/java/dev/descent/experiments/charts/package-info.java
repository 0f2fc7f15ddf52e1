/**
 * Charts as files: one look for every chart ({@link dev.descent.experiments.charts.ChartTheme}, with a fixed
 * colour and marker per optimizer), PNG and SVG written atomically and headless
 * ({@link dev.descent.experiments.charts.ChartFiles}), and several XChart panels tiled into one image
 * ({@link dev.descent.experiments.charts.ChartGrid}).
 */
package dev.descent.experiments.charts;
