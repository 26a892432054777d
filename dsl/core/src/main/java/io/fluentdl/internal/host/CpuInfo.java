package io.fluentdl.internal.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one reader of Linux's {@code /proc/cpuinfo} ({@code name : value} lines, one block per logical
 * CPU; the first block's values are used): the CPU model for provenance and benchmarks, and its flags
 * for choosing ND4J's native build. On other systems every field is absent.
 */
public final class CpuInfo {

    /** Where Linux describes the CPUs. */
    public static final Path PROC = Path.of("/proc/cpuinfo");

    private CpuInfo() {
    }

    /** The value of the first {@code name : value} line named {@code name}; empty when the file or line is missing. */
    public static Optional<String> field(Path cpuinfo, String name) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or not readable: the caller falls back
        }
        return Optional.empty();
    }

    /** The {@code model name} of this machine's CPU, else the {@code os.arch} property. */
    public static String model() {
        return model(PROC);
    }

    static String model(Path cpuinfo) {
        return field(cpuinfo, "model name").orElse(System.getProperty("os.arch", "unknown"));
    }

    /** Whether this machine's CPU has AVX-512 Foundation; null when {@code /proc/cpuinfo} cannot be read. */
    public static Boolean hasAvx512() {
        return hasAvx512(PROC);
    }

    /** Whether the {@code flags} line lists {@code avx512f} as a whole word (avx512vl alone is not enough); null when unknown. */
    public static Boolean hasAvx512(Path cpuinfo) {
        return field(cpuinfo, "flags").map(flags -> Arrays.asList(flags.split("\\s+")).contains("avx512f")).orElse(null);
    }
}
