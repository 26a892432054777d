package io.fluentdl.experiments.runtime;

import io.fluentdl.internal.host.CpuInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The hardware a run used, read from {@code /proc/cpuinfo} and {@code nvidia-smi} when present. */
public final class Machine {

    private Machine() {
    }

    /** CPU model and logical cores, e.g. {@code AMD EPYC (2 logical cores)}. */
    public static String cpu() {
        String model = CpuInfo.model();
        return String.format("%s (%d logical cores)", model, Runtime.getRuntime().availableProcessors());
    }

    /** Whether the CPU advertises AVX-512 Foundation ({@code avx512f} in the flags). */
    public static boolean hasAvx512() {
        return Boolean.TRUE.equals(CpuInfo.hasAvx512());
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
}
