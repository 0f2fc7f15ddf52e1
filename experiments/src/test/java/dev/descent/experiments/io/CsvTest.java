package dev.descent.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        // RFC 4180 §2.6-2.7: fields with a comma, a double quote or a line break are enclosed in double quotes,
        // and a double quote inside is written twice.
        assertEquals("sgd", CsvWriter.quote("sgd"));
        assertEquals("", CsvWriter.quote(""));
        assertEquals("\"adam:lr=0.3,beta1=0.9\"", CsvWriter.quote("adam:lr=0.3,beta1=0.9"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.quote("two\nlines"));
        assertEquals("\"cr\rhere\"", CsvWriter.quote("cr\rhere"));
        assertEquals("semi;colon and space", CsvWriter.quote("semi;colon and space"));
    }

    @Test
    void writesRecordsWithFormattedFields() {
        StringBuilder out = new StringBuilder();
        new CsvWriter(out, "optimizer", "step", "x", "note")
            .row("adam:lr=0.3,beta1=0.9", 0, -7f, null)
            .row("sgd", 1, 0.1, "ok");
        assertEquals("optimizer,step,x,note\n\"adam:lr=0.3,beta1=0.9\",0,-7.0,\nsgd,1,0.1,ok\n", out.toString());
    }

    @Test
    void trickyFieldsSurviveARoundTrip() {
        List<List<String>> rows = List.of(
            List.of("plain", "with,comma", "with \"quotes\""),
            List.of("multi\nline", "", "\"\""),
            List.of("trailing space ", ",", "crlf\r\ninside"));
        StringBuilder out = new StringBuilder();
        CsvWriter csv = new CsvWriter(out, "a", "b", "c");
        rows.forEach(row -> csv.row(row.toArray()));
        CsvTable table = CsvTable.parse(out.toString());
        assertEquals(List.of("a", "b", "c"), table.header());
        assertEquals(rows, table.rows());
    }

    @Test
    void floatsReadBackBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        float[] special = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -6.335f, 1e-7f, Float.NaN,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.1f};
        for (float value : special) {
            assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(Float.parseFloat(CsvWriter.format(value))),
                () -> "float " + value);
        }
        for (int i = 0; i < 10_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            String text = CsvWriter.format(value);
            assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(Float.parseFloat(text)), text);
        }
    }

    @Test
    void doublesReadBackBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            String text = CsvWriter.format(value);
            assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(Double.parseDouble(text)), text);
        }
    }

    @Test
    void readsCrlfAndAFileWithoutFinalNewline() {
        CsvTable table = CsvTable.parse("t,f\r\n1,\"a,b\"\r\n2,c");
        assertEquals(List.of(List.of("1", "a,b"), List.of("2", "c")), table.rows());
        assertEquals("a,b", table.get(0, "f"));
        assertEquals(List.of("1", "2"), table.values("t"));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "x,y\n1.5,-2.0\n");
        assertEquals(List.of(List.of("1.5", "-2.0")), CsvTable.read(file).rows());
    }

    @Test
    void rejectsMalformedText() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvTable.parse("a,b\n\"open,1\n"))
            .getMessage().contains("not closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvTable.parse("a,b\n1,2,3\n"))
            .getMessage().contains("record 2 has 3 fields, the header has 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvTable.parse("a\nx\"y\n"))
            .getMessage().contains("quote inside an unquoted field"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvTable.parse("a\n\"x\"y\n"))
            .getMessage().contains("after a closing quote"));
        assertThrows(IllegalArgumentException.class, () -> CsvTable.parse(""));
    }

    @Test
    void anUnknownColumnIsNamedWithTheColumnsThereAre() {
        CsvTable table = CsvTable.parse("optimizer,step\nsgd,0\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> table.get(0, "loss"));
        assertEquals("no column 'loss'; the columns are [optimizer, step]", error.getMessage());
    }

    @Test
    void aRecordOfTheWrongLengthIsRefused() {
        CsvWriter csv = new CsvWriter(new StringBuilder(), "a", "b");
        assertThrows(IllegalArgumentException.class, () -> csv.row("only one"));
    }
}
