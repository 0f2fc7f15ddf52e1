package dev.descent.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The lines {@code descent --version} prints: the descent version, the JVM, the machine, and which matrix
 * kernels the network module chose (so a reported timing can be tied to the code path that produced it).
 */
public final class VersionInfo implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.descent/experiments/pom.properties";
    // Looked up by name so that this module compiles and runs even when the network module lacks the class.
    private static final String KERNELS_CLASS = "dev.descent.network.Kernels";
    private static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        return lines();
    }

    /** The version lines, also used by later reports (machine and version info). */
    public static String[] lines() {
        Runtime runtime = Runtime.getRuntime();
        return new String[] {
            "descent " + descentVersion(),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")",
            "os " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + runtime.availableProcessors() + " cores",
            "kernels " + kernels(),
        };
    }

    /** The project version from the jar's Maven metadata, or {@code unknown} when run from classes. */
    public static String descentVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream(POM_PROPERTIES)) {
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

    /** {@code dev.descent.network.Kernels.describe()}, or {@code unknown} when it cannot be called. */
    public static String kernels() {
        try {
            Object description = Class.forName(KERNELS_CLASS).getMethod("describe").invoke(null);
            return description == null ? UNKNOWN : description.toString();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            return UNKNOWN + " (" + cause + ")";
        } catch (LinkageError e) {
            // Typically the Vector API module is missing: the JVM was started without --add-modules.
            return UNKNOWN + " (" + e + ")";
        }
    }
}
