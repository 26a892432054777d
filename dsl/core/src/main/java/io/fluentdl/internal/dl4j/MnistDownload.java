package io.fluentdl.internal.dl4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.deeplearning4j.resources.DataSetResource;
import org.eclipse.deeplearning4j.resources.ResourceDataSets;

/**
 * MNIST fetched by DL4J's own resources (what {@code MnistFetcher} uses), aimed at a folder of ours:
 * DL4J checks the MD5 of each archive, unpacks it and deletes the {@code .gz}.
 */
public final class MnistDownload {

    private MnistDownload() {
    }

    /** The four IDX files into {@code folder}, each tried {@code tries} times. */
    public static void into(Path folder, int tries, int connectTimeoutMs, int readTimeoutMs) throws IOException {
        java.io.File dir = folder.toFile();
        List<DataSetResource> resources = List.of(ResourceDataSets.mnistTrain(dir), ResourceDataSets.mnistTrainLabels(dir),
                ResourceDataSets.mnistTest(dir), ResourceDataSets.mnistTestLabels(dir));
        for (DataSetResource resource : resources) {
            resource.download(true, tries, connectTimeoutMs, readTimeoutMs);
        }
    }
}
