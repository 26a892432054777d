package io.fluentdl.internal.arbiter;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.arbiter.StackProbe.Binding;
import io.fluentdl.internal.arbiter.StackProbe.Field;
import io.fluentdl.layers.ActivationLayer;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.Dropout;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.internal.arbiter.StackTemplate.Axis;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.layers.LayerSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.util.LeafUtils;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A FluentDL search space ({@link StackTemplate}) whose template is a plain stack (dense, batch norm, dropout,
 * activation, output) as an Arbiter {@link MultiLayerSpace}, for Arbiter's own generators and runner.
 *
 * <p>Each searched Hp ({@link Axis}) becomes one leaf ({@link HpLeaf}) placed in the Arbiter layer or updater
 * space of the DL4J field it sets ({@link StackProbe} finds which): {@code DenseLayerSpace.nOut},
 * {@code activationFn}, {@code DropoutLayerSpace.dropOut} (as {@code 1 - rate}), {@code SgdSpace},
 * {@code NesterovsSpace} or {@code AdamSpace}; layers no Hp touches are a
 * {@link ConstantLayerSpace}. Before it is returned, the space is checked: at every probed point, the
 * configuration Arbiter builds must equal FluentDL's translation (layer names aside: Arbiter's layer
 * spaces have none), else the conversion fails with the first difference.
 */
public final class MultiLayerSpaces {

    /** Random points checked besides the probes: {@value}. */
    static final int RANDOM_CHECKS = 4;

    private MultiLayerSpaces() {
    }

    /** The Arbiter space of {@code space}. */
    public static MultiLayerSpace of(StackTemplate space) {
        String where = String.format("SearchSpace '%s'.toMultiLayerSpace()", space.name());
        Object model = space.build(space.midpoint());
        if (!(model instanceof ModelSpec spec)) {
            throw InvalidConfigException.of(where, "model", model.getClass().getSimpleName(), String.format(
                    "the template must build a ModelSpec, got %s", model.getClass().getSimpleName()), "");
        }
        checkPlainStack(spec, where);
        StackProbe probe = new StackProbe(space, where);
        List<Binding> bindings = probe.bindings();
        Map<Axis, HpLeaf<?>> leaves = new LinkedHashMap<>();
        space.axes().forEach(hp -> leaves.put(hp, new HpLeaf<>(hp)));
        MultiLayerConfiguration base = probe.base;
        MultiLayerSpace.Builder b = new MultiLayerSpace.Builder()
                .seed(base.getConf(0).getSeed())
                .updater(ArbiterLayers.updater(StackProbe.updater(base), of(bindings, -1), leaves, probe))
                .setInputType(Model.inputType(spec));
        BaseLayer first = (BaseLayer) base.getConfs().stream().map(c -> c.getLayer())
                .filter(l -> l instanceof BaseLayer).findFirst().orElseThrow();
        if (first.getGradientNormalization() != null && first.getGradientNormalization() != GradientNormalization.None) {
            b.gradientNormalization(first.getGradientNormalization())
                    .gradientNormalizationThreshold(first.getGradientNormalizationThreshold());
        }
        for (int i = 0; i < base.getConfs().size(); i++) {
            LayerSpace<?> layer = ArbiterLayers.layer(base.getConf(i).getLayer(), of(bindings, i), leaves, probe, i);
            b.addLayer(layer);
        }
        MultiLayerSpace mls = b.build();
        check(space, mls, probe, where);
        return mls;
    }

    private static Map<Field, Binding> of(List<Binding> bindings, int layer) {
        Map<Field, Binding> map = new LinkedHashMap<>();
        bindings.stream().filter(x -> x.layer() == layer).forEach(x -> map.put(x.field(), x));
        return map;
    }

