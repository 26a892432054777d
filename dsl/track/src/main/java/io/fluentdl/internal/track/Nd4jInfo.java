package io.fluentdl.internal.track;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** The ND4J backend a run used, for its provenance: backend class, float type, BLAS vendor, threads. */
public final class Nd4jInfo {

    private Nd4jInfo() {
    }

    /** {@code nd4j.backend}, {@code nd4j.dtype}, {@code nd4j.blas.vendor}, ...; the backend as unknown when ND4J cannot load. */
    public static Map<String, Object> backend(String unknown) {
        Map<String, Object> p = new LinkedHashMap<>();
        try {
            p.put("nd4j.backend", Nd4j.getBackend().getClass().getName());
            p.put("nd4j.dtype", Nd4j.defaultFloatingPointType().toString());
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            for (String key : new String[] {"blas.vendor", "omp.threads", "cores"}) {
                Object value = env.get(key);
                if (value != null) {
                    p.put("nd4j." + key, value.toString());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            p.put("nd4j.backend", String.format("%s (%s)", unknown, e.getClass().getSimpleName()));
        }
        return p;
    }
}
