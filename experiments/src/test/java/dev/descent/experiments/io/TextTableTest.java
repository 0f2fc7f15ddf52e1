package dev.descent.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsAndRightAlignsNumbers() {
        String table = new TextTable("optimizer", "loss").rightAlign(1)
            .add("sgd", "2.25")
            .add("momentum:lr=0.01", 0.5)
            .render();
        assertEquals(""
            + "optimizer         loss\n"
            + "----------------  ----\n"
            + "sgd               2.25\n"
            + "momentum:lr=0.01   0.5\n", table);
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").add("only one"));
    }
}
