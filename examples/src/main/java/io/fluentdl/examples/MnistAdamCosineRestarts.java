package io.fluentdl.examples;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Mnist;
import io.fluentdl.data.MnistData;
import io.fluentdl.optim.Adam;
import io.fluentdl.schedule.CosineRestarts;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An MNIST MLP (784-512-256-10, ReLU, dropout 0.2) trained with Adam under cosine annealing with warm
 * restarts (SGDR, Loshchilov &amp; Hutter 2016: cycles of 2, 4, 8... epochs), evaluated, saved, loaded back
 * and evaluated again: the loaded model gives the same accuracy. Kotlin twin: {@code MnistAdamCosineRestarts.kt}.
 */
public final class MnistAdamCosineRestarts {

    /** Two whole cycles: 2 + 4 epochs, ending at the minimum rate. */
    public static final int EPOCHS = 6;
    public static final int QUICK_EPOCHS = 2;
    public static final int QUICK_TRAIN = 2_000;
    public static final int QUICK_TEST = 500;
    public static final int BATCH_SIZE = 128;

    private MnistAdamCosineRestarts() {
    }

    /** The MLP; {@code stepsPerEpoch} sets the schedule's first period (two epochs). */
    public static ModelSpec spec(int stepsPerEpoch) {
        LearningRate lr = CosineRestarts.peak(1e-3)
                .firstPeriod(Period.iterations(2L * stepsPerEpoch))
                .periodMultiplier(2.0)        // SGDR's T_mult: each cycle twice as long
                .minLearningRate(1e-5);
        return Sequential.named("mnist-mlp")
                .input(Mnist.PIXELS)
                .dense(512, RELU, HE_UNIFORM)
                .dropout(0.2)
                .dense(256, RELU, HE_UNIFORM)
                .dropout(0.2)
                .output(Mnist.CLASSES, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(lr))
                .seed(42)
                .build();
    }

    /** Mini-batches per epoch; the last one may be smaller. */
    public static int stepsPerEpoch(int trainSize) {
        return (trainSize + BATCH_SIZE - 1) / BATCH_SIZE;
    }

    public static void main(String[] args) throws IOException {
        ExampleArgs options = ExampleArgs.parse(args);
        int epochs = options.epochs(QUICK_EPOCHS, EPOCHS);
        // 1. Data: from --data, else FLUENTDL_MNIST_DIR, else DL4J's cache, else the shipped copy (--quick: the first 2,000 / 500 images)
        MnistData mnist = options.quick() ? Mnist.load(options.data(), QUICK_TRAIN, QUICK_TEST) : Mnist.load(options.data());
        System.out.printf("MNIST from %s: %d train, %d test images%n", mnist.source(), mnist.train().size(), mnist.test().size());
        // 2. Model and summary; the schedule counts mini-batches, so it needs the steps per epoch
        Model model = Model.of(spec(stepsPerEpoch(mnist.train().size())));
        System.out.println(model.spec().summary());
        // 3. Train, printing each epoch
        model.fit(mnist.train(), epochs, BATCH_SIZE, mnist.test(), Callback.atEpochEnd(m -> System.out.printf(
                "epoch %2d  loss %.4f  train %.4f  test %.4f  lr %.2e  %.1fs%n", m.epoch(), m.trainLoss(),
                m.trainAccuracy(), m.validationAccuracy(), m.learningRate(), m.seconds())));
        // 4. Evaluate
        double accuracy = model.evaluate(mnist.test()).accuracy();
        // 5. Save (weights, Adam moments, spec), load back and evaluate again: the same accuracy
        Path file = Files.createTempFile("mnist-mlp", ".zip");
        model.save(file);
        double reloaded = Model.load(file).evaluate(mnist.test()).accuracy();
        Files.delete(file);
        System.out.printf("test accuracy %.4f, after save and load %.4f%n", accuracy, reloaded);
        if (reloaded != accuracy) {
            throw new IllegalStateException(String.format("the loaded model scored %s, the saved one %s", reloaded, accuracy));
        }
    }
}
