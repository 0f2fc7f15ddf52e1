package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.optimizers.Optimizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerSpecsTest {

    @Test
    void parsesEverySpecIntoAFreshOptimizer() {
        List<Optimizer> optimizers = OptimizerSpecs.parseAll("--optimizer", List.of("sgd:lr=0.5", "adam", "adam"));
        assertEquals(List.of("sgd", "adam", "adam"), optimizers.stream().map(Optimizer::name).toList());
        assertEquals(0.5, optimizers.get(0).hyperparameters().get("lr"));
        assertNotSame(optimizers.get(1), optimizers.get(2));
    }

    @Test
    void aBadSpecIsAUserErrorNamingTheOptionAndTheSpec() {
        UserError error = assertThrows(UserError.class,
            () -> OptimizerSpecs.parseAll("--optimizer", List.of("adam", "adma:lr=1")));
        assertTrue(error.getMessage().startsWith("--optimizer 'adma:lr=1': "), error::getMessage);
    }
}
