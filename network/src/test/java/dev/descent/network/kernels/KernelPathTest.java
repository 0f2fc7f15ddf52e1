package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The path choice follows the JVM's set-up. The pom runs this class in four JVMs: default (auto, with the
 * Vector API), forced scalar, forced vector256, and without the jdk.incubator.vector module.
 */
class KernelPathTest {

    private static final boolean MODULE_PRESENT =
            ModuleLayer.boot().findModule(KernelPath.VECTOR_MODULE).isPresent();
    private static final String REQUESTED = System.getProperty(KernelPath.PROPERTY, "auto");

    @Test
    void descriptionAgreesWithTheActivePath() {
        String description = KernelPath.describe();
        if (KernelPath.vectorActive()) {
            assertTrue(description.startsWith("vector API, "), description);
            assertTrue(description.contains(Gemm.create().path()), description);
        } else {
            assertTrue(description.startsWith("scalar"), description);
            assertEquals("scalar", Gemm.create().path());
        }
    }

    @Test
    void withoutTheModuleTheScalarPathExplainsHowToEnableVectors() {
        if (MODULE_PRESENT) {
            return;   // covered by the pom's execution without --add-modules
        }
        assertFalse(KernelPath.vectorActive());
        assertTrue(KernelPath.describe().contains("jdk.incubator.vector not present"), KernelPath.describe());
        assertTrue(KernelPath.describe().contains("HINT: "), KernelPath.describe());
    }

    @Test
    void aForcedPathIsHonouredWhenTheModuleIsPresent() {
        if (!MODULE_PRESENT) {
            return;
        }
        switch (REQUESTED) {
            case "scalar":
                assertFalse(KernelPath.vectorActive());
                assertTrue(KernelPath.describe().contains("forced"), KernelPath.describe());
                break;
            case "vector256":
                assertTrue(KernelPath.vectorActive(), KernelPath.describe());
                assertEquals("256-bit FloatVector, 6x16 tile", Gemm.create().path());
                break;
            case "vector512":
                assertTrue(KernelPath.vectorActive(), KernelPath.describe());
                assertEquals("512-bit FloatVector, 8x32 and 8x48 tiles", Gemm.create().path());
                break;
            default:
                // auto: either vector kernel or, on a machine where the self-check failed, scalar
                assertTrue(KernelPath.describe().matches("(vector API, (256|512)-bit .*|scalar fallback .*)"),
                        KernelPath.describe());
        }
    }

    @Test
    void scalarFactoryIsScalarWhateverThePath() {
        assertEquals("scalar", Gemm.scalar().path());
    }
}
