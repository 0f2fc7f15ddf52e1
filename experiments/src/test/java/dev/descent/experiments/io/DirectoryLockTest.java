package dev.descent.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One live process per out directory; a lock is never stale; fresh defaults of the same second get their own. */
class DirectoryLockTest {
    @TempDir
    Path dir;

    /** Holds the lock of {@code args[0]} in this test's classpath until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws IOException {
            try (DirectoryLock lock = DirectoryLock.acquire(Path.of(args[0]), "descent compare (test holder)")) {
                System.out.println("holding");
                System.out.flush();
                System.in.read();
            }
        }
    }

    private static Process holder(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            Holder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("holding", out.readLine(), "the holder did not take the lock");
        return process;
    }

    @Test
    void anotherLiveProcessIsRefusedWithItsPidAndAKilledOneLeavesNoStaleLock() throws Exception {
        Process other = holder(dir);
        try {
            assertTrue(DirectoryLock.isHeldByAnother(dir));
            UserError e = assertThrows(UserError.class, () -> DirectoryLock.acquire(dir, "descent run"));
            assertTrue(e.getMessage().startsWith("the out directory " + dir + " is in use by process " + other.pid()
                + " (descent compare (test holder), since "), e.getMessage());
            assertTrue(e.getMessage().endsWith("wait for it to finish, or choose another --out"), e.getMessage());
        } finally {
            other.destroyForcibly();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        // SIGKILL gave the holder no chance to clean up; its lock file is still there, but the kernel's lock is gone.
        assertTrue(Files.exists(dir.resolve(DirectoryLock.FILE_NAME)));
        assertFalse(DirectoryLock.isHeldByAnother(dir));
        try (DirectoryLock lock = DirectoryLock.acquire(dir, "descent run")) {
            assertEquals(dir, lock.dir());
        }
    }

    @Test
    void closingReleasesAndTheSameJvmCannotHoldTwice() throws IOException {
        DirectoryLock first = DirectoryLock.acquire(dir, "first");
        assertNull(DirectoryLock.tryAcquire(dir, "second"));
        first.close();
        DirectoryLock again = DirectoryLock.tryAcquire(dir, "again");
        assertNotNull(again);
        again.close();
        assertEquals("", Files.readString(dir.resolve(DirectoryLock.FILE_NAME)), "a released lock names no holder");
    }

    @Test
    void freshDefaultsOfTheSameSecondGetADirectoryEach() throws Exception {
        Path base = dir.resolve("results").resolve("compare-20261201-102600");
        Files.createDirectories(base);
        Process other = holder(base);
        try (DirectoryLock mine = OutputDirectory.claimFresh(base, "descent compare")) {
            assertEquals(dir.resolve("results").resolve("compare-20261201-102600-2"), mine.dir());
            // The next invocation of that second skips both: one is held, the other holds results.
            Files.writeString(mine.dir().resolve("losses.csv"), "iteration");
            try (DirectoryLock third = OutputDirectory.claimFresh(base, "descent compare")) {
                assertEquals(dir.resolve("results").resolve("compare-20261201-102600-3"), third.dir());
            }
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, other.exitValue());
    }
}
