package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A named search space: the hyperparameters and a model template that builds one model per trial.
 *
 * <p>Define-by-run, as in Optuna and Keras Tuner: the template is ordinary model-building code that
 * reads typed {@link Hp} handles from the {@link Trial}. The template is run once, at definition,
 * with every {@code Hp} at its {@link Hp#midpoint() midpoint}, so an undeclared handle or a broken
 * template fails here rather than in trial 1.
 *
 * <pre>{@code
 * SearchSpace<ModelSpec> space = SearchSpace.named("bn-search")
 *         .params(units, lr, momentum)
 *         .model(trial -> CaseStudy.builder(trial.get(units))
 *                 .optimizer(Sgd.of(trial.get(lr)).nesterov(trial.get(momentum)))
 *                 .build());
 * }</pre>
 *
 * <p>Samplers see the space as the unit cube with one axis per searched {@code Hp} (fixed ones take
 * none), in the order of {@code params(...)}; {@link #trial(int, double[])} turns a point into a trial.
 *
 * <p>Maps to Arbiter: {@link SearchSpaceAdapter} exposes it as a
 * {@code ParameterSpace<T>} whose leaves are the {@code Hp}s.
 *
 * @param <T> what the template builds (a {@code ModelSpec}, or anything a test needs)
 */
public final class SearchSpace<T> {

    private final String name;
    private final List<Hp<?>> params;
    private final List<Hp<?>> searched;
    private final Map<String, Hp<?>> byName;
    private final Function<Trial, T> template;

    private SearchSpace(String name, List<Hp<?>> params, Function<Trial, T> template) {
        this.name = name;
        this.params = List.copyOf(params);
        this.searched = params.stream().filter(Hp::isSearched).collect(Collectors.toUnmodifiableList());
        Map<String, Hp<?>> map = new LinkedHashMap<>();
        params.forEach(hp -> map.put(hp.name(), hp));
        this.byName = Collections.unmodifiableMap(map);
        this.template = template;
    }

    /** Starts a space; the name appears in messages, results and the study database. */
    public static Builder named(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidConfigException.of("SearchSpace", "name", name, "a name is required", "");
        }
        return new Builder(name);
    }

    /** Collects the parameters, then the template. */
    public static final class Builder {
        private final String name;
        private List<Hp<?>> params = List.of();

        private Builder(String name) {
            this.name = name;
        }

        /** The hyperparameters, each with a unique name; their order is the unit vector's order. */
        public Builder params(Hp<?>... hps) {
            List<Hp<?>> list = new ArrayList<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Hp<?> hp : hps) {
                Objects.requireNonNull(hp, "params(...) must not contain null");
                if (seen.containsKey(hp.name())) {
                    throw InvalidConfigException.of(where(name), "params", hp.name(), String.format(
                            "Hp names must be unique, but '%s' is declared twice (positions %d and %d)",
                            hp.name(), seen.get(hp.name()) + 1, list.size() + 1), "Rename one of them");
                }
                seen.put(hp.name(), list.size());
                list.add(hp);
            }
            this.params = list;
            return this;
        }

        /**
         * The model template, dry-run once with every {@code Hp} at its midpoint.
         *
         * @throws InvalidConfigException if the template reads an undeclared handle or fails
         */
        public <T> SearchSpace<T> model(Function<Trial, T> template) {
            Objects.requireNonNull(template, "template");
            if (params.isEmpty()) {
                throw InvalidConfigException.of(where(name), "params", null,
                        "params(...) needs at least one Hp before model(...)", "");
            }
            SearchSpace<T> space = new SearchSpace<>(name, params, template);
            space.dryRun();
            return space;
        }
    }

    /** The trial at point {@code units} of the unit cube (one coordinate per searched Hp). */
    public Trial trial(int number, double[] units) {
        if (units.length != searched.size()) {
            throw new IllegalArgumentException(String.format("%s: a point needs %d coordinates, got %d",
                    where(name), searched.size(), units.length));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int axis = 0;
        for (Hp<?> hp : params) {
            values.put(hp.name(), hp.isSearched() ? hp.fromUnit(units[axis++]) : hp.midpoint());
        }
        return new Trial(where(name), "which is not in params(...). Declared", number, byName, values, units.clone());
    }

    /** A trial with the given values by name (a stored or best trial's params), checked by each Hp. */
    public Trial trialWith(Map<String, Object> values) {
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Hp<?> hp : params) {
            if (!values.containsKey(hp.name())) {
                throw InvalidConfigException.of(where(name), hp.name(), null, String.format(
                        "no value for Hp '%s' among %s", hp.name(), values.keySet()), "");
            }
            checked.put(hp.name(), hp.coerce(values.get(hp.name())));
        }
        return new Trial(where(name), "which is not in params(...). Declared", -1, byName, checked, null);
    }

    /** Every Hp at its midpoint (u = 1/2): the trial the dry run builds. */
    public Trial midpointTrial() {
        double[] half = new double[searched.size()];
        Arrays.fill(half, 0.5);
        return trial(-1, half);
    }

    /**
     * Builds the model for {@code trial}; rebuilds a winner with {@code build(Trial.fixed(...))}.
     *
     * @throws InvalidConfigException naming the space and the trial's values if the template fails
     */
    public T build(Trial trial) {
        T model;
        try {
            model = template.apply(trial);
        } catch (InvalidConfigException e) {
            if (e.getMessage().contains("the model read Hp")) {
                throw e;
            }
            throw failed(trial, e);
        } catch (RuntimeException e) {
            throw failed(trial, e);
        }
        if (model == null) {
            throw InvalidConfigException.of(where(name), "model", null,
                    String.format("the model template returned null for %s", trial.params()), "");
        }
        return model;
    }

    /** The same template over other ranges for the same names (coarse-to-fine); dry-run again. */
    public SearchSpace<T> withParams(List<Hp<?>> narrowed) {
        SearchSpace<T> space = new SearchSpace<>(name, narrowed, template);
        space.dryRun();
        return space;
    }

    private void dryRun() {
        build(midpointTrial());
    }

    private InvalidConfigException failed(Trial trial, RuntimeException cause) {
        String at = trial.number() < 0 ? String.format("with %s", trial.params())
                : String.format("in trial %d with %s", trial.number(), trial.params());
        return new InvalidConfigException(List.of(Problem.of(where(name), "model", null, String.format(
                "the model template failed %s: %s", at, cause.getMessage()))), cause);
    }

    static String where(String name) {
        return String.format("SearchSpace '%s'", name);
    }

    public String name() {
        return name;
    }

    /** Every Hp, in the order given to {@code params(...)}. */
    public List<Hp<?>> params() {
        return params;
    }

    /** The searched Hps (all but fixed ones): the axes of the unit cube, in order. */
    public List<Hp<?>> searched() {
        return searched;
    }

    /** Number of axes of the unit cube. */
    public int dimensions() {
        return searched.size();
    }

    /** The Hp declared under {@code name}, or null. */
    public Hp<?> param(String name) {
        return byName.get(name);
    }

    /**
     * This space as an Arbiter {@code MultiLayerSpace}, for Arbiter's own generators and
     * {@code LocalOptimizationRunner}: each searched Hp becomes one leaf in the Arbiter layer or updater
     * space of the field it sets. The template must build a {@code ModelSpec} that is a plain stack
     * (dense, batchNorm, dropout, activation, output) and each searched value must go into the network
     * as it is (units, activation, dropout rate, learning rate, Nesterov momentum, Adam's betas);
     * training settings such as the batch size cannot be in a MultiLayerSpace.
     *
     * <pre>{@code
     * MultiLayerSpace mls = space.toMultiLayerSpace();
     * CandidateGenerator random = new RandomSearchGenerator(mls, null);
     * }</pre>
     *
     * <p>Maps to Arbiter: DenseLayerSpace, OutputLayerSpace, DropoutLayerSpace (rate as DL4J's retain
     * probability 1 - rate), ActivationLayerSpace, a constant layer space for untouched layers, SgdSpace,
     * NesterovsSpace, AdamSpace. Checked at build: Arbiter's configuration equals FluentDL's translation
     * (layer names aside) at the ends of every range and at random points.
     *
     * @throws InvalidConfigException naming the layer or Hp that Arbiter's spaces cannot express
     */
    public org.deeplearning4j.arbiter.MultiLayerSpace toMultiLayerSpace() {
        return io.fluentdl.internal.arbiter.MultiLayerSpaces.of(new ArbiterTemplate(this));
    }

    /** The trial at a parameter vector of {@link #toMultiLayerSpace()} (an Arbiter candidate's flat parameters). */
    public Trial trialOf(org.deeplearning4j.arbiter.MultiLayerSpace mls, double[] arbiterVector) {
        return trialWith(io.fluentdl.internal.arbiter.MultiLayerSpaces.values(new ArbiterTemplate(this), mls, arbiterVector));
    }

    @Override
    public String toString() {
        return String.format("SearchSpace '%s' %s", name, params);
    }
}
