package io.fluentdl.experiments.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The hardware a run used, read from {@code /proc/cpuinfo} and {@code nvidia-smi} when present. */
public final class Machine {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private Machine() {
    }

    /** CPU model and logical cores, e.g. {@code AMD EPYC (2 logical cores)}. */
    public static String cpu() {
        String model = cpuinfoField("model name").orElse(System.getProperty("os.arch"));
        return String.format("%s (%d logical cores)", model, Runtime.getRuntime().availableProcessors());
    }

    /** Whether the CPU advertises AVX-512 Foundation ({@code avx512f} in the flags). */
    public static boolean hasAvx512() {
        return cpuinfoField("flags").map(flags -> List.of(flags.split("\\s+")).contains("avx512f")).orElse(false);
    }

    /**
     * GPUs as {@code nvidia-smi} lists them (name, driver, compute capability), or {@code none found}.
     * Asks with a short timeout: a hung driver must not hang the run.
     */
    public static String gpu() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,driver_version,compute_cap",
                    "--format=csv,noheader").redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "nvidia-smi did not answer within 10 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && !out.isEmpty() ? out.replace('\n', ';')
                    : String.format("none found (nvidia-smi: %s)", out);
        } catch (IOException e) {
            return "none found (no nvidia-smi)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    private static Optional<String> cpuinfoField(String name) {
        try {
            for (String line : Files.readAllLines(CPUINFO)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
