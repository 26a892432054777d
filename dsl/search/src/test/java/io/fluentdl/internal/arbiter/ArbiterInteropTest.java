package io.fluentdl.internal.arbiter;

import io.fluentdl.search.GridSearch;
import io.fluentdl.search.Goal;
import io.fluentdl.search.Hp;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.Sampler;
import io.fluentdl.search.Search;
import io.fluentdl.search.SearchSpaceAdapter;
import io.fluentdl.search.SearchResult;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.Trial;
import io.fluentdl.search.TrialResult;
import org.apache.commons.math3.random.SynchronizedRandomGenerator;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.conf.updater.SgdSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** FluentDL's samplers and Arbiter's generators and runner, each driving the other's side. */
class ArbiterInteropTest {

    static final Hp<Double> LR = Hp.logUniform("learningRate", 1e-4, 1);
    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 256);
    static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);
    static final Hp<String> ACT = Hp.choice("activation", "relu", "tanh", "elu");
    static final Hp<Integer> LAYERS = Hp.intRange("layers", 2, 4);

    static SearchSpace<Map<String, Object>> space() {
        return SearchSpace.named("interop").params(LR, UNITS, MOMENTUM, ACT, LAYERS).model(Trial::params);
    }

    /** Best at lr = 1e-2, units = 128; maximize. */
    static double score(Map<String, Object> p) {
        double a = Math.log10((Double) p.get("learningRate")) + 2;
        double b = ((Integer) p.get("units") - 128) / 256.0;
        return 1 - a * a / 4 - b * b;
    }

    @Test
    void randomSearchTrialsAreArbitersRandomCandidatesThroughTheSameLeaves() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(space()).trials(8).seed(11).maximize()
                .objective((m, t, r) -> score(m)).run();
        for (TrialResult t : result.trials()) {
            // Arbiter's generator over the whole space (each leaf maps its own coordinate) with trial k's stream
            RandomSearchGenerator arbiter = new RandomSearchGenerator(SearchSpaceAdapter.of(space()), null);
            arbiter.setRng(new SynchronizedRandomGenerator(new StreamRandom(RandomStreams.of(11, t.number()))));
            @SuppressWarnings("unchecked")
            Candidate<Map<String, Object>> c = arbiter.getCandidate();
            assertEquals(c.getValue(), t.params(), "trial " + t.number());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void gridSearchVisitsExactlyArbitersGridCandidates() {
        Set<Map<String, Object>> arbiter = new HashSet<>();
        GridSearchCandidateGenerator grid = new GridSearchCandidateGenerator(SearchSpaceAdapter.of(space()), 3,
                GridSearchCandidateGenerator.Mode.Sequential, null);
        while (grid.hasMoreCandidates()) {
            arbiter.add(((Candidate<Map<String, Object>>) grid.getCandidate()).getValue());
        }
        Set<Map<String, Object>> ours = new HashSet<>();
        GridSearch.over(space(), 3).trials(1000).maximize().objective((m, t, r) -> score(m)).run().trials()
                .forEach(t -> ours.add(t.params()));
        assertEquals(3 * 3 * 3 * 3 * 3, arbiter.size());
        assertEquals(arbiter, ours);
    }

    @Test
    void tpeAsAnArbiterGeneratorRunsUnderArbitersRunnerAndProposesWhatFluentDlsSearchDoes() {
        CandidateGenerator tpe = Sampler.toArbiter(Sampler::tpe, 5, space(), Goal.MAXIMIZE);
        OptimizationConfiguration conf = new OptimizationConfiguration.Builder().candidateGenerator(tpe)
                .dataProvider(new NoData()).scoreFunction(new Score())
                .terminationConditions(new MaxCandidatesCondition(16)).build();
        List<Map<String, Object>> arbiter = new ArrayList<>();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(1, conf, new Task(arbiter));
        runner.execute();
        assertEquals(16, runner.numCandidatesCompleted());
        List<Map<String, Object>> fluent = new ArrayList<>();
        RandomSearch.over(space()).sampler(Sampler::tpe).seed(5).trials(16).maximize()
                .objective((m, t, r) -> score(m)).run().trials().stream()
                .sorted(java.util.Comparator.comparingInt(TrialResult::number)).forEach(t -> fluent.add(t.params()));
        assertEquals(fluent, arbiter);
        // past the 10 start-up trials TPE proposes, not random search
        List<Map<String, Object>> random = new ArrayList<>();
        RandomSearch.over(space()).seed(5).trials(16).maximize().objective((m, t, r) -> score(m)).run().trials().stream()
                .sorted(java.util.Comparator.comparingInt(TrialResult::number)).forEach(t -> random.add(t.params()));
        assertEquals(random.subList(0, 10), arbiter.subList(0, 10));
        assertNotEquals(random.get(12), arbiter.get(12));
    }

    @Test
    void fluentDlsSearchRunsWithArbitersGridGenerator() {
        SearchResult<Map<String, Object>> result = RandomSearch.over(space())
                .sampler(seed -> Sampler.fromArbiter("grid(3)", leaves -> new GridSearchCandidateGenerator(leaves, 3,
                        GridSearchCandidateGenerator.Mode.Sequential, null)))
                .trials(1000).maximize().objective((m, t, r) -> score(m)).run();
        assertEquals(243, result.trials().size());
        Set<Map<String, Object>> params = new HashSet<>();
        result.trials().forEach(t -> params.add(t.params()));
        assertEquals(243, params.size());
        assertEquals(1e-2, (Double) result.best().params().get("learningRate"), 1e-12);
    }

    @Test
    void fluentDlsSearchRunsAnArbiterMultiLayerSpaceWithNamedLeaves() {
        MultiLayerSpace mls = new MultiLayerSpace.Builder().seed(1)
                .updater(new SgdSpace(new ContinuousParameterSpace(1e-3, 0.3)))
                .addLayer(new DenseLayerSpace.Builder().nIn(2).nOut(new IntegerParameterSpace(4, 64))
                        .activation(Activation.RELU).build())
                .addLayer(new OutputLayerSpace.Builder().nOut(1).activation(Activation.SIGMOID)
                        .lossFunction(LossFunctions.LossFunction.XENT).build())
                .build();
        List<MultiLayerConfiguration> built = new ArrayList<>();
        SearchResult<DL4JConfiguration> result = Search.over(mls).sampler(Sampler::tpe).trials(12).maximize()
                .objective((candidate, t, r) -> {
                    MultiLayerConfiguration conf = candidate.getMultiLayerConfiguration();
                    synchronized (built) {
                        built.add(conf);
                    }
                    // best at 32 units and lr 0.01, read from the DL4J configuration Arbiter built
                    long units = ((FeedForwardLayer) conf.getConf(0).getLayer()).getNOut();
                    double lr = ((Sgd) ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater()).getLearningRate();
                    return -Math.abs(units - 32) / 32.0 - Math.abs(Math.log10(lr) + 2);
                }).run();
        assertEquals(List.of("layer0.nOut", "updater.learningRate"), result.space().params().stream()
                .map(Hp::name).toList());
        assertEquals(12, built.size());
        for (TrialResult t : result.trials()) {
            MultiLayerConfiguration conf = mls.getValue(t.units()).getMultiLayerConfiguration();
            assertEquals(((Number) t.params().get("layer0.nOut")).longValue(),
                    ((FeedForwardLayer) conf.getConf(0).getLayer()).getNOut());
            assertEquals((Double) t.params().get("updater.learningRate"),
                    ((Sgd) ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater()).getLearningRate(), 0);
        }
        assertEquals(result.best().params().get("layer0.nOut").toString(), Long.toString(
                ((FeedForwardLayer) result.bestModel().getMultiLayerConfiguration().getConf(0).getLayer()).getNOut()));
    }

    /** Arbiter calls the task with the candidate; the score is the synthetic function of its params. */
    static final class Task implements TaskCreator {
        private final List<Map<String, Object>> seen;

        Task(List<Map<String, Object>> seen) {
            this.seen = seen;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Callable<OptimizationResult> create(Candidate candidate, DataProvider data, ScoreFunction score,
                                                   List<StatusListener> listeners, IOptimizationRunner runner) {
            return () -> {
                Map<String, Object> p = (Map<String, Object>) candidate.getValue();
                synchronized (seen) {
                    seen.add(p);
                }
                double value = score(p);
                long now = System.currentTimeMillis();
                CandidateInfo info = new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, value, now, now,
                        now, candidate.getFlatParameters(), null);
                return new OptimizationResult(candidate, value, candidate.getIndex(), null, info, null);
            };
        }

        @Override
        public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> source,
                                                   Properties props, ScoreFunction score,
                                                   List<StatusListener> listeners, IOptimizationRunner runner) {
            return create(candidate, (DataProvider) null, score, listeners, runner);
        }
    }

    static final class Score implements ScoreFunction {
        @Override
        public double score(Object model, DataProvider data, Map<String, Object> params) {
            throw new UnsupportedOperationException("the task scores");
        }

        @Override
        public double score(Object model, Class<? extends DataSource> source, Properties props) {
            throw new UnsupportedOperationException("the task scores");
        }

        @Override
        public boolean minimize() {
            return false;
        }

        @Override
        public List<Class<?>> getSupportedModelTypes() {
            return List.of(Map.class);
        }

        @Override
        public List<Class<?>> getSupportedDataTypes() {
            return List.of(Object.class);
        }
    }

    static final class NoData implements DataProvider {
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
            return Object.class;
        }
    }
}
