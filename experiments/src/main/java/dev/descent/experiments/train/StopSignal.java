package dev.descent.experiments.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl-C (SIGINT, or any JVM shutdown) into a polite stop: runs see {@link #getAsBoolean()} turn true, end
 * their loops, and the command writes consistent files for what was computed; the shutdown hook waits for
 * {@link #close()} before letting the JVM go, so nothing is left half-written.
 */
public final class StopSignal implements BooleanSupplier, AutoCloseable {
    /** How long a Ctrl-C waits for results to be written before the JVM exits anyway. */
    private static final long WRITE_GRACE_SECONDS = 60;

    private volatile boolean stopRequested;
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(boolean installHook) {
        if (installHook) {
            hook = new Thread(this::onShutdown, "descent-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        } else {
            hook = null;
        }
    }

    /** A signal raised by Ctrl-C. */
    public static StopSignal onInterrupt() {
        return new StopSignal(true);
    }

    /** A signal only {@link #requestStop()} raises (tests, embedding). */
    public static StopSignal manual() {
        return new StopSignal(false);
    }

    public void requestStop() {
        stopRequested = true;
    }

    @Override
    public boolean getAsBoolean() {
        return stopRequested;
    }

    /** True when the stop came from an interrupt rather than the work finishing. */
    public boolean stopped() {
        return stopRequested;
    }

    private void onShutdown() {
        stopRequested = true;
        try {
            written.await(WRITE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Call once results are written: lets a pending Ctrl-C exit, or removes the hook. */
    @Override
    public void close() {
        written.countDown();
        if (hook != null && !stopRequested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook has been released by the countdown above.
            }
        }
    }
}
