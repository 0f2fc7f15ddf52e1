package dev.descent.experiments.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent single-threaded jobs on a fixed pool and returns their results in submission order. A job's
 * result never depends on the pool size: jobs share nothing mutable.
 */
public final class ParallelRuns {
    /** Iterations a run trains before it goes back to the queue in {@link #interleave}: about 0.1 s of work. */
    public static final int SLICE_ITERATIONS = 100;

    private ParallelRuns() {
    }

    /** Default pool size: one thread per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Each job runs to completion on one thread; jobs start in order as threads come free. */
    public static <T> List<T> run(List<? extends Callable<T>> jobs, int threads) {
        checkThreads(threads);
        if (jobs.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = pool(Math.min(threads, jobs.size()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Trains all runs together, round robin in slices of {@code sliceIterations}: with more runs than threads (five
     * optimizers on two cores) every core stays busy to the end, instead of the last run training alone, and all
     * runs progress side by side. A run is handed from thread to thread only through the queue's lock, so each
     * slice sees everything the previous slice wrote. A slice of {@link Integer#MAX_VALUE} runs each run to its
     * end, in order, so that a stop leaves whole runs behind.
     *
     * @param onDone called with a run's index, on the thread that finished it, the moment it is done
     */
    public static List<RunResult> interleave(List<TrainingRun> runs, int threads, int sliceIterations,
                                             IntConsumer onDone) {
        checkThreads(threads);
        if (sliceIterations < 1) {
            throw new IllegalArgumentException("slice must be at least 1 iteration, got " + sliceIterations);
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < runs.size(); i++) {
            queue.add(i);
        }
        Callable<Void> worker = () -> {
            while (true) {
                Integer index;
                synchronized (queue) {
                    index = queue.pollFirst();
                }
                if (index == null) {
                    return null;
                }
                if (runs.get(index).advance(sliceIterations)) {
                    onDone.accept(index);
                } else {
                    synchronized (queue) {
                        queue.addLast(index);
                    }
                }
            }
        };
        int workers = Math.min(threads, runs.size());
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            jobs.add(worker);
        }
        run(jobs, workers);
        return runs.stream().map(TrainingRun::result).toList();
    }

    private static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    private static ExecutorService pool(int size) {
        AtomicInteger names = new AtomicInteger();
        return Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "descent-run-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a run failed: " + cause, cause);
        }
    }
}
