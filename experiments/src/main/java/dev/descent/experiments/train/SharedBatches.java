package dev.descent.experiments.train;

import dev.descent.mnist.Dataset;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.kernels.SparseMode;
import java.util.Arrays;

/**
 * Batches listed once for all the runs that draw them. The book's comparison trains every optimizer on one
 * {@code x_batch} per iteration, and so do descent's runs of one seed, each drawing the batch from its own sampler:
 * listing the same 128 images five times (their non-zeros from the packed runs, and the column lists of the first
 * layer's gradient) was about a ninth of a compare's training time.
 *
 * <p>The first run to reach an iteration lists its batch into that iteration's slot; a run that reaches the same
 * iteration later takes the slot's lists ({@link NonZeroIndex#share}) if it drew the very same examples, checked
 * index by index, never assumed: sharing changes no number, only how often a batch is listed. The slot of iteration
 * {@code i} is {@code i mod slots}; a later iteration takes it over once no run uses it. A run whose slot is in use
 * by another iteration, or that drew other examples, gets nothing and lists its batch itself, as without sharing.
 *
 * <p>Safe for any number of threads: each slot is filled and handed out under its own lock, which is also what
 * publishes its lists to the other threads; the lists are never written while a run holds the slot.
 */
public final class SharedBatches {

    /**
     * Slots for runs the scheduler keeps within a few iterations of each other ({@link ParallelRuns#interleave}): in
     * the default compare (five runs, slices of {@value ParallelRuns#SLICE_ITERATIONS} iterations, two threads)
     * every batch was listed once and shared four times; with four slots a third of the runs' batches found their slot
     * taken by a later one.
     */
    public static final int DEFAULT_SLOTS = 8;

    private final Dataset data;
    private final Slot[] slots;

    /**
     * @param data      the data set the runs draw from; a run drawing from another one cannot use these batches
     * @param slotCount how many batches are kept at once (each about 0.4 MB for 128 MNIST images)
     */
    public SharedBatches(Dataset data, int slotCount) {
        if (slotCount < 1) {
            throw new IllegalArgumentException("shared batches need at least one slot, found " + slotCount);
        }
        this.data = data;
        this.slots = new Slot[slotCount];
        for (int s = 0; s < slotCount; s++) {
            slots[s] = new Slot();
        }
    }

    /** The data set the batches are drawn from. */
    Dataset data() {
        return data;
    }

    /**
     * The batch of {@code iteration} drawn as {@code indices[0..count)}, listed by this call if no run has listed it
     * yet; or null when its slot holds another batch still in use (or the same iteration drawn from other examples
     * while in use), and the caller lists its batch itself. A slot returned is the caller's to read until it hands it
     * back with {@link #release}.
     */
    Slot acquire(int iteration, int[] indices, int count) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, found " + iteration);
        }
        Slot slot = slots[iteration % slots.length];
        synchronized (slot) {
            if (slot.holds(iteration, indices, count)) {
                slot.users++;
                slot.shares++;
                return slot;
            }
            if (slot.users > 0) {
                slot.misses++;
                return null;
            }
            // Listed under the lock: a run that reaches this iteration meanwhile waits for the lists (about 50 µs)
            // instead of listing them a second time.
            slot.fill(data, iteration, indices, count);
            slot.users = 1;
            slot.listings++;
            return slot;
        }
    }

    /** Hands back a slot from {@link #acquire}: its caller reads its lists no more. */
    void release(Slot slot) {
        synchronized (slot) {
            if (slot.users <= 0) {
                throw new IllegalStateException("batch of iteration " + slot.iteration + " released more often than"
                        + " it was acquired");
            }
            slot.users--;
        }
    }

    /** Counts so far, over all slots: batches listed, batches shared, and acquires that found their slot in use. */
    public Counts counts() {
        long listed = 0;
        long shared = 0;
        long missed = 0;
        for (Slot slot : slots) {
            synchronized (slot) {
                listed += slot.listings;
                shared += slot.shares;
                missed += slot.misses;
            }
        }
        return new Counts(listed, shared, missed);
    }

    /**
     * @param listed batches listed into a slot
     * @param shared acquires that found their batch listed already
     * @param missed acquires that found their slot in use by another batch (the run listed its batch itself)
     */
    public record Counts(long listed, long shared, long missed) {
    }

    /** One listed batch: the examples drawn, their classes, and the lists of their non-zeros. */
    public static final class Slot {
        private int iteration = -1;   // -1 while empty or after a fill that failed
        private int count;
        private int[] indices = new int[0];  // (count) the examples drawn
        private int[] labels = new int[0];   // (count) their classes
        private GatheredNonZeros lists;      // made for the first batch, grown for a larger one
        private NonZeroIndex index;
        private int users;
        private long listings;
        private long shares;
        private long misses;

        private boolean holds(int iteration, int[] indices, int count) {
            return this.iteration == iteration && this.count == count
                    && Arrays.equals(this.indices, 0, count, indices, 0, count);
        }

        private void fill(Dataset data, int iteration, int[] indices, int count) {
            this.iteration = -1;
            if (lists == null || lists.rows() < count) {
                lists = new GatheredNonZeros(count, data.features());
            }
            if (this.indices.length < count) {
                this.indices = new int[count];
                this.labels = new int[count];
            }
            index = lists.gather(data, indices, count, labels);
            // The column lists too, once for all the sharers, when the first layer will take its sparse path.
            if (SparseMode.active().sparseFor(index.density())) {
                index.buildColumns();
            }
            System.arraycopy(indices, 0, this.indices, 0, count);
            this.count = count;
            this.iteration = iteration;
        }

        /** Rows in the batch. */
        int count() {
            return count;
        }

        /** The classes of the batch's examples, {@code (count)} entries; read only. */
        int[] labels() {
            return labels;
        }

        /** The batch's non-zeros, for {@link NonZeroIndex#share}; read only. */
        NonZeroIndex index() {
            return index;
        }
    }
}
