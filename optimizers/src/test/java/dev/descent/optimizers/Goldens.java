package dev.descent.optimizers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parity goldens written by {@code optimizers/src/test/python/make_goldens.py} (see its header): the shared
 * inputs ({@code gradients.txt}) and one file of cases per rule.
 */
final class Goldens {

    /** Shapes in the order the script lists them: W1 (5, 3), b1 (3), W2 (3, 6), b2 (6). */
    final Map<String, int[]> shapes = new LinkedHashMap<>();
    final Map<String, float[]> init = new LinkedHashMap<>();
    /** grads.get(s) holds the gradients of step s + 1. */
    final List<Map<String, float[]>> grads = new ArrayList<>();
    int steps;

    /** One hyperparameter set of one rule: the spec and, per checkpoint step and key, the expected values. */
    record Case(String spec, Map<Integer, Map<String, double[]>> check, Map<Integer, Map<String, double[]>> dev,
                Map<Integer, Map<String, double[]>> scale, Map<Integer, Map<String, double[]>> eval,
                Map<Integer, Map<String, double[]>> evalDev) {
    }

    static Goldens inputs() {
        Goldens goldens = new Goldens();
        for (String line : lines("gradients.txt")) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "steps" -> goldens.steps = Integer.parseInt(parts[1]);
                case "params" -> {
                    for (int i = 1; i < parts.length; i += 2) {
                        String[] dims = parts[i + 1].split(",");
                        int[] shape = new int[dims.length];
                        for (int d = 0; d < dims.length; d++) {
                            shape[d] = Integer.parseInt(dims[d]);
                        }
                        goldens.shapes.put(parts[i], shape);
                    }
                }
                case "init" -> goldens.init.put(parts[1], floats(parts, 2));
                case "grad" -> {
                    int step = Integer.parseInt(parts[1]);
                    while (goldens.grads.size() < step) {
                        goldens.grads.add(new LinkedHashMap<>());
                    }
                    goldens.grads.get(step - 1).put(parts[2], floats(parts, 3));
                }
                default -> throw new IllegalStateException("gradients.txt: unknown line '" + parts[0] + "'");
            }
        }
        return goldens;
    }

    static List<Case> cases(String rule) {
        List<Case> cases = new ArrayList<>();
        Case current = null;
        for (String line : lines(rule + ".txt")) {
            String[] parts = line.split(" ");
            if (parts[0].equals("case")) {
                current = new Case(parts[1], new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                        new HashMap<>());
                cases.add(current);
                continue;
            }
            Map<Integer, Map<String, double[]>> target = switch (parts[0]) {
                case "check" -> current.check();
                case "dev" -> current.dev();
                case "scale" -> current.scale();
                case "eval" -> current.eval();
                case "evaldev" -> current.evalDev();
                default -> throw new IllegalStateException(rule + ".txt: unknown line '" + parts[0] + "'");
            };
            double[] values = new double[parts.length - 3];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.parseDouble(parts[i + 3]);
            }
            target.computeIfAbsent(Integer.parseInt(parts[1]), s -> new LinkedHashMap<>()).put(parts[2], values);
        }
        return cases;
    }

    private static float[] floats(String[] parts, int from) {
        float[] values = new float[parts.length - from];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(parts[from + i]);
        }
        return values;
    }

    private static List<String> lines(String file) {
        try (InputStream in = Goldens.class.getResourceAsStream("/goldens/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource goldens/" + file
                        + "; HINT: run /usr/bin/python3 optimizers/src/test/python/make_goldens.py");
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
