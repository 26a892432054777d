package io.fluentdl.examples;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.search.Goal;
import io.fluentdl.search.Pruner;
import io.fluentdl.search.Sampler;
import io.fluentdl.search.Search;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.Hp;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.optim.Sgd;
import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.conf.updater.NesterovsSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Interop with Arbiter both ways, on make_circles. (1) An Arbiter user's {@code MultiLayerSpace}
 * searched by FluentDL ({@code Search.over(space)}): TPE, ASHA pruning and FluentDL's trial table.
 * (2) A FluentDL space and its TPE sampler handed to Arbiter: the sampler is an Arbiter
 * {@code CandidateGenerator} and Arbiter's own {@code LocalOptimizationRunner} runs the trials.
 * (3) A FluentDL space as an Arbiter {@code MultiLayerSpace} ({@code space.toMultiLayerSpace()}), run by
 * Arbiter's own random generator and runner on the DL4J configurations Arbiter builds. Java only.
 */
public final class ArbiterInterop {

    public static final int TRIALS = 12;
    public static final int QUICK_TRIALS = 4;
    public static final int EPOCHS = 20;
    public static final int QUICK_EPOCHS = 3;
    public static final int BATCH_SIZE = 32;
    public static final long SEED = 7;

    private ArbiterInterop() {
    }

