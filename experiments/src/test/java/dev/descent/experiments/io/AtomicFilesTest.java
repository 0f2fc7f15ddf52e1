package dev.descent.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("losses.csv");
        AtomicFiles.writeString(target, "iteration,loss\n1,2.3\n");
        assertEquals("iteration,loss\n1,2.3\n", Files.readString(target));
        assertEquals(List.of("losses.csv"), names());
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("summary.json");
        Files.writeString(target, "old");
        AtomicFiles.writeBytes(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of("summary.json"), names());
    }

    @Test
    void keepsTheOriginalWhenTheWriterFailsWithAnIoError() throws IOException {
        Path target = dir.resolve("losses.csv");
        Files.writeString(target, "original");
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new ".getBytes(StandardCharsets.UTF_8));
            throw failure;
        }));
        assertSame(failure, thrown.getCause());
        assertEquals("cannot write " + target.toAbsolutePath() + ": disk full", thrown.getMessage());
        assertEquals("original", Files.readString(target));
        assertEquals(List.of("losses.csv"), names());
    }

    @Test
    void anIoErrorNamesTheFileAndTheCauseInPlainWords() {
        Path target = dir.resolve("summary.json");
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target.toAbsolutePath() + ": no space left on device", full.getMessage());
        IOException denied = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new AccessDeniedException(target.toString());
        }));
        assertEquals("cannot write " + target.toAbsolutePath() + ": permission denied (" + target + ")",
            denied.getMessage());
        IOException readOnly = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new FileSystemException(target.toString(), null, "Read-only file system");
        }));
        assertEquals("cannot write " + target.toAbsolutePath() + ": read-only file system", readOnly.getMessage());
    }

    @Test
    void aRealFullDeviceIsNamed() throws IOException {
        // /dev/full answers every write with ENOSPC, the error a full disk gives.
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        IOException e = assertThrows(IOException.class, () -> {
            try (var out = Files.newOutputStream(full)) {
                out.write(new byte[4096]);
                out.flush();
            }
        });
        assertEquals("no space left on device", AtomicFiles.reason(e));
    }

    @Test
    void keepsTheOriginalWhenTheWriterThrowsARuntimeException() throws IOException {
        Path target = dir.resolve("losses.csv");
        Files.writeString(target, "original");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeText(target, out -> {
            out.write("partial");
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals("original", Files.readString(target));
        assertEquals(List.of("losses.csv"), names());
    }

    @Test
    void aFailedFirstWriteLeavesNothing() throws IOException {
        Path target = dir.resolve("new.csv");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("no");
        }));
        assertEquals(List.of(), names());
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path target = dir.resolve("runs/adam/run.json");
        AtomicFiles.writeString(target, "{}");
        assertEquals("{}", Files.readString(target));
    }

    @Test
    void textIsUtf8() throws IOException {
        Path target = dir.resolve("title.txt");
        AtomicFiles.writeText(target, out -> out.write("β₂ = 0.999"));
        assertArrayEquals("β₂ = 0.999".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    }

    @Test
    void theFileGetsTheUsualPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path usual = Files.writeString(dir.resolve("usual.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(atomic));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
