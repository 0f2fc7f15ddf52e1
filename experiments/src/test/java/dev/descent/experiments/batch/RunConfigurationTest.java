package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunConfigurationTest {

    private static RunConfiguration only(String json) {
        List<RunConfiguration> runs = SpecReader.parse("spec.json", "t", json).runs();
        assertEquals(1, runs.size());
        return runs.get(0);
    }

    @Test
    void theKeyIsTheSha256PrefixOfTheCanonicalConfiguration() throws Exception {
        // Written out by hand: if this text changes, every stored run is recomputed, so change it on purpose only
        // (and then bump RunConfiguration.IDENTITY_VERSION).
        String canonical = "{\"identity_version\":1,\"dataset\":\"mnist\",\"hidden\":[100,100,100,100],"
                + "\"activation\":\"relu\",\"init\":\"he\",\"weight_decay\":0.0,\"iterations\":2000,"
                + "\"batch_size\":128,\"sampling\":\"with-replacement\",\"eval_every\":100,\"seed\":0,"
                + "\"optimizer\":\"sgd:lr=0.01\"}";
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(hash).substring(0, 16);

        RunConfiguration run = only("{\"optimizers\": [\"sgd\"]}");
        assertEquals(canonical, run.identity().toString());
        assertEquals(expected, run.key());
    }

    @Test
    void everyFieldThatChangesTheNumbersChangesTheKey() {
        String base = "{\"optimizers\": [\"sgd\"]";
        List<String> variants = List.of(
                base + "}",
                base + ", \"dataset\": \"fashion\"}",
                base + ", \"network\": {\"hidden\": [100, 100]}}",
                base + ", \"network\": {\"activation\": \"sigmoid\"}}",
                base + ", \"network\": {\"init\": \"xavier\"}}",
                base + ", \"network\": {\"weight_decay\": 0.001}}",
                base + ", \"iterations\": 1999}",
                base + ", \"batch_size\": 100}",
                base + ", \"sampling\": \"epochs\"}",
                base + ", \"eval_every\": 50}",
                base + ", \"network\": {\"batch_norm\": true}}",
                base + ", \"network\": {\"dropout\": 0.2}}",
                base + ", \"network\": {\"dropout\": 0.5}}",
                base + ", \"network\": {\"batch_norm\": true, \"dropout\": 0.2}}",
                base + ", \"train_size\": 1000}",
                base + ", \"train_size\": 300}",
                base + ", \"seeds\": [1]}",
                "{\"optimizers\": [\"sgd:lr=0.02\"]}");
        Set<String> keys = new HashSet<>();
        for (String json : variants) {
            keys.add(only(json).key());
        }
        assertEquals(variants.size(), keys.size());
    }

    /**
     * Keys computed by the code before {@code batch_norm}, {@code dropout} and {@code train_size} existed (commit
     * d793cd0): adding the fields must not make any stored run look new. The book's five at their defaults, and a
     * spec with variants, several seeds and every older field changed.
     */
    @Test
    void keysOfConfigurationsFromBeforeTheExtendedNetAreUnchanged() {
        assertEquals(List.of("9fec7f4fa5ba8a8c", "627e0c944a024d2f", "79cc52d9bc4afb05", "f71e2fc3c2a171cd",
                "2a4936c9d02c40af"), SpecReader.parse("spec.json", "t", "{}").runs().stream()
                .map(RunConfiguration::key).toList());
        assertEquals(List.of("4f15435d35c20e85", "67862b06015f2f62", "ebd89df98fec7f4f", "8c72471d1634b86c"),
                SpecReader.parse("spec.json", "t", "{\"optimizers\": [\"sgd\"], \"seeds\": 2, \"variants\":"
                        + " [{\"network\": {\"init\": \"0.01\"}}, {\"network\": {\"init\": \"xavier\","
                        + " \"activation\": \"sigmoid\"}}]}").runs().stream().map(RunConfiguration::key).toList());
        assertEquals("8e3c5eb6b0a27b3b", only("{\"network\": {\"hidden\": [50], \"activation\": \"sigmoid\","
                + " \"init\": \"0.01\", \"weight_decay\": 0.1}, \"iterations\": 300, \"batch_size\": 100,"
                + " \"sampling\": \"epochs\", \"eval_every\": 3, \"seeds\": [7], \"optimizers\": [\"adam\"]}").key());
    }

    @Test
    void theNewFieldsAtTheirDefaultsAreTheOldConfiguration() {
        RunConfiguration plain = only("{\"optimizers\": [\"sgd\"]}");
        RunConfiguration explicit = only("{\"optimizers\": [\"sgd\"], \"network\": {\"batch_norm\": false,"
                + " \"dropout\": 0}, \"train_size\": null}");
        assertEquals(plain.identity(), explicit.identity());
        assertEquals(plain.key(), explicit.key());
        // Set, they are written where the reader of a run file expects them.
        String extended = only("{\"optimizers\": [\"sgd\"], \"network\": {\"batch_norm\": true,"
                + " \"dropout\": 0.2}, \"train_size\": 300, \"batch_size\": 100}").identity().toString();
        assertEquals("{\"identity_version\":1,\"dataset\":\"mnist\",\"hidden\":[100,100,100,100],"
                + "\"activation\":\"relu\",\"init\":\"he\",\"weight_decay\":0.0,\"batch_norm\":true,\"dropout\":0.2,"
                + "\"iterations\":2000,\"batch_size\":100,\"train_size\":300,\"sampling\":\"with-replacement\","
                + "\"eval_every\":100,\"seed\":0,\"optimizer\":\"sgd:lr=0.01\"}", extended);
    }

    @Test
    void namesAndTheDataDirectoryDoNotChangeTheKey() {
        String plain = only("{\"optimizers\": [\"sgd\"]}").key();
        assertEquals(plain, only("{\"name\": \"other\", \"data\": \"/elsewhere\", \"optimizers\": [\"sgd:lr=0.01\"]}")
                .key());
        assertEquals(plain, only("{\"optimizers\": [\"sgd\"], \"variants\": [{\"name\": \"He\"}]}").key());
        assertNotEquals(plain, only("{\"optimizers\": [\"sgd\"], \"variants\": [{\"network\": {\"init\": \"0.01\"}}]}")
                .key());
    }
}
