package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.io.CsvTable;
import dev.descent.experiments.io.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryFilesTest {

    @Test
    void summaryCsvHasOneRowPerSettingWithEmptyCellsForMissingNumbers(@TempDir Path dir) throws Exception {
        SummaryFiles.write(dir, MadeUpRuns.summary(), MadeUpRuns.invocation());
        CsvTable csv = CsvTable.read(dir.resolve(SummaryFiles.SUMMARY_CSV));
        assertEquals(2, csv.rows().size());
        List<String> sgd = csv.rows().get(0);
        List<String> adam = csv.rows().get(1);
        assertEquals("sgd:lr=0.01", sgd.get(csv.header().indexOf("optimizer")));
        assertEquals(1.25, Double.parseDouble(sgd.get(csv.header().indexOf("final_loss_mean"))), 1e-15);
        assertEquals(2.5, Double.parseDouble(sgd.get(csv.header().indexOf("iterations_to_target_median"))), 0);
        assertEquals("", sgd.get(csv.header().indexOf("welch_p"))); // the baseline is not tested against itself
        assertEquals("1", adam.get(csv.header().indexOf("diverged")));
        assertEquals("", adam.get(csv.header().indexOf("final_loss_std"))); // one seed left: no std
        assertEquals("", adam.get(csv.header().indexOf("iterations_to_target_median"))); // not reached
        assertEquals("1", adam.get(csv.header().indexOf("target_reached")));
        assertEquals(1.0, Double.parseDouble(adam.get(csv.header().indexOf("mann_whitney_p"))), 1e-12);
    }

    @Test
    void summaryJsonCarriesPerSeedInputsAndNullsForMissingNumbers(@TempDir Path dir) throws Exception {
        SummaryFiles.write(dir, MadeUpRuns.summary(), MadeUpRuns.invocation());
        JsonNode json = Json.mapper().readTree(dir.resolve(SummaryFiles.SUMMARY_JSON).toFile());
        assertTrue(json.get("complete").booleanValue());
        assertEquals(4, json.at("/counts/total").intValue());
        JsonNode adam = json.at("/settings/1");
        assertTrue(adam.at("/final_loss/std").isNull());
        assertEquals(1, adam.at("/diverged_seeds/0").intValue());
        assertTrue(adam.at("/final_losses/1").isNull());
        assertTrue(adam.at("/time_to_target/median_iterations").isNull());
        assertTrue(adam.at("/time_to_target/iterations/1").isNull());
        assertTrue(adam.at("/versus_baseline/welch_p").isNull());
        assertTrue(adam.at("/versus_baseline/welch_note").textValue().contains("at least 2 seeds"));
        assertTrue(json.at("/settings/0/is_baseline").booleanValue());
        assertEquals("made-up", json.at("/spec/name").textValue());
    }

    @Test
    void curveFilesHaveARowPerPointAndSetting(@TempDir Path dir) throws Exception {
        SummaryFiles.write(dir, MadeUpRuns.summary(), MadeUpRuns.invocation());
        CsvTable loss = CsvTable.read(dir.resolve(SummaryFiles.LOSS_CURVES_CSV));
        assertEquals(List.of("setting", "iteration", "mean", "std", "seeds"), loss.header());
        assertEquals(4 + 4, loss.rows().size());
        assertEquals(List.of("adam:lr=0.001", "2", "0.25", "", "1"), loss.rows().get(6)); // one seed: no std
        CsvTable accuracy = CsvTable.read(dir.resolve(SummaryFiles.ACCURACY_CURVES_CSV));
        assertEquals(3 + 3, accuracy.rows().size());
        List<String> last = accuracy.rows().get(2);
        assertEquals(List.of("sgd:lr=0.01", "3", "2"), List.of(last.get(0), last.get(1), last.get(4)));
        assertEquals(0.7, Double.parseDouble(last.get(2)), 1e-15);
        assertEquals(Math.sqrt(0.02), Double.parseDouble(last.get(3)), 1e-15);
    }
}
