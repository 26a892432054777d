package io.fluentdl.search;

import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.util.LeafUtils;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's Arbiter {@link MultiLayerSpace} as a FluentDL {@link SearchSpace}: one {@link Hp} per
 * searched leaf, named by its place in the space ({@code layer0.nOut}, {@code updater.learningRate}),
 * in the order Arbiter's generators number them (the unique leaves of {@code collectLeaves()}; this
 * sets their indices the same way), so a trial's unit vector is the space's own parameter vector
 * and {@code MultiLayerSpace.getValue} builds the trial's model: Arbiter's own candidate value, a
 * {@link DL4JConfiguration} (its {@code getMultiLayerConfiguration()} is the network), so the search API
 * names Arbiter's types and no DL4J one.
 */
public final class ArbiterLeaves {

    private ArbiterLeaves() {
    }

    /** The space of {@code mls}; each trial's model is {@code mls.getValue(units)}. */
    static SearchSpace<DL4JConfiguration> space(MultiLayerSpace mls) {
        Map<ParameterSpace<?>, String> names = new IdentityHashMap<>();
        name("", mls, names);
        for (int i = 0; ; i++) {
            try {
                name(String.format("layer%d.", i), mls.getLayerSpace(i), names);
            } catch (IndexOutOfBoundsException e) {
                break;
            }
        }
        List<Hp<?>> hps = new ArrayList<>();
        int index = 0;
        for (Object o : LeafUtils.getUniqueObjects(mls.collectLeaves())) {
            ParameterSpace<?> leaf = (ParameterSpace<?>) o;
            if (leaf.numParameters() == 0) {
                continue;
            }
            String name = names.getOrDefault(leaf, String.format("param%d", index));
            if (hps.stream().anyMatch(h -> h.name().equals(name))) {
                throw new IllegalArgumentException(String.format("MultiLayerSpace: two leaves are both named '%s'", name));
            }
            // what Arbiter's generators do when they start: number the unique leaves in order
            int[] indices = new int[leaf.numParameters()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = index + i;
            }
            leaf.setIndices(indices);
            hps.add(new ArbiterHp<>(name, leaf, index));
            index += leaf.numParameters();
        }
        if (index != mls.numParameters()) {
            throw new IllegalArgumentException(String.format("MultiLayerSpace: its leaves take %d parameters but the "
                    + "space has %d; leaves with more than one parameter are not supported", index, mls.numParameters()));
        }
        return SearchSpace.named("arbiter-space").params(hps.toArray(new Hp<?>[0]))
                .model(trial -> mls.getValue(trial.units()));
    }

    @SuppressWarnings("rawtypes")
    private static void name(String prefix, ParameterSpace<?> space, Map<ParameterSpace<?>, String> names) {
        Map<String, ParameterSpace> nested = space.getNestedSpaces();
        if (nested == null) {
            return;
        }
        for (Map.Entry<String, ParameterSpace> e : nested.entrySet()) {
            ParameterSpace<?> child = e.getValue();
            if (child == null) {
                continue;
            }
            if (child.isLeaf()) {
                names.putIfAbsent(child, prefix + e.getKey());
            } else {
                name(prefix + e.getKey() + ".", child, names);
            }
        }
    }
}
