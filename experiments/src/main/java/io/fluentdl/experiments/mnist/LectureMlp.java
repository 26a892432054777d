package io.fluentdl.experiments.mnist;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Init;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.Sgd;

/**
 * The lecture's MNIST benchmark model and setup: 784-512-512-512-10, ReLU, softmax, uniform init in
 * [−0.07, 0.07], weight decay 0.001, SGD lr 0.03, batch 100, the first 5,000 training and first
 * 1,000 test images, 100 epochs.
 *
 * <p>Weight decay is L2 in the gradient: each weight's gradient gets {@code + 0.001·w} before the
 * optimizer sees it, so with momentum the decay also builds up in the velocity. That is what
 * "weight decay 0.001" means in the lecture's SGD update, and what the classic frameworks do
 * (Caffe's and PyTorch's SGD {@code weight_decay}). In our Keras vocabulary that is {@code l2(0.0005)}:
 * Keras' {@code l2(λ)} adds {@code λ·Σw²} to the loss, whose gradient is {@code 2λ·w}. Our decoupled
 * {@code weightDecay} would instead shrink the weights after the momentum step (AdamW's rule), which
 * matches only without momentum. It applies to every layer's weights, not biases (BN's gamma and beta
 * are not decayed either).
 */
public final class LectureMlp {

    public static final int HIDDEN = 512;
    public static final int HIDDEN_LAYERS = 3;
    public static final double INIT_RANGE = 0.07;
    public static final double WEIGHT_DECAY = 0.001;
    /** Keras-style L2 factor whose gradient is {@code WEIGHT_DECAY · w}. */
    public static final double L2 = WEIGHT_DECAY / 2;
    public static final double LEARNING_RATE = 0.03;
    public static final int BATCH_SIZE = 100;
    public static final int TRAIN_SIZE = 5_000;
    public static final int TEST_SIZE = 1_000;
    public static final int EPOCHS = 100;

    private LectureMlp() {
    }

    /** The model with {@code optimizer}, BN after each ReLU or none. */
    public static ModelSpec spec(String name, Optimizer optimizer, boolean batchNorm, long seed) {
        Init init = Init.uniform(-INIT_RANGE, INIT_RANGE);
        Sequential s = Sequential.named(name).input(28 * 28);
        for (int i = 0; i < HIDDEN_LAYERS; i++) {
            s = s.dense(HIDDEN, RELU, init, d -> d.l2(L2));
            if (batchNorm) {
                s = s.batchNorm();
            }
        }
        s = s.output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY, init, d -> d.l2(L2)).optimizer(optimizer).seed(seed);
        if (batchNorm) {
            s = s.batchNormPlacement(BnPlacement.AFTER_ACTIVATION);
        }
        return s.build();
    }

    /** The lecture's optimizer: SGD lr 0.03 with classic momentum {@code phi} (0: plain SGD). */
    public static Sgd sgd(double phi) {
        return Sgd.of(LEARNING_RATE).momentum(phi);
    }
}
