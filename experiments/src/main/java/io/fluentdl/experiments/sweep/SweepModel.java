package io.fluentdl.experiments.sweep;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Mnist;
import io.fluentdl.data.MnistData;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.RmsProp;
import io.fluentdl.optim.Sgd;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code model:} section of a sweep file: which data, how much of it, how long to train, which
 * optimizer, and the values of every {@link Knob} that is not searched. The model is an MLP:
 * {@code layers} dense layers of {@code units} (he_uniform for ReLU-like activations, else
 * glorot_uniform), optional dropout after each, the BN switch, and a softmax (MNIST, 10 classes) or
 * sigmoid (circles, 1 unit) output.
 *
 * @param data           MNIST or CIRCLES
 * @param trainSize      training examples (MNIST: the first ones of its training file)
 * @param validationSize examples scored after every epoch (MNIST: the training images after the
 *                       training ones; circles: the points after them), 0 for none
 * @param testSize       examples scored once for the best model (MNIST's test file), 0 for none
 * @param noise          circles only: the noise of make_circles
 * @param epochs         the most epochs a trial trains
 * @param optimizer      SGD (classical momentum), NESTEROV, ADAM or RMSPROP
 * @param output         the output activation: softmax for MNIST, sigmoid for circles
 * @param fixed          every knob's value when not searched
 * @param seed           the model's seed (weights, batch order), the sweep's seed unless given
 */
public record SweepModel(DataKind data, int trainSize, int validationSize, int testSize, double noise, int epochs,
                         OptimizerKind optimizer, Activation output, Map<Knob, Object> fixed, long seed) {

    /** The data sets a sweep can train on. */
    public enum DataKind { MNIST, CIRCLES }

    /** The optimizers a sweep template can use; {@link Knob#MOMENTUM} is each one's averaging constant. */
    public enum OptimizerKind { SGD, NESTEROV, ADAM, RMSPROP }

    public SweepModel {
        fixed = Map.copyOf(fixed);
    }

    /** The default value of every knob for {@code optimizer} (Keras' defaults; sgd without momentum). */
    public static Map<Knob, Object> defaults(OptimizerKind optimizer) {
        Map<Knob, Object> d = new EnumMap<>(Knob.class);
        switch (optimizer) {
            case SGD:
                d.put(Knob.LR, Sgd.DEFAULT_LEARNING_RATE);
                d.put(Knob.MOMENTUM, 0.0);
                break;
            case NESTEROV:
                d.put(Knob.LR, Sgd.DEFAULT_LEARNING_RATE);
                d.put(Knob.MOMENTUM, 0.9);
                break;
            case ADAM:
                d.put(Knob.LR, Adam.DEFAULT_LEARNING_RATE);
                d.put(Knob.MOMENTUM, Adam.DEFAULT_BETA1);
                break;
            default:
                d.put(Knob.LR, RmsProp.DEFAULT_LEARNING_RATE);
                d.put(Knob.MOMENTUM, RmsProp.DEFAULT_RHO);
        }
        d.put(Knob.BETA2, Adam.DEFAULT_BETA2);
        d.put(Knob.EPSILON, Adam.DEFAULT_EPSILON);
        d.put(Knob.UNITS, 64);
        d.put(Knob.LAYERS, 2);
        d.put(Knob.BATCH_SIZE, 32);
        d.put(Knob.BN, BnPlacement.NONE);
        d.put(Knob.DROPOUT, 0.0);
        d.put(Knob.L2, 0.0);
        d.put(Knob.ACTIVATION, Activation.RELU);
        return d;
    }

    /** Features per example. */
    public int inputSize() {
        return data == DataKind.MNIST ? Mnist.PIXELS : 2;
    }

    /**
     * The model for these knob values (searched ones override {@link #fixed}).
     *
     * @param name   the model's name
     * @param values knob values of one trial (Double, Integer, BnPlacement, Activation)
     */
    public ModelSpec build(String name, Map<Knob, Object> values) {
        Map<Knob, Object> v = new EnumMap<>(fixed);
        v.putAll(values);
        int layers = (Integer) v.get(Knob.LAYERS);
        int units = (Integer) v.get(Knob.UNITS);
        Activation act = (Activation) v.get(Knob.ACTIVATION);
        double dropout = (Double) v.get(Knob.DROPOUT);
        double l2 = (Double) v.get(Knob.L2);
        Init init = act == Activation.RELU || act == Activation.LEAKY_RELU || act == Activation.ELU
                ? Init.HE_UNIFORM : Init.GLOROT_UNIFORM;
        Sequential s = Sequential.named(name).input(inputSize());
        for (int i = 0; i < layers; i++) {
            s.dense(units, act, init, d -> l2 > 0 ? d.l2(l2) : d);
            if (dropout > 0) {
                s.dropout(dropout);
            }
        }
        if (data == DataKind.MNIST) {
            s.output(Mnist.CLASSES, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY);
        } else {
            s.output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY);
        }
        return s.batchNormPlacement((BnPlacement) v.get(Knob.BN)).optimizer(optimizer(v)).seed(seed).build();
    }

    private Optimizer optimizer(Map<Knob, Object> v) {
        double lr = (Double) v.get(Knob.LR);
        double m = (Double) v.get(Knob.MOMENTUM);
        double eps = (Double) v.get(Knob.EPSILON);
        switch (optimizer) {
            case SGD:
                return Sgd.of(lr).momentum(m);
            case NESTEROV:
                return Sgd.of(lr).nesterov(m);
            case ADAM:
                return Adam.of(lr).beta1(m).beta2((Double) v.get(Knob.BETA2)).epsilon(eps);
            default:
                return RmsProp.of(lr).rho(m).epsilon(eps);
        }
    }

    /** The three splits a sweep uses. */
    public record Splits(Dataset train, Dataset validation, Dataset test) {
    }

    /**
     * Loads the data: MNIST from {@code mnistDir} (null: the usual lookup, see {@link Mnist}), or
     * make_circles with the model's seed, split in file order into train, validation (and test).
     */
    public Splits load(Path mnistDir) {
        if (data == DataKind.MNIST) {
            MnistData mnist = Mnist.load(mnistDir, trainSize + Math.max(validationSize, 0),
                    Math.max(testSize, 1));
            Dataset all = mnist.train();
            return new Splits(all.first(trainSize), validationSize > 0 ? all.slice(trainSize, trainSize + validationSize)
                    : null, testSize > 0 ? mnist.test() : null);
        }
        Dataset all = Circles.dataset(trainSize + validationSize + testSize, noise, seed);
        int v = trainSize + validationSize;
        return new Splits(all.slice(0, trainSize), validationSize > 0 ? all.slice(trainSize, v) : null,
                testSize > 0 ? all.slice(v, v + testSize) : null);
    }
}
