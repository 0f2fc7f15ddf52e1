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
                base + ", \"seeds\": [1]}",
                "{\"optimizers\": [\"sgd:lr=0.02\"]}");
        Set<String> keys = new HashSet<>();
        for (String json : variants) {
            keys.add(only(json).key());
        }
        assertEquals(variants.size(), keys.size());
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
