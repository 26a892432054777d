package io.fluentdl.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.MetricsCsv;
import io.fluentdl.experiments.results.Provenance;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner writes the same files, consistently, for any experiment (here the toy one). */
class RunCommandTest {

    @Test
    void runWritesEveryFileAndTheyAgree(@TempDir Path out) throws IOException {
        Cli.Outcome o = Cli.run(Cli.toyRegistry(), "run", "toy", "--quick", "--seed", "7", "--out", out.toString(), "--quiet");

        assertEquals(0, o.exitCode(), o.err());
        Path dir = out.resolve("toy");
        Results results = Json.read(RunFiles.results(dir), Results.class);
        assertEquals(List.of(7L, 8L), results.seeds());
        assertEquals(4, results.epochs());
        assertEquals(MetricsCsv.render(results), Files.readString(RunFiles.metrics(dir)));
        Provenance provenance = Json.read(RunFiles.provenance(dir), Provenance.class);
        assertEquals("./fluentdl run toy --quick --seed 7 --out " + out + " --quiet", provenance.commandLine());
        assertEquals(List.of("fast", "slow"), provenance.variants().stream().map(Provenance.Variant::name).toList());
        assertEquals("fast", provenance.variants().get(0).spec().get("name").asText());
        assertTrue(provenance.backend().nativeBuild().startsWith("linux-x86_64"), provenance.backend().nativeBuild());
        // provenance.json's keys are a contract; the machine in it is the tracker's one record of it
        assertEquals(List.of("experiment", "commandLine", "start", "end", "seeds", "epochs", "fluentdlVersion",
                "dl4jVersion", "java", "os", "arch", "cpu", "gpu", "backend", "variants"),
                iterable(Json.MAPPER.readTree(RunFiles.provenance(dir).toFile()).fieldNames()));
        io.fluentdl.track.SystemInfo machine = io.fluentdl.track.SystemInfo.current();
        assertEquals(List.of(machine.java(), machine.os(), machine.arch(), machine.cpu(), machine.gpu(),
                        machine.dl4jVersion(), machine.nd4jBackend(), machine.environment()),
                List.of(provenance.java(), provenance.os(), provenance.arch(), provenance.cpu(), provenance.gpu(),
                        provenance.dl4jVersion(), provenance.backend().nd4jBackend(), provenance.backend().environment()));
        assertTrue(Files.exists(RunFiles.report(dir)));
        assertTrue(Files.exists(out.resolve("fluentdl.log")));
        assertTrue(o.out().contains("n/a (2 never)"), o.out());
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList(), "no temp files");
        }
    }

    @Test
    void epochsOverrideTheExperimentsDefault(@TempDir Path out) throws IOException {
        Cli.Outcome o = Cli.run(Cli.toyRegistry(), "run", "all", "--epochs", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, o.exitCode(), o.err());
        Results results = Json.read(RunFiles.results(out.resolve("toy")), Results.class);
        assertEquals(2, results.epochs());
        assertEquals(5, results.seeds().size());
    }

    @Test
    void unavailableBackendFailsWithOneLineAndExitCode1(@TempDir Path out) {
        Cli.Outcome o = Cli.run(Cli.toyRegistry(), "run", "toy", "--backend", "cuda", "--out", out.toString());
        assertEquals(1, o.exitCode(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        // this CPU build: "no NVIDIA driver found" here, "... the CPU backend only" on a machine with a GPU
        assertTrue(o.err().contains("--backend cuda: "), o.err());
        assertTrue(o.err().contains("Add --fallback-cpu to run on the CPU instead."), o.err());
        assertTrue(o.err().contains("details: "), o.err());
    }

    @Test
    void fallbackCpuRunsOnTheCpuAndSaysWhy(@TempDir Path out) throws IOException {
        Cli.Outcome o = Cli.run(Cli.toyRegistry(), "run", "toy", "--quick", "--backend", "cuda", "--fallback-cpu",
                "--out", out.toString(), "--quiet");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("backend: CPU (nd4j-native), falling back from CUDA (--fallback-cpu): "), o.out());
        Provenance provenance = Json.read(RunFiles.provenance(out.resolve("toy")), Provenance.class);
        assertEquals("cuda", provenance.backend().requested());
        assertTrue(provenance.backend().nd4jBackend().contains("CpuBackend"), provenance.backend().nd4jBackend());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> all = new java.util.ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
