package dev.descent.experiments.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Trains independent single-threaded runs on a few worker threads. A run's result never depends on the number of
 * threads or on the slicing: runs share nothing mutable, and one thread at a time works on a run.
 */
public final class ParallelRuns {
    /**
     * Iterations a run trains before it goes back to the queue in {@link #interleave}: a few milliseconds of work, so
     * that the runs stay within a few iterations of each other and list each batch once ({@link SharedBatches}).
     * With slices of 100 iterations four batches in five were listed again by a run of their own; slices of one
     * iteration were no faster than four (the default compare, JDK 17, alternating runs).
     */
    public static final int SLICE_ITERATIONS = 4;

    private ParallelRuns() {
    }

    /** Default number of threads: one per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Trains all runs in slices of {@code sliceIterations}, the least advanced run next (round robin while the slices
     * take equally long): with more runs than threads (five optimizers on two cores) every core stays busy to the
     * end, instead of the last run training alone, and all runs progress side by side, close enough to share their
     * batches when given {@link SharedBatches}. A run is handed from thread to thread only through the queue's lock,
     * so each slice sees everything the previous slice wrote. A slice of {@link Integer#MAX_VALUE} runs each run to
     * its end, in order, so that a stop leaves whole runs behind.
     *
     * @param onDone called with a run's index, on the thread that finished it, the moment it is done
     * @return the results, in the order of {@code runs}
     */
    public static List<RunResult> interleave(List<TrainingRun> runs, int threads, int sliceIterations,
                                             IntConsumer onDone) {
        if (threads < 1 || sliceIterations < 1) {
            throw new IllegalArgumentException("threads and slice must be at least 1, got " + threads + " and "
                    + sliceIterations);
        }
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < runs.size(); i++) {
            queue.add(i);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                while (failure.get() == null) {
                    Integer index;
                    synchronized (queue) {
                        index = pollLeastAdvanced(queue, runs);
                    }
                    if (index == null) {
                        return;
                    }
                    if (runs.get(index).advance(sliceIterations)) {
                        onDone.accept(index);
                    } else {
                        synchronized (queue) {
                            queue.addLast(index);
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(threads, runs.size()); i++) {
            Thread thread = new Thread(worker, "descent-run-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the runs", e);
            }
        }
        // The runs' nets and buffers are garbage now, the charts and the report still to come: one full collection
        // here lets the heap give their memory back to the system (the launcher's MaxHeapFreeRatio with
        // -XX:-ShrinkHeapInSteps) before the charts' own memory adds to the peak resident size.
        System.gc();
        if (failure.get() instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure.get() instanceof Error error) {
            throw error;
        }
        return runs.stream().map(TrainingRun::result).toList();
    }

    /**
     * Takes the waiting run with the fewest iterations done, the first in queue order among equals (so runs of equal
     * slices go round robin): runs that an evaluation held back catch up first, and all stay within a few iterations
     * of each other, where they share their batches ({@link SharedBatches}). Null when none is waiting.
     */
    private static Integer pollLeastAdvanced(Deque<Integer> queue, List<TrainingRun> runs) {
        Integer least = null;
        int leastDone = Integer.MAX_VALUE;
        for (Integer index : queue) {
            int done = runs.get(index).iterationsDone();
            if (done < leastDone) {
                least = index;
                leastDone = done;
            }
        }
        if (least != null) {
            queue.remove(least);
        }
        return least;
    }
}
