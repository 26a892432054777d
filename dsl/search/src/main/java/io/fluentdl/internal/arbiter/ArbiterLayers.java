package io.fluentdl.internal.arbiter;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.arbiter.StackProbe.Binding;
import io.fluentdl.internal.arbiter.StackProbe.Field;
import io.fluentdl.internal.arbiter.StackTemplate.Axis;
import org.deeplearning4j.arbiter.conf.updater.AdamSpace;
import org.deeplearning4j.arbiter.conf.updater.NesterovsSpace;
import org.deeplearning4j.arbiter.conf.updater.SgdSpace;
import org.deeplearning4j.arbiter.layers.ActivationLayerSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.DropoutLayerSpace;
import org.deeplearning4j.arbiter.layers.FeedForwardLayerSpace;
import org.deeplearning4j.arbiter.layers.LayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.util.Map;

/**
 * One translated DL4J layer (or the updater) as the Arbiter space that rebuilds it: fields no Hp sets
 * are copied from the midpoint's layer, fields an Hp sets take its leaf. Used by {@link MultiLayerSpaces}.
 */
final class ArbiterLayers {

    private ArbiterLayers() {
    }

    @SuppressWarnings("unchecked")
    static LayerSpace<?> layer(Layer layer, Map<Field, Binding> bound, Map<Axis, HpLeaf<?>> leaves, StackProbe probe,
                               int index) {
        if (bound.isEmpty()) {
            return new ConstantLayerSpace<>(unwired(layer));
        }
        if (layer instanceof OutputLayer out) {
            OutputLayerSpace.Builder b = weighted(new OutputLayerSpace.Builder(), out, bound, leaves);
            b.iLossFunction(out.getLossFn()).hasBias(out.hasBias());
            return b.build();
        }
        if (layer instanceof DenseLayer dense) {
            DenseLayerSpace.Builder b = weighted(new DenseLayerSpace.Builder(), dense, bound, leaves);
            b.hasBias(dense.hasBias());
            return b.build();
        }
        if (layer instanceof DropoutLayer) {
            // iDropOut, not dropOut(ParameterSpace<Double>): Arbiter's DropoutSpace wrapper would count as a
            // second leaf over the same Hp and re-index it
            Binding rate = bound.get(Field.RETAIN);
            ParameterSpace<Object> leaf = (ParameterSpace<Object>) leaves.get(rate.hp());
            return new DropoutLayerSpace.Builder().iDropOut(new MappedSpace<Object, IDropout>(leaf,
                    v -> new org.deeplearning4j.nn.conf.dropout.Dropout((Double) rate.convert().apply(v)),
                    "retain = 1 - rate")).build();
        }
        if (layer instanceof ActivationLayer) {
            return new ActivationLayerSpace.Builder().activationFn(space(bound.get(Field.ACTIVATION), leaves)).build();
        }
        Binding any = bound.values().iterator().next();
        throw InvalidConfigException.of(String.format("SearchSpace.toMultiLayerSpace()"), any.hp().name(), null,
                String.format("Hp '%s' sets the %s of %s, a %s, which no Arbiter layer space here can search "
                                + "(Arbiter's BatchNormalizationSpace cannot keep FluentDL's useLogStd=false)",
                        any.hp().name(), any.field().words, probe.at(index), layer.getClass().getSimpleName()),
                "Make it Hp.fixed(...) or search with FluentDL's Search");
    }

    /** The fields of a dense or output layer that FluentDL's translator sets, each fixed or searched. */
    private static <B extends FeedForwardLayerSpace.Builder<B>> B weighted(B b, FeedForwardLayer layer,
                                                                          Map<Field, Binding> bound,
                                                                          Map<Axis, HpLeaf<?>> leaves) {
        b.nOut(bound.containsKey(Field.UNITS) ? space(bound.get(Field.UNITS), leaves)
                : new FixedValue<>((int) layer.getNOut()));
        b.activationFn(bound.containsKey(Field.ACTIVATION) ? space(bound.get(Field.ACTIVATION), leaves)
                : new FixedValue<>(layer.getActivationFn()));
        IWeightInit init = layer.getWeightInitFn();
        if (init instanceof WeightInitDistribution d) {
            b.dist(distribution(d));
        } else {
            b.weightInit(weightInit(init));
        }
        b.biasInit(layer.getBiasInit());
        for (Regularization r : layer.getRegularization()) {
            if (r instanceof L1Regularization l1) {
                b.l1(l1.getL1().valueAt(0, 0));
            } else if (r instanceof L2Regularization l2) {
                b.l2(l2.getL2().valueAt(0, 0));
            }   // weight decay: no Arbiter field; the check after building names the difference
        }
        return b;
    }

