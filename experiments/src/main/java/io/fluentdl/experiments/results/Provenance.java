package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The content of {@code provenance.json}: enough to know how a run was made and to make it again.
 *
 * @param experiment      the experiment's name
 * @param commandLine     the command as typed
 * @param start           when training started (ISO-8601 instant)
 * @param end             when it ended (ISO-8601 instant)
 * @param seeds           the seeds every variant ran with
 * @param epochs          epochs per run
 * @param fluentdlVersion FluentDL's version (from the experiments jar)
 * @param dl4jVersion     deeplearning4j-nn's version (from its pom.properties)
 * @param java            Java version and VM
 * @param os              operating system name and version
 * @param arch            CPU architecture as Java reports it
 * @param cpu             CPU model (from /proc/cpuinfo) and logical cores
 * @param gpu             GPUs found (nvidia-smi), or "none found"
 * @param backend         what ND4J ran on
 * @param variants        the spec JSON and summary of each variant
 * @param dataset         the data set read from files, with where it was found and its SHA-256 sums;
 *                        absent for generated data
 */
@JsonPropertyOrder({"experiment", "commandLine", "start", "end", "seeds", "epochs", "fluentdlVersion",
        "dl4jVersion", "java", "os", "arch", "cpu", "gpu", "backend", "dataset", "variants"})
public record Provenance(String experiment, String commandLine, String start, String end, List<Long> seeds,
                         int epochs, String fluentdlVersion, String dl4jVersion, String java, String os,
                         String arch, String cpu, String gpu, BackendInfo backend, List<Variant> variants,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) DatasetInfo dataset) {

    /**
     * What ND4J ran on.
     *
     * @param requested     {@code --backend}: cpu or cuda
     * @param nd4jBackend   the ND4J backend class in use
     * @param nativeBuild   the native build loaded, e.g. {@code linux-x86_64-avx512}
     * @param nativeLibrary the path of the loaded native library (JavaCPP cache)
     * @param choice        the one-line explanation of the build and threads chosen
     * @param environment   the environment variables that steer native speed (OMP_NUM_THREADS,
     *                      OPENBLAS_CORETYPE, ...), as the JVM saw them
     */
    @JsonPropertyOrder({"requested", "nd4jBackend", "nativeBuild", "nativeLibrary", "choice", "environment"})
    public record BackendInfo(String requested, String nd4jBackend, String nativeBuild, String nativeLibrary,
                              String choice, java.util.Map<String, String> environment) {
    }

    /**
     * One variant's spec.
     *
     * @param name    the variant's name
     * @param spec    its spec as JSON
     * @param summary its Keras-style summary
     */
    @JsonPropertyOrder({"name", "spec", "summary"})
    public record Variant(String name, JsonNode spec, String summary) {
    }
}
