package dev.descent.experiments.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C into a polite stop: runs see {@link #getAsBoolean()} turn true, end their loops, the command writes
 * consistent files for what was computed and returns its exit status itself
 * ({@link dev.descent.experiments.common.ExitStatus#INTERRUPTED}).
 *
 * <p>SIGINT is caught with {@code sun.misc.Signal}, so the JVM does not begin to shut down; a second Ctrl-C gets
 * the JVM's own handling back. Any other shutdown (SIGTERM, a second Ctrl-C) also raises the stop, and a shutdown
 * hook then waits for {@link #close()} before letting the JVM go, so nothing is left half-written. A SIGINT that
 * the parent ignores (a background job of a non-interactive shell) stays ignored.
 */
public final class StopSignal implements BooleanSupplier, AutoCloseable {
    /** How long a Ctrl-C waits for results to be written before the JVM exits anyway. */
    private static final long WRITE_GRACE_SECONDS = 60;

    private static final Signal INTERRUPT = new Signal("INT");

    private volatile boolean stopRequested;
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private SignalHandler previousInterruptHandler;

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
        StopSignal stop = new StopSignal(true);
        try {
            stop.previousInterruptHandler = Signal.handle(INTERRUPT, signal -> {
                stop.requestStop();
                if (stop.previousInterruptHandler != null) {
                    Signal.handle(INTERRUPT, stop.previousInterruptHandler);
                }
            });
        } catch (IllegalArgumentException vmOwnsIt) {
            // -Xrs or an embedding VM: SIGINT then ends in a shutdown, which the hook turns into a stop too.
        }
        return stop;
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
        if (previousInterruptHandler != null) {
            Signal.handle(INTERRUPT, previousInterruptHandler);
        }
        if (hook != null && !stopRequested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook has been released by the countdown above.
            }
        }
    }
}
