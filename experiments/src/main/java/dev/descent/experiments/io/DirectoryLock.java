package dev.descent.experiments.io;

import dev.descent.experiments.common.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An out directory held by one live process: two invocations never write into the same directory at once.
 *
 * <p>The lock is the operating system's advisory lock ({@link FileChannel#tryLock()}, {@code fcntl} on Linux) on
 * the hidden file {@value #FILE_NAME} in the directory, which holds the holder's pid, command and start time for
 * the refusal message. The kernel drops the lock when its process ends in any way (exit, Ctrl-C, SIGKILL), so a
 * lock is never stale: a file left by a dead process is simply taken over. Closing empties the file and releases
 * the lock; the (hidden, empty) file stays, so that every process locks the same file: deleting it would let two
 * processes lock two files of one name.
 *
 * <p>POSIX record locks belong to the process and are dropped when any descriptor of the file is closed, so this
 * JVM never opens the lock file of a directory it holds a second time: it keeps the directories it holds in
 * {@link #HELD} and answers for them without touching the file.
 */
public final class DirectoryLock implements AutoCloseable {
    /** The lock file's name; hidden, so it does not count as a result. */
    public static final String FILE_NAME = ".descent.lock";

    /** The directories this JVM holds, absolute and normalised. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}, which must exist.
     *
     * @param what the holder's description written into the lock file, e.g. the command line
     * @throws UserError naming the directory and the live process that holds it
     * @throws IOException if the lock file cannot be created or written
     */
    public static DirectoryLock acquire(Path dir, String what) throws IOException {
        DirectoryLock lock = tryAcquire(dir, what);
        if (lock == null) {
            throw new UserError("the out directory " + dir + " is in use by " + holder(dir) + "; wait for it to"
                + " finish, or choose another --out");
        }
        return lock;
    }

    /** As {@link #acquire} but returns null when another live process (or invocation in this JVM) holds {@code dir}. */
    public static DirectoryLock tryAcquire(Path dir, String what) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return null;
        }
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                HELD.remove(key);
                channel.close();
                return null;
            }
            String holder = "process " + ProcessHandle.current().pid() + " (" + what + ", since " + Instant.now()
                + ")\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DirectoryLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** True when another live process, or another invocation in this JVM, holds {@code dir}. */
    public static boolean isHeldByAnother(Path dir) {
        if (HELD.contains(dir.toAbsolutePath().normalize())) {
            return true;
        }
        if (!Files.isRegularFile(dir.resolve(FILE_NAME))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** What the lock file says about its holder, or "another process" if it cannot be read. */
    static String holder(Path dir) {
        try {
            String text = Files.readString(dir.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    /** The directory held. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
                HELD.remove(dir);
            }
        }
    }
}
