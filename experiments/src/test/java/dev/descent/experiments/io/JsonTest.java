package dev.descent.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    record Run(String optimizer, double finalLoss, boolean diverged, Integer divergedAt) {
    }

    @Test
    void writesPrettyJsonThatReadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.json");
        Json.write(file, List.of(new Run("adam:lr=0.001", 0.125, false, null)));
        String text = Files.readString(file);
        assertTrue(text.startsWith("[ {\n  \"optimizer\" : \"adam:lr=0.001\""), text);
        assertTrue(text.endsWith("} ]\n"), text);
        JsonNode run = Json.mapper().readTree(text).get(0);
        assertEquals(0.125, run.get("finalLoss").doubleValue());
        assertTrue(run.get("divergedAt").isNull());
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count());
        }
    }
}