    private static void checkPlainStack(ModelSpec spec, String where) {
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (!(layer instanceof Dense || layer instanceof BatchNorm || layer instanceof Dropout
                    || layer instanceof ActivationLayer || layer instanceof Output)) {
                throw InvalidConfigException.of(where, "model", layer.name(), String.format("needs a plain stack of "
                        + "dense, batchNorm, dropout, activation and output layers, but layer %d '%s' is a %s", i + 1,
                        layer.name(), layer.kind()), "Search this space with FluentDL's Search instead");
            }
        }
    }

    /**
     * Numbers the unique leaves of {@code mls} as Arbiter's generators do when they start, and returns
     * each Hp's position in the space's parameter vector.
     */
    static Map<Axis, Integer> number(MultiLayerSpace mls) {
        Map<Axis, Integer> at = new IdentityHashMap<>();
        int next = 0;
        for (Object o : LeafUtils.getUniqueObjects(mls.collectLeaves())) {
            ParameterSpace<?> leaf = (ParameterSpace<?>) o;
            int n = leaf.numParameters();
            if (n == 0) {
                continue;
            }
            int[] indices = new int[n];
            for (int k = 0; k < n; k++) {
                indices[k] = next + k;
            }
            leaf.setIndices(indices);
            if (leaf instanceof HpLeaf<?> h) {
                at.put(h.hp(), next);
            }
            next += n;
        }
        return at;
    }

    /**
     * The values of the FluentDL trial at an Arbiter parameter vector of a space made by {@link #of}:
     * each Hp's leaf read at its index, fixed Hps at their value.
     */
    public static Map<String, Object> values(StackTemplate space, MultiLayerSpace mls, double[] vector) {
        Map<String, Object> values = new LinkedHashMap<>(space.midpoint());
        for (Object o : LeafUtils.getUniqueObjects(mls.collectLeaves())) {
            if (o instanceof HpLeaf<?> leaf) {
                values.put(leaf.hp().name(), leaf.getValue(vector));
            }
        }
        return values;
    }

    /** Arbiter's configuration must be FluentDL's at the probes and a few random points. */
    private static void check(StackTemplate space, MultiLayerSpace mls, StackProbe probe, String where) {
        Map<Axis, Integer> at = number(mls);
        int d = space.axes().size();
        List<double[]> points = new ArrayList<>();
        double[] half = new double[d];
        Arrays.fill(half, 0.5);
        points.add(half);
        for (int axis = 0; axis < d; axis++) {
            for (double u : new double[]{0, 1}) {
                double[] p = half.clone();
                p[axis] = u;
                points.add(p);
            }
        }
        Random random = new Random(d);
        for (int k = 0; k < RANDOM_CHECKS; k++) {
            points.add(random.doubles(d).toArray());
        }
        for (double[] units : points) {
            double[] vector = new double[mls.numParameters()];
            for (int axis = 0; axis < d; axis++) {
                vector[at.get(space.axes().get(axis))] = units[axis];
            }
            Map<String, Object> params = space.valuesAt(units);
            String ours = comparable(probe.translate(params));
            String arbiters = comparable(mls.getValue(vector).getMultiLayerConfiguration());
            if (!ours.equals(arbiters)) {
                throw InvalidConfigException.of(where, "model", params, String.format("Arbiter's layer spaces cannot "
                        + "build what the template builds at %s: FluentDL has '%s' where Arbiter has '%s'", params,
                        firstDifference(ours, arbiters), firstDifference(arbiters, ours)),
                        "Search this space with FluentDL's Search instead");
            }
        }
    }

    /** The configuration's JSON without layer names, which Arbiter's layer spaces cannot set. */
    static String comparable(MultiLayerConfiguration conf) {
        return Arrays.stream(conf.toJson().split("\n")).filter(line -> !line.contains("\"layerName\""))
                .map(String::trim).collect(Collectors.joining("\n"));
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < x.length; i++) {
            if (i >= y.length || !x[i].equals(y[i])) {
                return x[i];
            }
        }
        return "(end)";
    }
}
