package dev.descent.experiments.pipeline;

import dev.descent.mnist.DataSets;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads the data set on a thread of its own before the command needs it: MNIST takes about 0.3 s to read and pack,
 * and until the first training step the command line, the spec, the run keys and the out directory's lock keep the
 * main thread busy while the second core is idle. {@link #prefetch} starts a load as soon as the arguments name the
 * data (before the command line is parsed); {@link #loader} hands the command that load when it is for the same
 * directory and data set, else starts one itself. {@link Pipeline.DataLoader#load} then waits for it and returns the
 * same data, or throws what loading threw, as a load on the calling thread would.
 *
 * <p>Only a load that reads files starts early: one that would download first (the default directory with a file
 * missing) runs when the pipeline asks for the data, and only if a run must be computed, as before. A load started
 * early that turns out not to be needed (every run already stored, or a mistake in the arguments) costs its thread's
 * time and is dropped ({@link #clear}).
 */
public final class AheadLoader {

    /** At most one load started before its command asked for it, kept for that command. */
    private static final AtomicReference<Early> PREFETCHED = new AtomicReference<>();

    private record Early(Path dir, String dataset, CompletableFuture<MnistData> data) {
    }

    private AheadLoader() {
    }

    /**
     * Starts loading {@code dataset} from {@code dirOrNull} (null: its default directory) if that only reads files,
     * for the next {@link #loader} call with the same arguments.
     */
    public static void prefetch(Path projectRoot, String dataset, Path dirOrNull) {
        if (DataSets.NAMES.contains(dataset) && !DataSets.needsDownload(projectRoot, dataset, dirOrNull)) {
            Early early = new Early(dir(projectRoot, dataset, dirOrNull), dataset,
                    start(() -> DataSets.loadOrDownload(projectRoot, dataset, dirOrNull, System.err)));
            PREFETCHED.set(early);
        }
    }

    /**
     * The data loader of a command: the prefetched load when it is for this directory and data set; else, when
     * loading only reads files, a load started now; else a plain loader that downloads first when asked.
     */
    public static Pipeline.DataLoader loader(Path projectRoot, String dataset, Path dirOrNull) {
        Pipeline.DataLoader plain = () -> DataSets.loadOrDownload(projectRoot, dataset, dirOrNull, System.err);
        Early early = PREFETCHED.getAndSet(null);
        if (early != null && early.dataset().equals(dataset)
                && early.dir().equals(dir(projectRoot, dataset, dirOrNull))) {
            return () -> join(early.data());
        }
        if (DataSets.needsDownload(projectRoot, dataset, dirOrNull)) {
            return plain;
        }
        CompletableFuture<MnistData> loading = start(plain);
        return () -> join(loading);
    }

    /** Drops a prefetched load that no command took. */
    public static void clear() {
        PREFETCHED.set(null);
    }

    private static Path dir(Path projectRoot, String dataset, Path dirOrNull) {
        Path dir = dirOrNull == null ? DataSets.defaultDir(projectRoot, dataset) : dirOrNull;
        return dir.toAbsolutePath().normalize();
    }

    private static CompletableFuture<MnistData> start(Pipeline.DataLoader loader) {
        CompletableFuture<MnistData> loading = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                loading.complete(loader.load());
            } catch (IOException | RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        }, "descent-data");
        thread.setDaemon(true);
        thread.start();
        return loading;
    }

    private static MnistData join(CompletableFuture<MnistData> loading) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return loading.get();
                } catch (InterruptedException e) {
                    // Ctrl-C is the stop signal's, not an interrupt: wait on, and keep the flag for the caller.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) cause;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
