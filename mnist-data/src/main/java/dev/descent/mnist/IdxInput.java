package dev.descent.mnist;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file opened for checked reading: gzip detected by content (the two magic bytes 0x1f 0x8b, RFC 1952), never
 * by name, and every failure turned into an {@link IOException} that names the file, says what was expected and
 * what was found, and ends with a hint.
 */
final class IdxInput implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int GZIP_ID1 = 0x1f;
    private static final int GZIP_ID2 = 0x8b;

    private final Path file;
    private final String hint;
    private final boolean gzip;
    private final InputStream in;
    private long position;

    private IdxInput(Path file, String hint, boolean gzip, InputStream in) {
        this.file = file;
        this.hint = hint;
        this.gzip = gzip;
        this.in = in;
    }

    /**
     * @param expected what the file should be, for the missing-file message ("an IDX images file")
     * @param hint     the closing "HINT: ..." sentence of every error
     */
    static IdxInput open(Path file, String expected, String hint) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IOException("missing file " + file + ": expected " + expected + ", found nothing. " + hint, e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " (" + e + "): expected " + expected + ". " + hint, e);
        }
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
        try {
            buffered.mark(2);
            boolean gzip = buffered.read() == GZIP_ID1 && buffered.read() == GZIP_ID2;
            buffered.reset();
            if (!gzip) {
                return new IdxInput(file, hint, false, buffered);
            }
            try {
                return new IdxInput(file, hint, true, new GZIPInputStream(buffered, BUFFER_BYTES));
            } catch (ZipException | EOFException e) {
                throw badGzip(file, hint, e, 0);
            }
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    /** Reads exactly {@code n} bytes, or fails naming what the header promised ({@code what}) and what was there. */
    byte[] readExactly(int n, String what) throws IOException {
        byte[] bytes;
        int read;
        try {
            if (!gzip && n <= Files.size(file) - position) {
                // The file holds them all: read into one array of the final size. readNBytes(n) collects chunks
                // and then copies them, which for the 47 MB of training images doubled the peak heap of loading.
                bytes = new byte[n];
                read = in.readNBytes(bytes, 0, n);
            } else {
                bytes = in.readNBytes(n);
                read = bytes.length;
            }
        } catch (ZipException | EOFException e) {
            throw badGzip(file, hint, e, position);
        }
        position += read;
        if (read < n) {
            throw error("the file is truncated: expected " + what + ", found only " + bytes(position)
                    + (gzip ? " after decompression" : "") + " in all");
        }
        return bytes;
    }

    /**
     * Reads exactly {@code n} bytes into {@code buffer[0 .. n)}, or fails as {@link #readExactly} does, naming what
     * the header promised for the whole file ({@code what}) and how much was there.
     */
    void readFully(byte[] buffer, int n, String what) throws IOException {
        int read;
        try {
            read = in.readNBytes(buffer, 0, n);
        } catch (ZipException | EOFException e) {
            throw badGzip(file, hint, e, position);
        }
        position += read;
        if (read < n) {
            throw error("the file is truncated: expected " + what + ", found only " + bytes(position)
                    + (gzip ? " after decompression" : "") + " in all");
        }
    }

    /** Checks that nothing follows the bytes read so far, which are all that the header accounts for ({@code what}). */
    void expectEnd(String what) throws IOException {
        long extra;
        try {
            extra = in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException | EOFException e) {
            throw badGzip(file, hint, e, position);
        }
        if (extra > 0) {
            throw error("expected exactly " + bytes(position) + " (" + what + "), found " + bytes(position + extra)
                    + (gzip ? " after decompression" : "") + ": " + bytes(extra) + " too many");
        }
    }

    /** An error about this file: "FILE: PROBLEM. HINT: ...". */
    IOException error(String problem) {
        return new IOException(file + ": " + problem + ". " + hint);
    }

    boolean isGzip() {
        return gzip;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }

    private static IOException badGzip(Path file, String hint, IOException cause, long position) {
        String found = cause.getMessage() == null ? "the file ending early" : "'" + cause.getMessage() + "'";
        return new IOException(file + ": unreadable gzip data: expected a complete gzip stream (the file starts with"
                + " the gzip magic bytes 1f 8b), found " + found + " after " + bytes(position) + " of output. " + hint,
                cause);
    }
}
