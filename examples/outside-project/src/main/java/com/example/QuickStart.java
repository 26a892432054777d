package com.example;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import io.fluentdl.train.History;

/** The README's quick start: the batch-norm case study's model on two circles, trained and evaluated. */
public class QuickStart {

    public static void main(String[] args) {
        Dataset circles = Circles.dataset(1000, 0.1, 1);          // scikit-learn's make_circles, seed 1
        Dataset train = circles.first(500);
        Dataset test = circles.slice(500, 1000);

        ModelSpec spec = Sequential.named("bn-case-study")
                .input(2)
                .dense(50, RELU, HE_UNIFORM)
                .batchNorm()
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .batchNormPlacement(BnPlacement.AFTER_ACTIVATION)   // the one switch
                .optimizer(Sgd.of(0.01).momentum(0.9))              // classic (heavy-ball) momentum
                .seed(1)
                .build();
        System.out.println(spec.summary());

        Model model = Model.of(spec);
        History history = model.fit(train, 30, 32, test);
        System.out.printf("epochs: %d, test accuracy: %.3f%n", history.epochs().size(), model.evaluate(test).accuracy());
    }
}
