package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fluentdl.data.MnistData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which data set a run trained on, in {@code results.json} and {@code provenance.json}: its name
 * ({@code --dataset-name}, else "MNIST" when the files are MNIST's, else the folder's name), where it
 * was found, whether it is MNIST by the files' SHA-256 sums, and those sums.
 *
 * @param name    what the data set is, as tables and reports print it
 * @param source  how the files were found (given folder, environment variable, DL4J cache, shipped copy)
 * @param isMnist whether the four files are LeCun's MNIST; MNIST reference numbers are shown only then
 * @param sha256  each file's name to its SHA-256
 */
@JsonPropertyOrder({"name", "source", "isMnist", "sha256"})
public record DatasetInfo(String name, String source, boolean isMnist, Map<String, String> sha256) {

    public DatasetInfo {
        sha256 = sha256 == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }

    /** The identity of IDX data loaded through {@link io.fluentdl.data.Mnist}. */
    public static DatasetInfo of(MnistData data) {
        return new DatasetInfo(data.name(), data.source(), data.isMnist(), data.sha256());
    }
}
