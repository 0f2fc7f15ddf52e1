package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The modern rules' specs: names, keys and defaults exactly as issue 11's table, round trips with schedules. */
class ModernSpecTest {

    /** Issue 11's table, written out by hand (PyTorch's defaults, or the paper's where PyTorch has no rule). */
    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of("adamw", "adamw:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.01",
                        (Supplier<Optimizer>) AdamW::new, AdamW.class),
                Arguments.of("amsgrad", "amsgrad:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08",
                        (Supplier<Optimizer>) AmsGrad::new, AmsGrad.class),
                Arguments.of("nadam", "nadam:lr=0.002,beta1=0.9,beta2=0.999,eps=1e-08,momentum_decay=0.004",
                        (Supplier<Optimizer>) NAdam::new, NAdam.class),
                Arguments.of("adamax", "adamax:lr=0.002,beta1=0.9,beta2=0.999,eps=1e-08",
                        (Supplier<Optimizer>) Adamax::new, Adamax.class),
                Arguments.of("adadelta", "adadelta:lr=1,rho=0.9,eps=1e-06",
                        (Supplier<Optimizer>) Adadelta::new, Adadelta.class),
                Arguments.of("radam", "radam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08",
                        (Supplier<Optimizer>) RAdam::new, RAdam.class),
                Arguments.of("lion", "lion:lr=0.0001,beta1=0.9,beta2=0.99,weight_decay=0",
                        (Supplier<Optimizer>) Lion::new, Lion.class),
                Arguments.of("nesterov-book", "nesterov-book:lr=0.01,momentum=0.9",
                        (Supplier<Optimizer>) NesterovBook::new, NesterovBook.class),
                Arguments.of("muon", "muon:lr=0.02,momentum=0.95,ns_steps=5,adam_lr=0.001,weight_decay=0",
                        (Supplier<Optimizer>) Muon::new, Muon.class),
                Arguments.of("sf-adamw", "sf-adamw:lr=0.0025,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,warmup=0",
                        (Supplier<Optimizer>) ScheduleFreeAdamW::new, ScheduleFreeAdamW.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void bareNameGivesTheTablesDefaults(String name, String canonical, Supplier<Optimizer> noArg, Class<?> type) {
        Optimizer parsed = Optimizers.parse(name);
        assertInstanceOf(type, parsed);
        assertEquals(name, parsed.name());
        assertEquals(canonical, parsed.toString());
        assertEquals(noArg.get(), parsed);
        assertEquals(parsed, Optimizers.parse(parsed.toString()));
        assertEquals(LearningRateSchedule.CONSTANT, parsed.schedule());
    }

    /** Every key away from its default, keys shuffled; the canonical text by hand, and back again. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "adamw:weight_decay=0,eps=1e-6,lr=0.01,beta2=0.9,beta1=0.5;  adamw:lr=0.01,beta1=0.5,beta2=0.9,eps=1e-06,weight_decay=0",
        "amsgrad:beta2=0.99,lr=0.1;                                  amsgrad:lr=0.1,beta1=0.9,beta2=0.99,eps=1e-08",
        "nadam:momentum_decay=0,beta1=0.8;                           nadam:lr=0.002,beta1=0.8,beta2=0.999,eps=1e-08,momentum_decay=0",
        "adamax:eps=1e-7,beta2=0.5;                                  adamax:lr=0.002,beta1=0.9,beta2=0.5,eps=1e-07",
        "adadelta:rho=0.95,eps=1e-5,lr=0.5;                          adadelta:lr=0.5,rho=0.95,eps=1e-05",
        "radam:beta1=0.7;                                            radam:lr=0.001,beta1=0.7,beta2=0.999,eps=1e-08",
        "lion:weight_decay=0.1,beta2=0.98,beta1=0.95,lr=3e-4;        lion:lr=0.0003,beta1=0.95,beta2=0.98,weight_decay=0.1",
        "NESTEROV-BOOK:momentum=0.5;                                 nesterov-book:lr=0.01,momentum=0.5",
        "muon:weight_decay=0.01,adam_lr=0.003,ns_steps=3,momentum=0.9,lr=0.05; muon:lr=0.05,momentum=0.9,ns_steps=3,adam_lr=0.003,weight_decay=0.01",
        "sf-adamw:warmup=100,weight_decay=1e-4,lr=0.01;              sf-adamw:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.0001,warmup=100",
        "adam:lr=0.003@cosine:warmup=100,min=0.1;                    adam:lr=0.003,beta1=0.9,beta2=0.999,eps=1e-07@cosine:warmup=100,min=0.1",
        "adam @ COSINE : min = 0.1;                                  adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07@cosine:warmup=0,min=0.1",
        "sgd@constant;                                               sgd:lr=0.01",
        "momentum@step:gamma=0.5;                                    momentum:lr=0.01,momentum=0.9@step:every=1000,gamma=0.5",
        "sgd:lr=0.1@exp;                                             sgd:lr=0.1@exp:gamma=0.999",
        "muon@linear:warmup=10;                                      muon:lr=0.02,momentum=0.95,ns_steps=5,adam_lr=0.001,weight_decay=0@linear:warmup=10,min=0",
        "sf-adamw@wsd:decay=0.1,warmup=5;                            sf-adamw:lr=0.0025,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,warmup=0@wsd:warmup=5,decay=0.1",
    })
    void canonicalByHandAndRoundTrip(String spec, String canonical) {
        Optimizer parsed = Optimizers.parse(spec);
        assertEquals(canonical, parsed.toString());
        assertEquals(parsed, Optimizers.parse(parsed.toString()));
        assertEquals(parsed.hashCode(), Optimizers.parse(parsed.toString()).hashCode());
        assertEquals(canonical, OptimizerSpec.parse(spec).canonical());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "adam:lr=0.003@cosine:warmup=100,min=0.1 | adam:lr=0.003@cosine:warmup=100,min=0.1 | adam@cosine:warmup=100,min=0.1",
        "adam@cosine                             | adam:lr=0.001@cosine                    | adam@cosine",
        "momentum:momentum=0.5@wsd:decay=0.2     | momentum:lr=0.01,momentum=0.5@wsd       | momentum:momentum=0.5@wsd",
        "lion:lr=3e-4                            | lion:lr=0.0003                          | lion",
    })
    void briefAndFamilyCarryTheSchedule(String text, String brief, String family) {
        OptimizerSpec spec = OptimizerSpec.parse(text);
        assertEquals(brief, spec.brief());
        assertEquals(family, spec.family());
    }

    @ParameterizedTest
    @CsvSource({"adam, adam@cosine", "adam@cosine, adam@cosine:min=0.1", "adam@step, adam@exp"})
    void theScheduleIsPartOfEquality(String a, String b) {
        assertNotEquals(Optimizers.parse(a), Optimizers.parse(b));
        assertNotEquals(OptimizerSpec.parse(a), OptimizerSpec.parse(b));
    }

    @org.junit.jupiter.api.Test
    void gridHelpersKeepTheSchedule() {
        OptimizerSpec spec = OptimizerSpec.parse("adam:lr=0.003@cosine:warmup=100,min=0.1");
        assertEquals("adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-07@cosine:warmup=100,min=0.1",
                spec.with("lr", 0.01).canonical());
        assertEquals("adam:lr=0.003,beta1=0.9,beta2=0.999,eps=1e-07@cosine:warmup=50,min=0.1",
                spec.withSchedule("warmup", 50).canonical());
        assertEquals("adam:lr=0.003,beta1=0.9,beta2=0.999,eps=1e-07",
                spec.withSchedule(LearningRateSchedule.CONSTANT).canonical());
        assertEquals(List.of("warmup", "min"), List.copyOf(spec.schedule().hyperparameters().keySet()));
        // lr 0.003 × the cosine multiplier halfway through the decay (p = 1/2): 0.1 + 0.9·(1 + cos(π/2))/2 = 0.55.
        assertEquals(0.003 * 0.55, spec.learningRateAt(150, 200), 1e-15);
    }
}
