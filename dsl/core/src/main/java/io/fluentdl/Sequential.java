package io.fluentdl;

import io.fluentdl.errors.Check;
import io.fluentdl.layers.*;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.GradientClipping;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.RmsProp;
import io.fluentdl.train.Metric;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link ModelSpec} as a stack of layers, Keras' {@code Sequential}:
 *
 * <pre>{@code
 * ModelSpec spec = Sequential.named("bn-case-study")
 *         .input(2)
 *         .dense(50, RELU, HE_UNIFORM)
 *         .batchNorm()
 *         .output(1, SIGMOID, BINARY_CROSSENTROPY)
 *         .optimizer(Sgd.of(0.01).momentum(0.9))
 *         .seed(1)
 *         .build();
 * }</pre>
 * Each argument is checked at its call (the stack trace points at the wrong line); rules that involve
 * several layers are checked by {@link #build()}, which reports all problems at once. A builder is
 * used once; {@link ModelSpec#toBuilder()} starts a new one from a spec.
 */
public final class Sequential {

    /** The seed when none is given: a constant, never the clock. */
    public static final long DEFAULT_SEED = 42;
    /** Keras' {@code compile()} default optimizer. */
    public static final Optimizer DEFAULT_OPTIMIZER = RmsProp.defaults();

    private String name;
    private int inputSize;
    private ImageShape inputShape;
    private BatchNorm inputBatchNorm;
    private final LayerStack layers = new LayerStack();
    private BnPlacement placement = BnPlacement.AS_WRITTEN;
    private Optimizer optimizer = DEFAULT_OPTIMIZER;
    private long seed = DEFAULT_SEED;
    private List<Metric> metrics = List.of();
    private GradientClipping clipping;

    private Sequential(String name) {
        this.name = name;
    }

    /** Starts a model with this name. */
    public static Sequential named(String name) {
        if (name == null || name.isBlank()) {
            throw io.fluentdl.errors.InvalidConfigException.of("Sequential", "name", name,
                    "a model needs a non-blank name", "Use Sequential.named(\"my-model\")");
        }
        return new Sequential(name);
    }

    static Sequential from(ModelSpec spec) {
        Sequential s = new Sequential(spec.name());
        s.inputSize = spec.inputSize();
        s.inputShape = spec.inputShape();
        s.inputBatchNorm = spec.inputBatchNorm();
        s.layers.addAll(spec.layers());
        s.placement = spec.batchNormPlacement();
        s.optimizer = spec.optimizer();
        s.seed = spec.seed();
        s.metrics = spec.metrics();
        s.clipping = spec.gradientClipping();
        s.layers.freeze(spec.frozen());
        return s;
    }

    /** Renames the model (for variants made with {@code toBuilder()}). */
    public Sequential name(String newName) {
        Sequential.named(newName);
        this.name = newName;
        return this;
    }

    /** The number of input features; Keras' {@code Input(shape=(n,))}. */
    public Sequential input(int size) {
        this.inputSize = Check.atLeast(modelWhere(), "input size", size, 1);
        this.inputShape = null;
        return this;
    }

    /**
     * Image input, channels-last as in Keras: {@code input(28, 28, 1)} is Keras'
     * {@code Input(shape=(28, 28, 1))}. Examples are still flat rows of height·width·channels numbers
     * (see {@link ImageShape} for their order).
     */
    public Sequential input(int height, int width, int channels) {
        this.inputShape = ImageShape.of(modelWhere(), height, width, channels);
        this.inputSize = inputShape.size();
        return this;
    }

    /** Batch norm on the raw inputs, with Keras defaults; independent of {@link #batchNormPlacement}. */
    public Sequential inputBatchNorm() {
        return inputBatchNorm(b -> b);
    }

    /** Batch norm on the raw inputs, with options. */
    public Sequential inputBatchNorm(UnaryOperator<BatchNorm.Options> options) {
        BatchNorm.Options o = options.apply(new BatchNorm.Options(String.format("Model '%s', input batch norm", name)));
        this.inputBatchNorm = o.build("input_batch_norm");
        if (!o.isTrainable()) {
            layers.freeze(List.of(inputBatchNorm.name()));
        }
        return this;
    }

    /** A dense layer with Keras' default initialiser (glorot_uniform). */
    public Sequential dense(int units, Activation activation) {
        return dense(units, activation, Init.KERAS_DEFAULT);
    }

    /** A dense layer: {@code units} outputs, an activation and a weight initialiser. */
    public Sequential dense(int units, Activation activation, Init init) {
        return dense(units, activation, init, d -> d);
    }

    /** A dense layer with options: {@code dense(50, RELU, HE_UNIFORM, d -> d.useBias(true).l2(1e-4))}. */
    public Sequential dense(int units, Activation activation, Init init, UnaryOperator<DenseOptions> options) {
        String auto = layers.nextName(Dense.class);
        return add(Dense.of(layers.where(name, auto), auto, units, activation, init, layers.watch(options)));
    }

    /** A 3x3-style convolution with stride 1, valid padding and glorot_uniform: {@code conv2d(32, 3, RELU)}. */
    public Sequential conv2d(int filters, int kernel, Activation activation) {
        return conv2d(filters, kernel, 1, Padding.VALID, activation);
    }

    /** A convolution with a stride and padding, Keras' {@code Conv2D(filters, kernel, strides, padding, activation)}. */
    public Sequential conv2d(int filters, int kernel, int stride, Padding padding, Activation activation) {
        return conv2d(filters, kernel, stride, padding, activation, Init.KERAS_DEFAULT, c -> c);
    }

    /** A convolution with an initialiser and options ({@code c -> c.useBias(false).l2(1e-4)}); see {@link Conv2D}. */
    public Sequential conv2d(int filters, int kernel, int stride, Padding padding, Activation activation, Init init,
                             UnaryOperator<DenseOptions> options) {
        String auto = layers.nextName("conv2d");
        return add(Conv2D.of(layers.where(name, auto), auto, filters, kernel, stride, padding, activation, init, layers.watch(options)));
    }

    /** Max pooling over {@code size x size} windows with stride {@code size}, Keras' {@code MaxPooling2D(size)}. */
    public Sequential maxPool(int size) {
        return maxPool(size, size, Padding.VALID);
    }

    /** Max pooling with a stride and padding. */
    public Sequential maxPool(int size, int stride, Padding padding) {
        return pool(PoolType.MAX, size, stride, padding);
    }

    /** Average pooling over {@code size x size} windows with stride {@code size}, Keras' {@code AveragePooling2D(size)}. */
    public Sequential avgPool(int size) {
        return avgPool(size, size, Padding.VALID);
    }

    /** Average pooling with a stride and padding. */
    public Sequential avgPool(int size, int stride, Padding padding) {
        return pool(PoolType.AVG, size, stride, padding);
    }

    private Sequential pool(PoolType type, int size, int stride, Padding padding) {
        String auto = layers.nextName(type == PoolType.MAX ? "max_pooling2d" : "average_pooling2d");
        return add(Pooling2D.of(layers.where(name, auto), auto, type, size, stride, padding));
    }

    /** The mean of each channel over the image, Keras' {@code GlobalAveragePooling2D}: (h, w, c) becomes (c). */
    public Sequential globalAvgPool() {
        return add(new GlobalPooling2D(layers.nextName("global_average_pooling2d"), PoolType.AVG));
    }

    /** The maximum of each channel over the image, Keras' {@code GlobalMaxPooling2D}. */
    public Sequential globalMaxPool() {
        return add(new GlobalPooling2D(layers.nextName("global_max_pooling2d"), PoolType.MAX));
    }

    /** Images to vectors of height·width·channels numbers, Keras' {@code Flatten}; see {@link Flatten} for the order. */
    public Sequential flatten() {
        return add(new Flatten(layers.nextName("flatten")));
    }

    /** Batch norm with Keras defaults (momentum {@value BatchNorm#DEFAULT_MOMENTUM}, epsilon {@value BatchNorm#DEFAULT_EPSILON}). */
    public Sequential batchNorm() {
        return batchNorm(b -> b);
    }

    /** Batch norm with options: {@code batchNorm(b -> b.momentum(0.9).center(false).scale(false))}. */
    public Sequential batchNorm(UnaryOperator<BatchNorm.Options> options) {
        String auto = layers.nextName(BatchNorm.class);
        return add(layers.watchBatchNorm(options.apply(new BatchNorm.Options(layers.where(name, auto)))).build(auto));
    }

    /** Dropout of a fraction {@code rate} in [0, 1) of the inputs (Keras' meaning; DL4J's is the kept fraction). */
    public Sequential dropout(double rate) {
        String auto = layers.nextName(Dropout.class);
        Check.inHalfOpen(layers.where(name, auto), "rate", rate, 0, 1, " (the fraction to DROP)");
        return add(new Dropout(auto, rate));
    }

    /** An activation on its own, e.g. after a linear dense layer and a batch norm. */
    public Sequential activation(Activation activation) {
        String auto = layers.nextName(ActivationLayer.class);
        Check.notNull(layers.where(name, auto), "activation", activation);
        return add(new ActivationLayer(auto, activation));
    }

    /** The output layer with Keras' default initialiser (glorot_uniform). */
    public Sequential output(int units, Activation activation, Loss loss) {
        return output(units, activation, loss, d -> d);
    }

    /** The output layer with options, e.g. {@code d -> d.l2(1e-4)}. */
    public Sequential output(int units, Activation activation, Loss loss, UnaryOperator<DenseOptions> options) {
        return output(units, activation, loss, Init.KERAS_DEFAULT, options);
    }

    /** The output layer with an initialiser and options. */
    public Sequential output(int units, Activation activation, Loss loss, Init init, UnaryOperator<DenseOptions> options) {
        String auto = layers.nextName(Output.class);
        return add(Output.of(layers.where(name, auto), auto, units, activation, loss, init, layers.watch(options)));
    }

    /** The model-wide batch-norm switch; see {@link BnPlacement}. Default {@link BnPlacement#AS_WRITTEN}. */
    public Sequential batchNormPlacement(BnPlacement placement) {
        this.placement = Check.notNull(modelWhere(), "batchNormPlacement", placement);
        return this;
    }

    /** The optimizer; default Keras' {@code rmsprop} ({@link #DEFAULT_OPTIMIZER}). */
    public Sequential optimizer(Optimizer optimizer) {
        this.optimizer = Check.notNull(modelWhere(), "optimizer", optimizer);
        return this;
    }

    /** The seed of weight init, dropout masks and batch order; default {@value #DEFAULT_SEED}. */
    public Sequential seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * What {@code fit} measures and logs besides loss and accuracy, Keras' {@code compile(metrics=[...])}:
     * {@code metrics(Metric.AUC, Metric.F1)} adds {@code auc} and {@code f1} to every epoch, and
     * {@code val_auc}, {@code val_f1} with validation data, so callbacks can monitor them. Replaces earlier choices.
     */
    public Sequential metrics(Metric... chosen) {
        for (Metric m : chosen) {
            Check.notNull(modelWhere(), "metrics", m);
        }
        this.metrics = List.of(chosen);
        return this;
    }

    /** Rescales each weight tensor's gradient to L2 norm at most {@code threshold}, Keras' {@code clipnorm}; see {@link GradientClipping}. */
    public Sequential clipNorm(double threshold) {
        this.clipping = GradientClipping.replacing(modelWhere(), clipping, GradientClipping.Kind.NORM, threshold);
        return this;
    }

    /** Clips each gradient element to [−threshold, threshold], Keras' {@code clipvalue}; see {@link GradientClipping}. */
    public Sequential clipValue(double threshold) {
        this.clipping = GradientClipping.replacing(modelWhere(), clipping, GradientClipping.Kind.VALUE, threshold);
        return this;
    }

    /**
     * Makes the named layers non-trainable, Keras' {@code trainable=False} (as a layer's own {@code trainable(false)}
     * option): fit leaves their weights and BN statistics as they are ({@link ModelSpec#frozen()}); see also {@code Model.freeze}.
     */
    public Sequential freeze(String... layerNames) {
        layers.freeze(List.of(layerNames));
        return this;
    }

    /** Checks the whole stack and returns the immutable spec; all problems are reported at once. */
    public ModelSpec build() {
        ModelSpec spec = new ModelSpec(name, inputSize, inputBatchNorm, layers.list(), placement, optimizer, seed, inputShape,
                metrics, clipping, layers.frozen());
        StackRules.check(spec);
        return spec;
    }

    private Sequential add(LayerSpec layer) {
        layers.add(layer);
        return this;
    }

    private String modelWhere() {
        return String.format("Model '%s'", name);
    }
}
