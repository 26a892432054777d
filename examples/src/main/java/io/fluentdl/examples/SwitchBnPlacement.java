package io.fluentdl.examples;

import static io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION;
import static io.fluentdl.layers.BnPlacement.BEFORE_ACTIVATION;
import static io.fluentdl.layers.BnPlacement.NONE;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;

/**
 * Switching batch-norm placement with one line and comparing accuracies on make_circles: the case study
 * without BN, with BN after the ReLU and with BN before it (published: 0.838/0.846, 0.846/0.848,
 * 0.826/0.830 train/test after 100 epochs). Kotlin twin: {@code SwitchBnPlacement.kt}.
 */
public final class SwitchBnPlacement {

    public static final int EPOCHS = 100;
    public static final int QUICK_EPOCHS = 30;
    public static final int BATCH_SIZE = 32;

    private SwitchBnPlacement() {
    }

    /** The case study with batch norm placed as asked: the variants differ in this one line. */
    public static ModelSpec switchedTo(BnPlacement placement) {
        return CaseStudyModel.spec(NONE).toBuilder().batchNormPlacement(placement).build();
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args);
        int epochs = options.epochs(QUICK_EPOCHS, EPOCHS);
        // 1. Data: make_circles(n=1000, noise=0.1, seed=1); the first half trains, the second half tests
        Dataset all = Circles.dataset(1000, 0.1, 1);
        Dataset train = all.slice(0, 500);
        Dataset test = all.slice(500, 1000);
        System.out.printf("%d epochs, batch %d%n%-18s %6s %6s  %s%n", epochs, BATCH_SIZE,
                "BN placement", "train", "test", "first epoch with test >= 0.80");
        for (BnPlacement placement : new BnPlacement[] {NONE, AFTER_ACTIVATION, BEFORE_ACTIVATION}) {
            // 2. Train the variant, measuring both sets after every epoch
            History history = Model.of(switchedTo(placement)).fit(train, epochs, BATCH_SIZE, test);
            // 3. Compare: final accuracies, and how soon the test accuracy passed 80%
            EpochMetrics last = history.last();
            String reached = history.epochs().stream().filter(m -> m.validationAccuracy() >= 0.80).findFirst()
                    .map(m -> Integer.toString(m.epoch())).orElse("-");
            System.out.printf("%-18s %6.3f %6.3f  %s%n", placement, last.trainAccuracy(), last.validationAccuracy(), reached);
        }
    }
}
