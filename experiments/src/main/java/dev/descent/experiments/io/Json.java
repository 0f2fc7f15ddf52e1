package dev.descent.experiments.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The project's one JSON configuration (Jackson): pretty printed (records and maps keep their order), and
 * atomic writes. Reading rejects unknown properties (Jackson's default), so a typo in a spec file is an error.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * The shared mapper. It is thread-safe once configured; do not reconfigure it: make a copy with
     * {@code mapper().copy()} for different settings.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code value} as pretty JSON with a final newline, atomically. */
    public static void write(Path target, Object value) throws IOException {
        String text = MAPPER.writeValueAsString(value) + "\n";
        AtomicFiles.writeString(target, text);
    }
}
