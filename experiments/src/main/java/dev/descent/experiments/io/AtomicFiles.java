package dev.descent.experiments.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a half-written file:
 * the content goes to a temporary file in the same directory, is flushed to disk, and is then renamed over the
 * target. If writing fails the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFiles {
    /** Writes the content of a file to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a text file (UTF-8); the writer is flushed and closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface TextWriter {
        void writeTo(Writer out) throws IOException;
    }

    /** Temporary files end with this; a crash can leave one behind, never a half-written target. */
    public static final String TEMP_SUFFIX = ".tmp";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Atomically replaces {@code target} with what {@code writer} writes; creates missing parent directories.
     *
     * @throws IOException "cannot write TARGET: CAUSE" (no space left, permission denied, read-only file system,
     *     …), the original exception as its cause; the target is left as it was
     */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            writeOrThrow(absolute, writer);
        } catch (IOException e) {
            throw new IOException("cannot write " + absolute + ": " + reason(e), e);
        }
    }

    /**
     * What went wrong, in the words a user searches for: "no space left on device", "permission denied",
     * "read-only file system", else the exception's own message.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (" + e.getMessage() + "; was the directory removed?)";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? e.toString() : reason.substring(0, 1).toLowerCase(Locale.ROOT)
            + reason.substring(1);
    }

    private static void writeOrThrow(Path absolute, StreamWriter writer) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // Same directory, hence same file system: the rename below can be atomic.
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
            + TEMP_SUFFIX);
        try {
            // CREATE_NEW with default attributes: the file gets the umask's permissions, like any file the user
            // writes (Files.createTempFile would make it owner-only).
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Atomically replaces {@code target} with {@code bytes}. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Atomically replaces {@code target} with {@code text} in UTF-8. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        writeText(target, out -> out.append(text));
    }

    /** Atomically replaces {@code target} with the UTF-8 text {@code writer} writes. */
    public static void writeText(Path target, TextWriter writer) throws IOException {
        write(target, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.writeTo(text);
            text.flush();
        });
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
