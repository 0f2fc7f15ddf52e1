package dev.descent.experiments.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A performance profile (Dolan and Moré, "Benchmarking optimization software with performance profiles",
 * Math. Programming 91, 2002; the form AlgoPerf ranks training algorithms by, Dahl et al. 2023): for each solver
 * s, the fraction of problems it solves within a factor τ of the best solver on that problem,
 *
 * <pre>
 *   r(p, s) = t(p, s) / min over s' of t(p, s')        (+∞ when s failed on p, or when every solver did)
 *   ρ_s(τ)  = |{p : r(p, s) ≤ τ}| / |P|,               τ ≥ 1
 * </pre>
 *
 * ρ_s is a non-decreasing step function, right-continuous: ρ_s(1) is the fraction of problems on which s was the
 * fastest (ties count for each tied solver), and ρ_s for large τ the fraction it solved at all. A failure is never
 * left out: it keeps the profile below 1 for every τ.
 *
 * @param solvers the solvers' names, in column order
 * @param ratios  (P, S) the performance ratios r(p, s), each ≥ 1 or +∞
 */
public record PerformanceProfile(List<String> solvers, double[][] ratios) {

    public PerformanceProfile {
        solvers = List.copyOf(solvers);
    }

    /**
     * @param solvers names of the S solvers
     * @param times   (P, S) the cost of solver s on problem p (iterations to a target), &gt; 0, or +∞ for a failure
     */
    public static PerformanceProfile of(List<String> solvers, double[][] times) {
        if (solvers.isEmpty()) {
            throw new IllegalArgumentException("a performance profile needs at least one solver");
        }
        double[][] ratios = new double[times.length][];
        for (int p = 0; p < times.length; p++) {
            if (times[p].length != solvers.size()) {
                throw new IllegalArgumentException("problem " + p + " has " + times[p].length + " times for "
                        + solvers.size() + " solvers");
            }
            double best = Double.POSITIVE_INFINITY;
            for (double time : times[p]) {
                if (!(time > 0)) {
                    throw new IllegalArgumentException("problem " + p + ": a time must be > 0 or +∞, got " + time);
                }
                best = Math.min(best, time);
            }
            ratios[p] = new double[solvers.size()];
            for (int s = 0; s < solvers.size(); s++) {
                ratios[p][s] = Double.isFinite(best) ? times[p][s] / best : Double.POSITIVE_INFINITY;
            }
        }
        return new PerformanceProfile(solvers, ratios);
    }

    public int problems() {
        return ratios.length;
    }

    /** ρ_s(τ): the fraction of problems solver {@code s} solved within {@code tau} × the best; NaN without problems. */
    public double fraction(int s, double tau) {
        if (ratios.length == 0) {
            return Double.NaN;
        }
        int within = 0;
        for (double[] problem : ratios) {
            if (problem[s] <= tau) {
                within++;
            }
        }
        return (double) within / ratios.length;
    }

    /** The largest finite ratio of any solver, 1 when there is none. */
    public double largestFiniteRatio() {
        double largest = 1;
        for (double[] problem : ratios) {
            for (double ratio : problem) {
                if (Double.isFinite(ratio)) {
                    largest = Math.max(largest, ratio);
                }
            }
        }
        return largest;
    }

    /**
     * The corners of ρ_s drawn as a staircase from τ = 1 to {@code tauMax}: (1, ρ(1)), then for each distinct
     * finite ratio r in (1, tauMax] the points (r, ρ just below r) and (r, ρ(r)), and (tauMax, ρ(tauMax)).
     *
     * @return {x, y}, each of the same length
     */
    public double[][] staircase(int s, double tauMax) {
        if (!(tauMax >= 1)) {
            throw new IllegalArgumentException("τ starts at 1; tauMax must be >= 1, got " + tauMax);
        }
        double[] sorted = Arrays.stream(ratios).mapToDouble(problem -> problem[s]).filter(Double::isFinite)
                .sorted().toArray();
        List<double[]> corners = new ArrayList<>();
        corners.add(new double[] {1, fraction(s, 1)});
        double previous = 1;
        for (double ratio : sorted) {
            if (ratio > previous && ratio <= tauMax) {
                corners.add(new double[] {ratio, fraction(s, previous)});
                corners.add(new double[] {ratio, fraction(s, ratio)});
                previous = ratio;
            }
        }
        corners.add(new double[] {tauMax, fraction(s, tauMax)});
        double[] x = new double[corners.size()];
        double[] y = new double[corners.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = corners.get(i)[0];
            y[i] = corners.get(i)[1];
        }
        return new double[][] {x, y};
    }
}
