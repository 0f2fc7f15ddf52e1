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
    /** Iterations a run trains before it goes back to the queue in {@link #interleave}: about 0.1 s of work. */
    public static final int SLICE_ITERATIONS = 100;

    private ParallelRuns() {
    }

    /** Default number of threads: one per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Trains all runs round robin in slices of {@code sliceIterations}: with more runs than threads (five
     * optimizers on two cores) every core stays busy to the end, instead of the last run training alone, and all
     * runs progress side by side. A run is handed from thread to thread only through the queue's lock, so each
     * slice sees everything the previous slice wrote. A slice of {@link Integer#MAX_VALUE} runs each run to its
     * end, in order, so that a stop leaves whole runs behind.
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
                        index = queue.pollFirst();
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
}
