package dev.descent.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the main code of every module, read from the sources: a package depends on another when
 * its code (comments left out) names a class of it, by import or fully qualified. The graph has no cycle, nothing
 * depends on the command line ({@code experiments.cli}), {@code experiments.common} depends on no other package of
 * its module, and the leaf modules (optimizers, network, mnist-data) never name each other.
 */
class PackageGraphTest {
    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("optimizers", "network", "mnist-data", "experiments");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.descent(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** package → the other dev.descent packages its main code names. */
    private static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                    Matcher declared = PACKAGE.matcher(code);
                    if (!declared.find()) {
                        continue;
                    }
                    Set<String> uses = graph.computeIfAbsent(declared.group(1), name -> new TreeSet<>());
                    Matcher reference = REFERENCE.matcher(code);
                    while (reference.find()) {
                        if (!reference.group(1).equals(declared.group(1))) {
                            uses.add(reference.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    @Test
    void theGraphCoversEveryModule() {
        Map<String, Set<String>> graph = graph();
        for (String expected : List.of("dev.descent.optimizers", "dev.descent.network", "dev.descent.mnist",
                "dev.descent.experiments.cli", "dev.descent.experiments.common", "dev.descent.experiments.train")) {
            assertTrue(graph.containsKey(expected), expected + " in " + graph.keySet());
        }
        assertTrue(graph.get("dev.descent.experiments.cli").contains("dev.descent.experiments.pipeline"),
                "the reader finds dependencies: " + graph.get("dev.descent.experiments.cli"));
    }

    @Test
    void thereIsNoCycle() {
        Map<String, Set<String>> graph = graph();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            // Breadth-first from each package: a path back to it is a cycle.
            Map<String, String> cameFrom = new TreeMap<>();
            Deque<String> queue = new ArrayDeque<>(graph.get(start));
            graph.get(start).forEach(next -> cameFrom.put(next, start));
            while (!queue.isEmpty()) {
                String at = queue.poll();
                if (at.equals(start)) {
                    List<String> cycle = new ArrayList<>(List.of(start));
                    for (String step = cameFrom.get(start); !step.equals(start); step = cameFrom.get(step)) {
                        cycle.add(0, step);
                    }
                    cycle.add(0, start);
                    cycles.add(String.join(" -> ", cycle));
                    break;
                }
                for (String next : graph.getOrDefault(at, Set.of())) {
                    if (!cameFrom.containsKey(next)) {
                        cameFrom.put(next, at);
                        queue.add(next);
                    }
                }
            }
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    @Test
    void onlyTheTopNamesTheCommandLineAndTheBottomNamesNoSibling() {
        graph().forEach((name, uses) -> {
            assertTrue(!uses.contains("dev.descent.experiments.cli"), name + " depends on the command line");
            if (name.equals("dev.descent.experiments.common")) {
                assertTrue(uses.stream().noneMatch(use -> use.startsWith("dev.descent.experiments.")),
                        "common must stay at the bottom: " + uses);
            }
        });
    }

    @Test
    void theLeafModulesNeverNameEachOther() {
        Map<String, Set<String>> graph = graph();
        for (String leaf : List.of("dev.descent.optimizers", "dev.descent.network", "dev.descent.mnist")) {
            graph.forEach((name, uses) -> {
                if (name.startsWith(leaf)) {
                    assertTrue(uses.stream().allMatch(use -> use.startsWith(leaf)), name + " names " + uses);
                }
            });
        }
    }
}
