package dev.descent.experiments.common;

import dev.descent.network.Kernels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The machine and versions a result was made on, so a timing can be tied to hardware and code path: descent's
 * version, the JVM, the OS, the cores, the CPU model (Linux only) and the matrix kernels the network chose. The
 * one source of {@code descent --version}, the {@code machine} of {@code summary.json} and the report's table.
 */
public final class MachineInfo implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.descent/experiments/pom.properties";
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final String UNKNOWN = "unknown";

    /** Key → value, in display order: descent, java, os, cores, cpu (when known), kernels. */
    public static Map<String, String> collect() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("descent", descentVersion());
        info.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        info.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String cpu = cpuModel();
        if (cpu != null) {
            info.put("cpu", cpu);
        }
        info.put("kernels", kernels());
        return info;
    }

    /** The lines of {@code descent --version}. */
    @Override
    public String[] getVersion() {
        Map<String, String> info = collect();
        return new String[] {"descent " + info.get("descent"), "java " + info.get("java"),
            "os " + info.get("os") + ", " + info.get("cores") + " cores", "kernels " + info.get("kernels")};
    }

    /** The project version from the jar's Maven metadata, or {@code unknown} when run from classes. */
    public static String descentVersion() {
        try (InputStream in = MachineInfo.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static String kernels() {
        try {
            return Kernels.describe();
        } catch (LinkageError e) {
            // Typically the Vector API module is missing: the JVM was started without --add-modules.
            return UNKNOWN + " (" + e + ")";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(CPU_INFO).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
