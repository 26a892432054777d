package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Dataset;
import io.fluentdl.graph.Input;
import io.fluentdl.graph.Layers;
import io.fluentdl.graph.Node;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Adam;
import io.fluentdl.report.ParamCount;
import io.fluentdl.report.Summary;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Image inputs in a graph: two conv branches concatenated by channel, flattened, trained. */
class FunctionalImagesTest {

    /** image (8, 8, 1) → conv 3x3 (4) and conv 3x3 (2) → concatenate (6, 6, 6) → BN → max pool 2 → flatten → softmax 2. */
    static GraphSpec branches(BnPlacement placement) {
        Node image = Input.of("image", 8, 8, 1);
        Node left = Layers.conv2d(4, 3, RELU).apply(image);
        Node right = Layers.conv2d(2, 3, RELU).apply(image);
        Node joined = Layers.batchNorm().apply(Layers.concatenate(left, right));
        Node flat = Layers.flatten().apply(Layers.maxPool(2).apply(joined));
        Node y = Layers.output(2, SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY).apply(flat);
        return Functional.model("branches", image, y).batchNormPlacement(placement).optimizer(Adam.of(0.01)).seed(5).build();
    }

    @Test
    void concatenatedConvBranchesHaveKerasShapesAndCounts() {
        Summary table = branches(BnPlacement.AS_WRITTEN).table();
        List<String> shapes = table.rows().stream().map(r -> r.name() + r.outputShape()).toList();

        assertEquals(List.of("image[8, 8, 1]", "conv2d_1[6, 6, 4]", "conv2d_2[6, 6, 2]", "concatenate_1[6, 6, 6]",
                "batch_norm_1[6, 6, 6]", "max_pooling2d_1[3, 3, 6]", "flatten_1[54]", "output_1[2]"), shapes);
        // conv 3·3·1·4 + 4 = 40 and 3·3·1·2 + 2 = 20; BN 4 per channel (2 non-trainable); output 54·2 + 2 = 110
        assertEquals(new ParamCount(40 + 20 + 24 + 110, 40 + 20 + 12 + 110, 12), table.total());
    }

    @Test
    void noneLeavesTheBatchNormOut() {
        GraphSpec spec = branches(BnPlacement.NONE);

        assertEquals(40 + 20 + 110, spec.params().total());
        // the pooling reads the concatenation directly: the batch norm has no row and no DL4J layer
        assertTrue(spec.summary().matches("(?s).*max_pooling2d_1 \\(MaxPooling2D\\)\\s+\\(None, 3, 3, 6\\)\\s+0\\s+concatenate_1\\s.*"),
                spec.summary());
        assertTrue(!spec.summary().contains("batch_norm"), spec.summary());
    }

    /** The class is whether the image's left half is brighter than its right: conv features see it at once. */
    @Test
    void trainsOnFlatImageRows() {
        Random random = new Random(9);
        int n = 300;
        double[][] x = new double[n][64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(2);
            for (int p = 0; p < 64; p++) {
                boolean left = p % 8 < 4;
                x[i][p] = random.nextDouble() + (left == (y[i] == 1) ? 0.5 : 0);
            }
        }
        Model model = Model.of(branches(BnPlacement.AS_WRITTEN)).verbose(0);
        double accuracy = model.fit(Dataset.of(x, y), 10, 30).last().trainAccuracy();
        assertTrue(accuracy >= 0.95, () -> "train accuracy " + accuracy);
    }
}
