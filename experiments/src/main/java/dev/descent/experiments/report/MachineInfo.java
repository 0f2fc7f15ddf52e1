package dev.descent.experiments.report;

import dev.descent.experiments.cli.VersionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The machine and versions a report was made on, so its timings can be tied to hardware and code path: descent's
 * version, the JVM, the OS, the cores, the CPU model (Linux only) and the matrix kernels the network chose.
 */
final class MachineInfo {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private MachineInfo() {
    }

    /** Label → value, in display order. */
    static Map<String, String> collect() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("descent", VersionInfo.descentVersion());
        info.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        info.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        info.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        cpuModel().ifPresent(model -> info.put("CPU", model));
        info.put("kernels", VersionInfo.kernels());
        return info;
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(CPU_INFO).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
