package io.fluentdl.experiments;

import java.util.Locale;

/** The ND4J backend a run asks for with {@code --backend}. */
public enum Backend {
    CPU, CUDA;

    /** The spelling on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
