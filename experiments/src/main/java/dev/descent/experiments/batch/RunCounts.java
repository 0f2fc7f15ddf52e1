package dev.descent.experiments.batch;

/**
 * How the runs of one invocation came about.
 *
 * @param total    distinct runs the spec asks for (settings × seeds, identical configurations counted once)
 * @param reused   found complete in {@code runs/} and not computed again
 * @param computed computed and stored by this invocation
 * @param missing  neither: stopped by Ctrl-C before they finished
 */
public record RunCounts(int total, int reused, int computed, int missing) {

    public RunCounts {
        if (reused + computed + missing != total) {
            throw new IllegalArgumentException("run counts do not add up: " + reused + " reused + " + computed
                    + " computed + " + missing + " missing != " + total);
        }
    }

    /** True when every run of the spec is stored. */
    public boolean complete() {
        return missing == 0;
    }
}