    public static final Hp<Integer> UNITS = Hp.intRange("units", 8, 64);
    public static final Hp<Double> LR = Hp.logUniform("lr", 1e-3, 0.3);
    public static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.5, 0.99);
    public static final Hp<Double> DROPOUT = Hp.uniform("dropout", 0.0, 0.3);

    /** A FluentDL space that is a plain stack, so Arbiter can hold it as a MultiLayerSpace. */
    public static SearchSpace<ModelSpec> plainSpace() {
        return SearchSpace.named("circles-plain")
                .params(UNITS, LR, MOMENTUM, DROPOUT)
                .model(trial -> Sequential.named("circles")
                        .input(2)
                        .dense(trial.get(UNITS), RELU, HE_UNIFORM)
                        .dropout(trial.get(DROPOUT))
                        .output(1, SIGMOID, BINARY_CROSSENTROPY)
                        .optimizer(Sgd.of(trial.get(LR)).nesterov(trial.get(MOMENTUM)))
                        .seed(1)
                        .build());
    }

    /** An Arbiter space as an Arbiter user writes it: hidden units, learning rate and momentum searched. */
    public static MultiLayerSpace arbiterSpace() {
        return new MultiLayerSpace.Builder()
                .seed(1)
                .weightInit(WeightInit.RELU_UNIFORM)
                .updater(new NesterovsSpace(new ContinuousParameterSpace(1e-3, 0.3),
                        new ContinuousParameterSpace(0.5, 0.95)))
                .addLayer(new DenseLayerSpace.Builder().nIn(2).nOut(new IntegerParameterSpace(4, 64))
                        .activation(Activation.RELU).build())
                .addLayer(new OutputLayerSpace.Builder().nOut(1).activation(Activation.SIGMOID)
                        .lossFunction(LossFunctions.LossFunction.XENT).build())
                .setInputType(InputType.feedForward(2))
                .build();
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        int epochs = options.epochs(QUICK_EPOCHS, EPOCHS);
        int trials = options.quick() ? QUICK_TRIALS : TRIALS;
        // 1. Data: make_circles; the first half trains, the second half scores each trial
        Dataset all = Circles.dataset(1000, 0.1, 1);
        Dataset train = all.slice(0, 500);
        Dataset validation = all.slice(500, 1000);

        // 2. Arbiter -> FluentDL: the user's MultiLayerSpace, searched with TPE and ASHA
        SearchResult<DL4JConfiguration> fromArbiter = Search.over(arbiterSpace())
                .sampler(Sampler::tpe).trials(trials).seed(SEED).maximize()
                .pruner(Pruner.successiveHalving(1, 3)).epochsPerTrial(epochs)
                .objective((candidate, trial, reporter) -> fit(candidate.getMultiLayerConfiguration(), train, validation,
                        epochs, reporter::report))
                .run();
        System.out.println(fromArbiter.table());
        System.out.printf("best of the Arbiter space: %s%n%n", fromArbiter.bestParams());

        // 3. FluentDL -> Arbiter: FluentDL's space, TPE as Arbiter's CandidateGenerator, Arbiter's runner
        CandidateGenerator tpe = Sampler.toArbiter(Sampler::tpe, SEED, RandomSearchCoarseToFine.space(), Goal.MAXIMIZE);
        OptimizationConfiguration conf = new OptimizationConfiguration.Builder().candidateGenerator(tpe)
                .dataProvider(new Unused()).scoreFunction(new ValidationAccuracy())
                .terminationConditions(new MaxCandidatesCondition(trials)).build();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(1, conf, new Train(candidate ->
                Model.of((ModelSpec) candidate.getValue()).fit(train, epochs, BATCH_SIZE, validation).last()
                        .validationAccuracy()));
        runner.execute();
        System.out.printf("Arbiter's LocalOptimizationRunner ran %d FluentDL candidates (TPE); best val_accuracy %.4f "
                + "(candidate %d)%n%n", runner.numCandidatesCompleted(), runner.bestScore(), runner.bestScoreCandidateIndex());

        // 4. FluentDL -> Arbiter, the whole space: a MultiLayerSpace, Arbiter's random generator, runner and networks
        SearchSpace<ModelSpec> plain = plainSpace();
        MultiLayerSpace mls = plain.toMultiLayerSpace();
        RandomSearchGenerator random = new RandomSearchGenerator(mls, null);
        random.setRngSeed(SEED);
        OptimizationConfiguration arbiterConf = new OptimizationConfiguration.Builder().candidateGenerator(random)
                .dataProvider(new Unused()).scoreFunction(new ValidationAccuracy())
                .terminationConditions(new MaxCandidatesCondition(trials)).build();
        LocalOptimizationRunner arbiterRunner = new LocalOptimizationRunner(1, arbiterConf, new Train(candidate -> {
            double accuracy = fit(((DL4JConfiguration) candidate.getValue()).getMultiLayerConfiguration(), train,
                    validation, epochs, (epoch, value) -> { });
            System.out.printf("  Arbiter candidate %d %s: val_accuracy %.4f%n", candidate.getIndex(),
                    plain.trialOf(mls, candidate.getFlatParameters()).params(), accuracy);
            return accuracy;
        }));
        arbiterRunner.execute();
        System.out.printf("Arbiter ran %d candidates of FluentDL's space '%s' as a MultiLayerSpace; best val_accuracy "
                + "%.4f (candidate %d)%n", arbiterRunner.numCandidatesCompleted(), plain.name(), arbiterRunner.bestScore(),
                arbiterRunner.bestScoreCandidateIndex());
    }

    /** Trains a DL4J configuration for {@code epochs}, reporting the validation accuracy after each. */
    static double fit(MultiLayerConfiguration conf, Dataset train, Dataset validation, int epochs,
                      EpochScore report) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSetIterator batches = Model.batches(train, BATCH_SIZE, 1);
        double accuracy = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            batches.reset();
            net.fit(batches);
            accuracy = net.evaluate(Model.batchesInOrder(validation, validation.size())).accuracy();
            report.report(epoch, accuracy);
        }
        return accuracy;
    }

    /** Where {@link #fit} reports each epoch's validation accuracy. */
    interface EpochScore {
        void report(int epoch, double accuracy);
    }

    /** Arbiter's task: score a candidate (train it, score on the validation half) and report it complete. */
    private static final class Train implements TaskCreator {
        private final java.util.function.ToDoubleFunction<Candidate> score;

        Train(java.util.function.ToDoubleFunction<Candidate> score) {
            this.score = score;
        }

        @Override
        public Callable<OptimizationResult> create(Candidate candidate, DataProvider data, ScoreFunction scoreFunction,
                                                   List<StatusListener> listeners, IOptimizationRunner runner) {
            return () -> {
                double accuracy = score.applyAsDouble(candidate);
                long now = System.currentTimeMillis();
                CandidateInfo info = new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, accuracy, now,
                        now, now, candidate.getFlatParameters(), null);
                return new OptimizationResult(candidate, accuracy, candidate.getIndex(), null, info, null);
            };
        }

        @Override
        public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> source,
                                                   Properties props, ScoreFunction scoreFunction,
                                                   List<StatusListener> listeners, IOptimizationRunner runner) {
            return create(candidate, (DataProvider) null, scoreFunction, listeners, runner);
        }
    }

    /** Tells Arbiter the score is maximised; the task computes it. */
    private static final class ValidationAccuracy implements ScoreFunction {
        @Override
        public double score(Object model, DataProvider data, Map<String, Object> params) {
            throw new UnsupportedOperationException("TrainSpec scores each candidate");
        }

        @Override
        public double score(Object model, Class<? extends DataSource> source, Properties props) {
            throw new UnsupportedOperationException("TrainSpec scores each candidate");
        }

        @Override
        public boolean minimize() {
            return false;
        }

        @Override
        public List<Class<?>> getSupportedModelTypes() {
            return List.of(ModelSpec.class, DL4JConfiguration.class);
        }

        @Override
        public List<Class<?>> getSupportedDataTypes() {
            return List.of(Dataset.class);
        }
    }

    /** Arbiter requires a data provider; the task holds the data. */
    private static final class Unused implements DataProvider {
        @Override
        public Object trainData(Map<String, Object> params) {
            return null;
        }

        @Override
        public Object testData(Map<String, Object> params) {
            return null;
        }

        @Override
        public Class<?> getDataType() {
            return Dataset.class;
        }
    }
}
