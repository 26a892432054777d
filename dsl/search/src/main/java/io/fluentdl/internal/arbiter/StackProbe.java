package io.fluentdl.internal.arbiter;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.arbiter.StackTemplate.Axis;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds which DL4J field each searched Hp ({@link Axis}) of a space sets, by building the template with one Hp moved
 * at a time (ends of its range, or each value of a choice) and reading the translated configuration.
 * A template is code, so this is the only way to see where a value goes; {@link MultiLayerSpaces}
 * then checks the Arbiter space it builds from these bindings against FluentDL's own translation.
 */
final class StackProbe {

    /** The DL4J fields an Arbiter layer or updater space can search. */
    enum Field {
        UNITS("units"), ACTIVATION("activation"), RETAIN("dropout rate"), BN_DECAY("batch norm momentum"),
        BN_EPS("batch norm epsilon"), LEARNING_RATE("learning rate"), MOMENTUM("momentum"), BETA1("beta1"),
        BETA2("beta2");

        final String words;

        Field(String words) {
            this.words = words;
        }
    }

    /** Hp {@code hp} sets {@code field} of DL4J layer {@code layer} (-1: the updater) through {@code convert}. */
    record Binding(int layer, Field field, Axis hp, MappedSpace.Map1<Object, Object> convert, boolean identity) {
    }

    private final StackTemplate space;
    private final String where;
    final MultiLayerConfiguration base;

    StackProbe(StackTemplate space, String where) {
        this.space = space;
        this.where = where;
        this.base = translate(space.midpoint());
    }

