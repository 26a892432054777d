package io.fluentdl.experiments.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Mnist;
import io.fluentdl.data.MnistData;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import io.fluentdl.experiments.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set of MNIST's IDX format that is not MNIST (here MNIST's first images with inverted
 * pixels, standing in for Fashion-MNIST) is named for what it is everywhere, and MNIST's reference
 * numbers are not shown beside its results.
 */
class OtherIdxDataSetTest {

    @TempDir
    Path temp;

    @Test
    void resultsTableReportAndProvenanceNameTheDataSetAndShowNoMnistReference() throws IOException {
        Path data = writeInverted(temp.resolve("fashion-mnist"), 200, 100);
        Path out = temp.resolve("out");
        System.setProperty(MnistRuns.LIMIT_PROPERTY, "200,100");
        Cli.Outcome o;
        try {
            o = Cli.run(Experiments.registry(), "run", "keras-mnist-mlp", "--quick", "--epochs", "1", "--seeds", "1",
                    "--quiet", "--data", data.toString(), "--dataset-name", "Fashion-MNIST", "--out", out.toString());
        } finally {
            System.clearProperty(MnistRuns.LIMIT_PROPERTY);
        }
        assertEquals(0, o.exitCode(), o.err());
        Path dir = out.resolve("keras-mnist-mlp");
        JsonNode results = Json.MAPPER.readTree(RunFiles.results(dir).toFile());
        assertEquals("Fashion-MNIST", results.get("dataset").get("name").asText());
        assertFalse(results.get("dataset").get("isMnist").asBoolean());
        assertTrue(results.get("dataset").get("source").asText().contains(data.toString()));
        assertEquals("{\"source\":\"\"}", results.get("reference").toString(), "no MNIST reference beside other data");
        assertTrue(o.out().contains("keras-mnist-mlp on Fashion-MNIST: 1 seed [1], 1 epochs"), o.out());
        assertFalse(o.out().contains("reference:"), o.out());
        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("data: <b>Fashion-MNIST</b>"));
        assertFalse(report.contains("0.9840"), "Keras' MNIST figure must not appear");
        JsonNode provenance = Json.MAPPER.readTree(dir.resolve("provenance.json").toFile());
        assertEquals(results.get("dataset"), provenance.get("dataset"));
    }

    @Test
    void withoutANameTheFolderNamesIt() throws IOException {
        Path data = writeInverted(temp.resolve("inverted-digits"), 20, 10);
        MnistData loaded = Mnist.load(data);
        assertEquals("inverted-digits", loaded.name());
        assertFalse(loaded.isMnist());
    }

    /** The first images of MNIST with pixels 255 - p, as four IDX .gz files. */
    static Path writeInverted(Path folder, int train, int test) throws IOException {
        MnistData mnist = Mnist.load(Mnist.shipped().orElseThrow(), train, test);
        Files.createDirectories(folder);
        write(folder, "train", mnist.train());
        write(folder, "t10k", mnist.test());
        return folder;
    }

    private static void write(Path folder, String prefix, Dataset data) throws IOException {
        int n = data.size();
        float[] pixels = Model.features(data).dup().data().asFloat();
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream img = new DataOutputStream(images);
        img.writeInt(2051);
        img.writeInt(n);
        img.writeInt(28);
        img.writeInt(28);
        for (float p : pixels) {
            img.writeByte(255 - Math.round(p * 255));
        }
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream lab = new DataOutputStream(labels);
        lab.writeInt(2049);
        lab.writeInt(n);
        for (int i = 0; i < n; i++) {
            lab.writeByte(Model.labels(data).getRow(i).argMax().getInt(0));
        }
        gzip(folder.resolve(prefix + "-images-idx3-ubyte.gz"), images.toByteArray());
        gzip(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), labels.toByteArray());
    }

    private static void gzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }
}
