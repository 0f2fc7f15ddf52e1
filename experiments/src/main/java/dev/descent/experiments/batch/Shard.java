package dev.descent.experiments.batch;

import dev.descent.experiments.common.UserError;
import java.util.List;

/**
 * Shard {@code index} of {@code count} of an experiment's runs, for splitting a sweep over machines that share
 * nothing (a SLURM array, a Kubernetes indexed job): {@code descent run SPEC.json --shard I/N} computes only the
 * runs of shard I, and their stores, copied together, hold every run exactly once.
 *
 * <p>A run belongs to shard {@code 1 + (key mod N)}, its {@link RunConfiguration#key() key} read as an unsigned
 * 64-bit number. The key is a hash of the run's configuration alone, so the split does not depend on the order of
 * the spec's settings or seeds, on which runs are stored already, or on the machine, and the shards come out about
 * equal in size. The one selection both the local and the Spark path use ({@code Pipeline}).
 *
 * @param index 1 … count
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
    /** Every run: the whole experiment. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not I/N with 1 <= I <= N");
        }
    }

    /**
     * Reads {@code I/N}.
     *
     * @param option how an error names the value, e.g. {@code --shard}
     * @throws UserError naming the value and the form expected
     */
    public static Shard parse(String text, String option) {
        String[] parts = text.trim().split("/", -1);
        int index;
        int count;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            index = Integer.parseInt(parts[0].trim());
            count = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new UserError(option + " '" + text + "' is not I/N; HINT: give the shard's number and the number"
                    + " of shards, e.g. " + option + " 2/8 (shards are numbered from 1, like $SLURM_ARRAY_TASK_ID"
                    + " with --array=1-8)");
        }
        if (count < 1 || index < 1 || index > count) {
            throw new UserError(option + " " + text + ": the shard must be 1 to N and N at least 1, got shard " + index
                    + " of " + count + "; HINT: for N machines use " + option + " 1/N … " + option + " N/N");
        }
        return new Shard(index, count);
    }

    /** Whether the run stored under {@code key} (16 hex digits) is in this shard. */
    public boolean contains(String key) {
        return count == 1 || Long.remainderUnsigned(Long.parseUnsignedLong(key, 16), count) == index - 1;
    }

    /** The plan with only this shard's runs left to compute; what is stored stays reused whatever its shard. */
    public BatchRunner.Plan select(BatchRunner.Plan plan) {
        if (count == 1) {
            return plan;
        }
        List<RunConfiguration> mine = plan.toCompute().stream().filter(run -> contains(run.key())).toList();
        return new BatchRunner.Plan(plan.runs(), plan.stored(), mine);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
