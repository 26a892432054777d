package io.fluentdl.internal.arbiter;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Sgd;
import io.fluentdl.search.Hp;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.Trial;
import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A FluentDL space handed to Arbiter: Arbiter's generators and MultiLayerSpace build FluentDL's networks. */
class MultiLayerSpacesTest {

    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 64);
    static final Hp<Double> LR = Hp.logUniform("lr", 1e-3, 0.3);
    static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.5, 0.99);
    static final Hp<Double> RATE = Hp.uniform("rate", 0.0, 0.5);
    static final Hp<Activation> ACT = Hp.choice("activation", Activation.RELU, Activation.TANH);

    /**
     * Dense (BN before the activation: identity dense + BN + activation layer), dropout, dense (again with BN
     * and activation: the switch is model-wide), output: DL4J layers 0..7.
     */
    static SearchSpace<ModelSpec> space() {
        return SearchSpace.named("plain").params(UNITS, LR, MOMENTUM, RATE, ACT)
                .model(t -> Sequential.named("plain").input(2)
                        .dense(t.get(UNITS), t.get(ACT), Init.HE_UNIFORM)
                        .batchNorm()
                        .dropout(t.get(RATE))
                        .dense(t.get(UNITS), Activation.RELU, Init.HE_UNIFORM, d -> d.l2(1e-4))
                        .output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY)
                        .batchNormPlacement(BnPlacement.BEFORE_ACTIVATION)
                        .optimizer(Sgd.of(t.get(LR)).nesterov(t.get(MOMENTUM)))
                        .seed(3)
                        .build());
    }

    static MultiLayerConfiguration fluentDl(SearchSpace<ModelSpec> space, Trial trial) {
        return Model.configuration(space.build(trial));
    }

    @Test
    void arbitersRandomCandidatesBuildWhatFluentDlBuildsForTheSameValues() {
        SearchSpace<ModelSpec> space = space();
        MultiLayerSpace mls = space.toMultiLayerSpace();
        assertEquals(5, mls.numParameters());   // units is one leaf, used by both dense layers
        RandomSearchGenerator generator = new RandomSearchGenerator(mls, null);
        generator.setRng(new org.apache.commons.math3.random.SynchronizedRandomGenerator(new org.apache.commons.math3.random.MersenneTwister(17)));
        for (int k = 0; k < 6; k++) {
            Candidate<?> candidate = generator.getCandidate();
            MultiLayerConfiguration arbiter = ((DL4JConfiguration) candidate.getValue()).getMultiLayerConfiguration();
            Trial trial = space.trialOf(mls, candidate.getFlatParameters());
            MultiLayerConfiguration ours = fluentDl(space, trial);
            assertEquals(MultiLayerSpaces.comparable(ours), MultiLayerSpaces.comparable(arbiter), "candidate " + k);
            // the same values read by hand from Arbiter's configuration: units, rate as retain, Nesterov settings
            int units = trial.get(UNITS);
            assertEquals(units, ((DenseLayer) arbiter.getConf(0).getLayer()).getNOut());
            assertEquals(units, ((DenseLayer) arbiter.getConf(4).getLayer()).getNOut());
            assertEquals(units, ((DenseLayer) arbiter.getConf(4).getLayer()).getNIn());
            assertEquals(1 - trial.get(RATE), ((Dropout) ((DropoutLayer) arbiter.getConf(3).getLayer()).getIDropout())
                    .getP(), 0);
            Object act = ((ActivationLayer) arbiter.getConf(2).getLayer()).getActivationFn();
            assertEquals(trial.get(ACT) == Activation.RELU ? ActivationReLU.class : ActivationTanH.class, act.getClass());
            Nesterovs updater = (Nesterovs) ((DenseLayer) arbiter.getConf(0).getLayer()).getIUpdater();
            assertEquals(trial.get(LR), updater.getLearningRate(), 0);
            assertEquals(trial.get(MOMENTUM), updater.getMomentum(), 0);
            // fixed fields come through as FluentDL sets them: no bias before BN, Keras l2 doubled, the loss
            assertEquals(false, ((DenseLayer) arbiter.getConf(0).getLayer()).hasBias());
            assertEquals(WeightInit.RELU_UNIFORM.getWeightInitFunction(),
                    ((DenseLayer) arbiter.getConf(0).getLayer()).getWeightInitFn());
            assertEquals(LossFunctions.LossFunction.XENT.getILossFunction(),
                    ((OutputLayer) arbiter.getConf(7).getLayer()).getLossFn());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void arbitersGridVisitsEveryChoiceAndBothEndsOfEachRange() {
        SearchSpace<ModelSpec> space = space();
        MultiLayerSpace mls = space.toMultiLayerSpace();
        GridSearchCandidateGenerator grid = new GridSearchCandidateGenerator(mls, 2,
                GridSearchCandidateGenerator.Mode.Sequential, null);
        Set<Object> units = new HashSet<>();
        Set<Object> activations = new HashSet<>();
        int n = 0;
        while (grid.hasMoreCandidates()) {
            Candidate<DL4JConfiguration> c = (Candidate<DL4JConfiguration>) (Candidate<?>) grid.getCandidate();
            Trial trial = space.trialOf(mls, c.getFlatParameters());
            assertEquals(MultiLayerSpaces.comparable(fluentDl(space, trial)),
                    MultiLayerSpaces.comparable(c.getValue().getMultiLayerConfiguration()));
            units.add(trial.get(UNITS));
            activations.add(trial.get(ACT));
            n++;
        }
        assertEquals(32, n);
        assertEquals(Set.of(16, 64), units);
        assertEquals(Set.of(Activation.RELU, Activation.TANH), activations);
    }

    @Test
    void arbitersFixedLayerSpaceIsAGridAxisWhichIsWhyFixedLayersAreConstantLayerSpaces() {
        // Arbiter's FixedLayerSpace is a leaf: its grid generator gives it discretizationCount points
        org.deeplearning4j.arbiter.MultiLayerSpace fixedOutput = new MultiLayerSpace.Builder()
                .addLayer(new org.deeplearning4j.arbiter.layers.DenseLayerSpace.Builder().nIn(2)
                        .nOut(new org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace(4, 8)).build())
                .addLayer(new org.deeplearning4j.arbiter.layers.fixed.FixedLayerSpace<>(new OutputLayer.Builder()
                        .nIn(4).nOut(1).build()))
                .build();
        assertEquals(3 * 3, new GridSearchCandidateGenerator(fixedOutput, 3,
                GridSearchCandidateGenerator.Mode.Sequential, null).getTotalNumCandidates());
    }

    @Test
    void adamsLearningRateAndBetasAreArbitersAdamSpace() {
        Hp<Double> beta2 = Hp.oneMinusLogUniform("beta2", 0.99, 0.9999);
        SearchSpace<ModelSpec> space = SearchSpace.named("adam").params(LR, beta2)
                .model(t -> Sequential.named("adam").input(4).dense(8, Activation.RELU)
                        .output(3, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY)
                        .optimizer(Adam.of(t.get(LR)).beta2(t.get(beta2))).seed(1).build());
        MultiLayerSpace mls = space.toMultiLayerSpace();
        RandomSearchGenerator generator = new RandomSearchGenerator(mls, null);
        generator.setRng(new org.apache.commons.math3.random.SynchronizedRandomGenerator(new org.apache.commons.math3.random.MersenneTwister(5)));
        Candidate<?> c = generator.getCandidate();
        Trial trial = space.trialOf(mls, c.getFlatParameters());
        MultiLayerConfiguration arbiter = ((DL4JConfiguration) c.getValue()).getMultiLayerConfiguration();
        assertEquals(MultiLayerSpaces.comparable(fluentDl(space, trial)), MultiLayerSpaces.comparable(arbiter));
        assertEquals(trial.get(beta2), ((org.nd4j.linalg.learning.config.Adam) ((DenseLayer) arbiter.getConf(0)
                .getLayer()).getIUpdater()).getBeta2(), 0);
    }

    @Test
    void aConvolutionalTemplateIsNotAPlainStack() {
        SearchSpace<ModelSpec> space = SearchSpace.named("conv").params(UNITS)
                .model(t -> Sequential.named("conv").input(8, 8, 1).conv2d(4, 3, Activation.RELU).flatten()
                        .dense(t.get(UNITS), Activation.RELU).output(2, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY)
                        .build());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, space::toMultiLayerSpace);
        assertTrue(e.getMessage().contains("SearchSpace 'conv'.toMultiLayerSpace(): needs a plain stack of dense, "
                + "batchNorm, dropout, activation and output layers, but layer 1 'conv2d_1' is a Conv2D"), e.getMessage());
    }

    @Test
    void anHpThatIsATrainingSettingCannotBeInAMultiLayerSpace() {
        Hp<Integer> batch = Hp.choice("batchSize", 32, 64);
        SearchSpace<ModelSpec> space = SearchSpace.named("batch").params(UNITS, batch)
                .model(t -> Sequential.named("b").input(2).dense(t.get(UNITS), Activation.RELU)
                        .output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY).build());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, space::toMultiLayerSpace);
        assertTrue(e.getMessage().contains("Hp 'batchSize' changes nothing in the network's configuration"), e.getMessage());
    }

    @Test
    void anHpUsedThroughArithmeticIsNamedWithTheValuesSeen() {
        SearchSpace<ModelSpec> space = SearchSpace.named("twice").params(UNITS)
                .model(t -> Sequential.named("t").input(2).dense(2 * t.get(UNITS), Activation.RELU)
                        .output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY).build());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, space::toMultiLayerSpace);
        assertTrue(e.getMessage().contains("the units of DL4J layer 0 'dense_1' is not Hp 'units' itself (got "
                + "units=128 for units=64)"), e.getMessage());
    }

    @Test
    void classicalMomentumHasNoArbiterUpdaterSpace() {
        SearchSpace<ModelSpec> space = SearchSpace.named("classical").params(MOMENTUM)
                .model(t -> Sequential.named("c").input(2).dense(8, Activation.RELU)
                        .output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY)
                        .optimizer(Sgd.of(0.1).momentum(t.get(MOMENTUM))).build());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, space::toMultiLayerSpace);
        assertTrue(e.getMessage().contains("Hp 'momentum' changes a field that no Arbiter space can search"),
                e.getMessage());
    }
}