    /** Every binding; an Hp that sets no field, or a field set by two Hps, is an error. */
    List<Binding> bindings() {
        List<Binding> bindings = new ArrayList<>();
        Map<String, Axis> owner = new HashMap<>();
        for (Axis hp : space.axes()) {
            Map<String, List<Object[]>> samples = new LinkedHashMap<>();   // "layer:field" -> (hp value, field value)
            Object mid = space.midpoint().get(hp.name());
            boolean changed = false;
            for (Object value : probes(hp)) {
                Map<String, Object> values = new LinkedHashMap<>(space.midpoint());
                values.put(hp.name(), value);
                MultiLayerConfiguration conf = translate(values);
                checkSameStack(hp, value, conf);
                changed |= !MultiLayerSpaces.comparable(conf).equals(MultiLayerSpaces.comparable(base));
                for (int layer = -1; layer < base.getConfs().size(); layer++) {
                    for (Field field : Field.values()) {
                        Object was = read(base, layer, field);
                        Object now = read(conf, layer, field);
                        if (!Objects.equals(was, now)) {
                            samples.computeIfAbsent(layer + ":" + field, k -> new ArrayList<>(
                                    List.<Object[]>of(new Object[]{mid, was}))).add(new Object[]{value, now});
                        }
                    }
                }
            }
            if (samples.isEmpty() && changed) {
                throw InvalidConfigException.of(where, hp.name(), null, String.format("Hp '%s' changes a field that no "
                        + "Arbiter space can search (searchable: units, activation, dropout rate, learning rate, Nesterov "
                        + "momentum, Adam's beta1 and beta2)", hp.name()), "Search this space with FluentDL's Search");
            }
            if (samples.isEmpty()) {
                throw InvalidConfigException.of(where, hp.name(), null, String.format("Hp '%s' changes nothing in the "
                        + "network's configuration (a training setting?), and a MultiLayerSpace searches only the network",
                        hp.name()), "Make it Hp.fixed(...) or search this space with FluentDL's Search");
            }
            for (Map.Entry<String, List<Object[]>> e : samples.entrySet()) {
                int layer = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf(':')));
                Field field = Field.valueOf(e.getKey().substring(e.getKey().indexOf(':') + 1));
                Axis other = owner.putIfAbsent(e.getKey(), hp);
                if (other != null) {
                    throw InvalidConfigException.of(where, hp.name(), null, String.format("the %s of %s depends on both "
                            + "Hp '%s' and Hp '%s'; a MultiLayerSpace field takes one leaf", field.words, at(layer),
                            other.name(), hp.name()), "");
                }
                bindings.add(bind(layer, field, hp, e.getValue()));
            }
        }
        return bindings;
    }

    private Binding bind(int layer, Field field, Axis hp, List<Object[]> samples) {
        if (samples.stream().allMatch(s -> sameNumber(s[0], s[1]) && (field != Field.UNITS || s[0] instanceof Integer))) {
            return new Binding(layer, field, hp, v -> v, true);
        }
        if (samples.stream().allMatch(s -> s[0] instanceof Double d && sameNumber(1 - d, s[1]))) {
            return new Binding(layer, field, hp, v -> 1 - (Double) v, false);
        }
        if (!hp.choices().isEmpty()) {
            HashMap<Object, Object> table = new HashMap<>();
            for (Object[] s : samples) {
                table.put(s[0], field == Field.UNITS ? (Object) (int) (long) (Long) s[1] : s[1]);
            }
            return new Binding(layer, field, hp, table::get, false);
        }
        Object[] s = samples.get(samples.size() - 1);
        throw InvalidConfigException.of(where, hp.name(), s[0], String.format("the %s of %s is not Hp '%s' itself "
                        + "(got %s=%s for %s=%s); a MultiLayerSpace needs each searched field to be an Hp's value",
                field.words, at(layer), hp.name(), field.words, s[1], hp.name(), s[0]), "");
    }

    private static boolean sameNumber(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y && x.doubleValue() == y.doubleValue();
    }

    /** The values an Hp is moved to: the ends of a range and its quarter point, or every value of a choice. */
    private static List<Object> probes(Axis hp) {
        if (!hp.choices().isEmpty()) {
            return new ArrayList<>(hp.choices());
        }
        return List.of(hp.fromUnit(0), hp.fromUnit(0.25), hp.fromUnit(1));
    }

    MultiLayerConfiguration translate(Map<String, Object> values) {
        return Model.configuration((ModelSpec) space.build(values));
    }

    private void checkSameStack(Axis hp, Object value, MultiLayerConfiguration conf) {
        List<String> was = kinds(base);
        List<String> now = kinds(conf);
        if (!was.equals(now)) {
            throw InvalidConfigException.of(where, hp.name(), value, String.format("Hp '%s' changes the stack of layers "
                    + "(%s at %s=%s, %s at the midpoint); a MultiLayerSpace has one stack", hp.name(), now, hp.name(),
                    value, was), "");
        }
    }

    private static List<String> kinds(MultiLayerConfiguration conf) {
        return conf.getConfs().stream().map(c -> c.getLayer().getClass().getSimpleName()).toList();
    }

    String at(int layer) {
        return layer < 0 ? "the optimizer" : String.format("DL4J layer %d '%s'", layer,
                base.getConf(layer).getLayer().getLayerName());
    }

    /** The field's value, or null where the layer has none. */
    static Object read(MultiLayerConfiguration conf, int index, Field field) {
        if (index < 0) {
            return readUpdater(updater(conf), field);
        }
        Layer layer = conf.getConf(index).getLayer();
        switch (field) {
            case UNITS:
                return layer instanceof FeedForwardLayer f && !(layer instanceof BatchNormalization) ? f.getNOut() : null;
            case ACTIVATION:
                return layer instanceof BaseLayer b ? b.getActivationFn()
                        : layer instanceof ActivationLayer a ? a.getActivationFn() : null;
            case RETAIN:
                return layer instanceof DropoutLayer d && d.getIDropout() instanceof Dropout p ? p.getP() : null;
            case BN_DECAY:
                return layer instanceof BatchNormalization bn ? bn.getDecay() : null;
            case BN_EPS:
                return layer instanceof BatchNormalization bn ? bn.getEps() : null;
            default:
                return null;
        }
    }

    /** The network's updater: every weighted layer carries the global one. */
    static IUpdater updater(MultiLayerConfiguration conf) {
        return conf.getConfs().stream().map(c -> c.getLayer()).filter(l -> l instanceof BaseLayer)
                .map(l -> ((BaseLayer) l).getIUpdater()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Object readUpdater(IUpdater u, Field field) {
        if (u == null) {
            return null;
        }
        switch (field) {
            case LEARNING_RATE:
                return u.hasLearningRate() ? u.getLearningRate(0, 0) : null;
            case MOMENTUM:
                return u instanceof Nesterovs n ? n.getMomentum() : null;
            case BETA1:
                return u instanceof Adam a ? a.getBeta1() : null;
            case BETA2:
                return u instanceof Adam a ? a.getBeta2() : null;
            default:
                return null;
        }
    }
}