    /** DL4J M2.1's WeightInitDistribution has no getter for its distribution; its field is the only way to it. */
    private static org.deeplearning4j.nn.conf.distribution.Distribution distribution(WeightInitDistribution init) {
        try {
            java.lang.reflect.Field f = WeightInitDistribution.class.getDeclaredField("distribution");
            f.setAccessible(true);
            return (org.deeplearning4j.nn.conf.distribution.Distribution) f.get(init);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(String.format("cannot read the distribution of %s", init), e);
        }
    }

    private static WeightInit weightInit(IWeightInit init) {
        for (WeightInit w : WeightInit.values()) {
            if (w != WeightInit.DISTRIBUTION && init.equals(w.getWeightInitFunction())) {
                return w;
            }
        }
        throw new IllegalArgumentException(String.format("no Arbiter WeightInit for %s", init));
    }

    /** The updater: Arbiter's space for its class where an Hp sets a field, else the midpoint's updater. */
    static ParameterSpace<IUpdater> updater(IUpdater base, Map<Field, Binding> bound, Map<Axis, HpLeaf<?>> leaves,
                                            StackProbe probe) {
        if (bound.isEmpty()) {
            return new FixedValue<>(base);
        }
        if (base instanceof Nesterovs n && n.getLearningRateSchedule() == null && n.getMomentumISchedule() == null) {
            return new NesterovsSpace(value(bound, Field.LEARNING_RATE, n.getLearningRate(), leaves),
                    value(bound, Field.MOMENTUM, n.getMomentum(), leaves));
        }
        if (base instanceof Adam a && a.getLearningRateSchedule() == null) {
            return new AdamSpace(value(bound, Field.LEARNING_RATE, a.getLearningRate(), leaves),
                    value(bound, Field.BETA1, a.getBeta1(), leaves), value(bound, Field.BETA2, a.getBeta2(), leaves),
                    new FixedValue<>(a.getEpsilon()));
        }
        if (base instanceof Sgd s && s.getLearningRateSchedule() == null) {
            return new SgdSpace(value(bound, Field.LEARNING_RATE, s.getLearningRate(), leaves));
        }
        Binding any = bound.values().iterator().next();
        throw InvalidConfigException.of("SearchSpace.toMultiLayerSpace()", any.hp().name(), null, String.format(
                "Hp '%s' sets the %s of %s, and Arbiter has updater spaces only for plain SGD, Nesterov momentum and "
                        + "Adam with a constant learning rate, got %s", any.hp().name(), any.field().words,
                probe.at(-1), base.getClass().getSimpleName()), "Search this space with FluentDL's Search instead");
    }

    private static ParameterSpace<Double> value(Map<Field, Binding> bound, Field field, double fixed,
                                                Map<Axis, HpLeaf<?>> leaves) {
        return bound.containsKey(field) ? space(bound.get(field), leaves) : new FixedValue<>(fixed);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> ParameterSpace<T> space(Binding binding, Map<Axis, HpLeaf<?>> leaves) {
        ParameterSpace leaf = leaves.get(binding.hp());
        return binding.identity() ? leaf : new MappedSpace(leaf, binding.convert(), binding.field().words);
    }

    /**
     * A copy of a fixed layer for {@link ConstantLayerSpace}: its input size and updater cleared, so Arbiter's
     * network builder sets them from the layer before (whose units may be searched) and from the updater
     * (which may be searched); left set, DL4J would keep the midpoint's.
     */
    private static Layer unwired(Layer layer) {
        Layer copy = layer.clone();
        if (copy instanceof FeedForwardLayer f) {
            f.setNIn(0);
            if (copy instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization) {
                f.setNOut(0);
            }
        }
        if (copy instanceof BaseLayer b) {
            b.setIUpdater(null);
            b.setBiasUpdater(null);
        }
        return copy;
    }
}
