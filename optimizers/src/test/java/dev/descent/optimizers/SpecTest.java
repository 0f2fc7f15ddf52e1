package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec strings: canonical form, round trip, defaults, leniency where intended, and every error message. */
class SpecTest {

    @Test
    void namesInSpecOrder() {
        assertEquals(List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "amsgrad", "nadam",
                "adamax", "adadelta", "radam", "lion", "nesterov-book", "muon", "sf-adamw"), Optimizers.names());
        assertThrows(UnsupportedOperationException.class, () -> Optimizers.names().add("adamw"));
    }

    /** The defaults of issue 2, written out by hand, and the no-arg constructor that should give them. */
    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of("sgd", "sgd:lr=0.01", (Supplier<Optimizer>) Sgd::new, Sgd.class),
                Arguments.of("momentum", "momentum:lr=0.01,momentum=0.9", (Supplier<Optimizer>) Momentum::new,
                        Momentum.class),
                Arguments.of("nesterov", "nesterov:lr=0.01,momentum=0.9", (Supplier<Optimizer>) Nesterov::new,
                        Nesterov.class),
                Arguments.of("adagrad", "adagrad:lr=0.01,eps=1e-07", (Supplier<Optimizer>) AdaGrad::new,
                        AdaGrad.class),
                Arguments.of("rmsprop", "rmsprop:lr=0.01,decay=0.99,eps=1e-07", (Supplier<Optimizer>) RmsProp::new,
                        RmsProp.class),
                Arguments.of("adam", "adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07", (Supplier<Optimizer>) Adam::new,
                        Adam.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void bareNameGivesTheBooksDefaults(String name, String canonical, Supplier<Optimizer> noArg, Class<?> type) {
        Optimizer parsed = Optimizers.parse(name);
        assertInstanceOf(type, parsed);
        assertEquals(name, parsed.name());
        assertEquals(canonical, parsed.toString());
        assertEquals(noArg.get(), parsed);
        assertEquals(canonical, noArg.get().toString());
    }

    @Test
    void hyperparametersAreOrderedAndUnmodifiable() {
        Map<String, Double> hyperparameters = Optimizers.parse("adam:eps=1e-8,lr=0.3").hyperparameters();
        assertEquals(List.of("lr", "beta1", "beta2", "eps"), List.copyOf(hyperparameters.keySet()));
        assertEquals(List.of(0.3, 0.9, 0.999, 1e-8), List.copyOf(hyperparameters.values()));
        assertThrows(UnsupportedOperationException.class, () -> hyperparameters.put("lr", 1.0));
        assertEquals(List.of("lr", "decay", "eps"), List.copyOf(new RmsProp().hyperparameters().keySet()));
        assertEquals(List.of("lr", "momentum"), List.copyOf(new Nesterov().hyperparameters().keySet()));
        assertEquals(List.of("lr", "eps"), List.copyOf(new AdaGrad().hyperparameters().keySet()));
    }

    /** Every key set away from its default, to distinct values, so a swapped constructor argument shows. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "sgd:lr=0.95;                                  sgd:lr=0.95",
        "momentum:momentum=0.8,lr=0.1;                 momentum:lr=0.1,momentum=0.8",
        "nesterov:lr=0.2,momentum=0.7;                 nesterov:lr=0.2,momentum=0.7",
        "adagrad:eps=1e-8,lr=1.5;                      adagrad:lr=1.5,eps=1e-08",
        "rmsprop:eps=0.000001,decay=0.9,lr=0.1;        rmsprop:lr=0.1,decay=0.9,eps=1e-06",
        "adam:beta2=0.99,eps=1e-8,lr=0.3,beta1=0.8;    adam:lr=0.3,beta1=0.8,beta2=0.99,eps=1e-08",
        "adam:lr=90;                                   adam:lr=90,beta1=0.9,beta2=0.999,eps=1e-07",
        "momentum:momentum=0;                          momentum:lr=0.01,momentum=0",
        "sgd:lr=0.30000000000000004;                   sgd:lr=0.30000000000000004",
        "adam:lr=2.5e-5;                               adam:lr=2.5e-05,beta1=0.9,beta2=0.999,eps=1e-07",
    })
    void roundTrip(String spec, String canonical) {
        Optimizer parsed = Optimizers.parse(spec);
        assertEquals(canonical, parsed.toString());
        Optimizer again = Optimizers.parse(parsed.toString());
        assertEquals(parsed, again);
        assertEquals(parsed.hashCode(), again.hashCode());
        assertEquals(canonical, again.toString());
        assertEquals(parsed.hyperparameters(), again.hyperparameters());
    }

    @Test
    void constructorsAndSpecsAgree() {
        assertEquals(new Sgd(0.95), Optimizers.parse("sgd:lr=0.95"));
        assertEquals(new Momentum(0.1, 0.8), Optimizers.parse("momentum:lr=0.1,momentum=0.8"));
        assertEquals(new Momentum(0.1), Optimizers.parse("momentum:lr=0.1"));
        assertEquals(new Nesterov(0.2, 0.7), Optimizers.parse("nesterov:lr=0.2,momentum=0.7"));
        assertEquals(new Nesterov(0.2), Optimizers.parse("nesterov:lr=0.2"));
        assertEquals(new AdaGrad(1.5, 1e-8), Optimizers.parse("adagrad:lr=1.5,eps=1e-8"));
        assertEquals(new AdaGrad(1.5), Optimizers.parse("adagrad:lr=1.5"));
        assertEquals(new RmsProp(0.1, 0.9, 1e-6), Optimizers.parse("rmsprop:lr=0.1,decay=0.9,eps=1e-6"));
        assertEquals(new RmsProp(0.1), Optimizers.parse("rmsprop:lr=0.1"));
        assertEquals(new Adam(0.3, 0.8, 0.99, 1e-8), Optimizers.parse("adam:lr=0.3,beta1=0.8,beta2=0.99,eps=1e-8"));
        assertEquals(new Adam(0.3), Optimizers.parse("adam:lr=0.3"));
    }

    @Test
    void differentHyperparametersOrRulesAreNotEqual() {
        assertNotEquals(Optimizers.parse("adam:lr=0.3"), Optimizers.parse("adam:lr=0.2"));
        assertNotEquals(Optimizers.parse("momentum:lr=0.1"), Optimizers.parse("nesterov:lr=0.1"));
        assertNotEquals(Optimizers.parse("adagrad"), Optimizers.parse("adagrad:eps=1e-8"));
    }

    @Test
    void namesAndKeysAreCaseInsensitiveAndWhitespaceIsTrimmed() {
        Optimizer expected = new Adam(0.3, 0.8, 0.999, 1e-7);
        assertEquals(expected, Optimizers.parse("ADAM:LR=0.3,Beta1=0.8"));
        assertEquals(expected, Optimizers.parse("  Adam : lr = 0.3 ,  beta1=0.8  "));
        assertEquals(expected, Optimizers.parse("adam:\tbeta1 =.8, lr=3e-1"));
        assertEquals(new RmsProp(0.1), Optimizers.parse("RMSProp:lr=0.1"));
    }

    @Test
    void negativeZeroReadsAsZero() {
        Optimizer fromNegativeZero = Optimizers.parse("momentum:momentum=-0");
        assertEquals(Optimizers.parse("momentum:momentum=0"), fromNegativeZero);
        assertEquals(fromNegativeZero, Optimizers.parse(fromNegativeZero.toString()));
    }

    @Test
    void everyParseIsAFreshOptimizer() {
        Optimizer first = Optimizers.parse("adam:lr=0.3");
        Optimizer second = Optimizers.parse("adam:lr=0.3");
        assertNotSame(first, second);
        assertEquals(first, second);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "adamz:lr=1              | unknown optimizer 'adamz' in spec 'adamz:lr=1' | valid names: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, amsgrad, nadam, adamax, adadelta, radam, lion, nesterov-book, muon, sf-adamw",
        "adamw:weight_decay=-1   | weight_decay must be >= 0 and finite, got -1   | in spec 'adamw:weight_decay=-1'",
        "muon:ns_steps=2.5       | ns_steps must be a whole number >= 1, got 2.5  | muon:",
        "sf-adamw:warmup=-1      | warmup must be a whole number >= 0, got -1     | sf-adamw:",
        "adam@                   | missing schedule after '@' in spec 'adam@'     | valid schedules: constant, step, exp, linear, cosine, wsd",
        "@cosine                 | missing optimizer before '@'                   | valid names: sgd",
        "adam@cosine@wsd         | more than one '@'                              | e.g. adam@cosine:warmup=100",
        "adam@cosin              | unknown schedule 'cosin' in spec 'adam@cosin'  | valid schedules: constant, step",
        "adam@cosine:warm=1      | unknown key 'warm' for cosine in spec 'adam@cosine:warm=1' | valid keys for cosine: warmup, min",
        "adam@cosine:min=2       | cosine schedule: min must be in [0, 1], got 2  | in spec 'adam@cosine:min=2'",
        "adam@step:every=0       | step schedule: every must be a whole number >= 1, got 0 | adam@step",
        "adam@exp:gamma=0        | exp schedule: gamma must be in (0, 1], got 0   | adam@exp",
        "adam@wsd:decay=0        | wsd schedule: decay must be in (0, 1], got 0   | adam@wsd",
        "adam@constant:x=1       | schedule 'constant' takes no keys              | adam@constant",
        "sgdm                    | unknown optimizer 'sgdm'                       | valid names: sgd, momentum, nesterov, adagrad, rmsprop, adam",
        "\"\"                    | empty optimizer spec                           | valid names: sgd, momentum",
        "\"   \"                 | empty optimizer spec                           | e.g. adam or adam:lr=0.001",
        ":lr=1                   | missing optimizer name before ':'              | valid names: sgd",
        "adam:beta3=1            | unknown key 'beta3' for adam in spec 'adam:beta3=1' | valid keys for adam: lr, beta1, beta2, eps",
        "momentum:mu=0.5         | unknown key 'mu' for momentum                  | valid keys for momentum: lr, momentum",
        "rmsprop:rho=0.9         | unknown key 'rho' for rmsprop                  | valid keys for rmsprop: lr, decay, eps",
        "sgd:eps=1e-8            | unknown key 'eps' for sgd                      | valid keys for sgd: lr",
        "adam:lr=                | missing value for 'lr' in spec 'adam:lr='      | lr=0.001",
        "adam:lr                 | missing '=' in 'lr' in spec 'adam:lr'          | valid keys for adam: lr, beta1, beta2, eps",
        "adam:=0.1               | missing key before '=0.1'                      | valid keys for adam",
        "adam:                   | nothing after ':' in spec 'adam:'              | write 'adam' alone for the defaults",
        "\"adam:lr=0.1,\"        | empty key=value pair in spec 'adam:lr=0.1,'    | valid keys for adam",
        "\"adam:lr=0.1,,beta1=0.8\" | empty key=value pair                        | a stray comma?",
        "\"adam:lr=0.1,LR=0.2\"  | duplicate key 'lr' in spec 'adam:lr=0.1,LR=0.2' | give each key at most once",
        "adam:lr=abc             | value 'abc' for 'lr' in spec 'adam:lr=abc' is not a number | such as 0.001 or 1e-07",
        "adam:lr=0x1p-3          | value '0x1p-3' for 'lr'                        | is not a number",
        "adam:lr=1f              | value '1f' for 'lr'                            | is not a number",
        "sgd:lr=-1               | lr must be > 0 and finite, got -1              | in spec 'sgd:lr=-1'",
        "sgd:lr=0                | lr must be > 0 and finite, got 0               | sgd:",
        "sgd:lr=nan              | lr must be > 0 and finite, got NaN             | in spec 'sgd:lr=nan'",
        "sgd:lr=inf              | lr must be > 0 and finite, got Infinity        | in spec 'sgd:lr=inf'",
        "momentum:momentum=1     | momentum must be in [0, 1), got 1              | in spec 'momentum:momentum=1'",
        "nesterov:momentum=-0.1  | momentum must be in [0, 1), got -0.1           | nesterov:",
        "rmsprop:decay=1         | decay must be in [0, 1), got 1                 | in spec 'rmsprop:decay=1'",
        "rmsprop:decay=NaN       | decay must be in [0, 1), got NaN               | rmsprop:",
        "adam:beta1=1            | beta1 must be in [0, 1), got 1                 | adam:",
        "adam:beta2=1.5          | beta2 must be in [0, 1), got 1.5               | in spec 'adam:beta2=1.5'",
        "adagrad:eps=0           | eps must be > 0 and finite, got 0              | in spec 'adagrad:eps=0'",
        "adam:eps=-1e-8          | eps must be > 0 and finite, got -1e-08         | adam:",
        // float32's smallest normal number is 2^-126 ≈ 1.1754944e-38 and its largest (2 − 2^-23)·2^127 ≈ 3.4028235e38.
        "adam:lr=1e-50           | lr = 1e-50 is outside the range of float32     | between about 1.2e-38 and 3.4e+38",
        "sgd:lr=1e-39            | lr = 1e-39 is outside the range of float32     | sgd:",
        "adagrad:eps=1e39        | eps = 1e+39 is outside the range of float32    | in spec 'adagrad:eps=1e39'",
    })
    void badSpecsSayWhatIsWrongAndWhatIsValid(String spec, String problem, String remedy) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.parse(spec));
        assertTrue(e.getMessage().contains(problem), () -> "message '" + e.getMessage() + "' lacks '" + problem + "'");
        assertTrue(e.getMessage().contains(remedy), () -> "message '" + e.getMessage() + "' lacks '" + remedy + "'");
    }

    @Test
    void nullSpecIsRejectedWithTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.parse(null));
        assertTrue(e.getMessage().contains("valid names: sgd, momentum, nesterov, adagrad, rmsprop, adam"), e.getMessage());
    }

    @Test
    void constructorsRejectBadValuesNamingOptimizerKeyAndValue() {
        assertMessage("sgd: lr must be > 0 and finite, got -1", () -> new Sgd(-1));
        assertMessage("momentum: momentum must be in [0, 1), got 1", () -> new Momentum(0.1, 1));
        assertMessage("nesterov: lr must be > 0 and finite, got Infinity", () -> new Nesterov(Double.POSITIVE_INFINITY));
        assertMessage("adagrad: eps must be > 0 and finite, got NaN", () -> new AdaGrad(0.1, Double.NaN));
        assertMessage("rmsprop: decay must be in [0, 1), got -0.5", () -> new RmsProp(0.1, -0.5, 1e-7));
        assertMessage("adam: beta2 must be in [0, 1), got 1", () -> new Adam(0.001, 0.9, 1, 1e-7));
        assertMessage("adam: beta1 must be in [0, 1), got NaN", () -> new Adam(0.001, Double.NaN, 0.999, 1e-7));
    }

    private static void assertMessage(String expected, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
        assertEquals(expected, e.getMessage());
    }
}
