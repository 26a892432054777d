package io.fluentdl.internal.arbiter;

import io.fluentdl.ModelSpec;
import io.fluentdl.search.Goal;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.Sampler;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.TrialResult;
import org.deeplearning4j.arbiter.DL4JConfiguration;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Arbiter's own LocalOptimizationRunner driving FluentDL: Halton as a generator, a FluentDL space as a MultiLayerSpace. */
class ArbiterRunnerTest {

    @Test
    void haltonAsAnArbiterGeneratorProposesWhatFluentDlsHaltonSearchDoes() {
        CandidateGenerator halton = Sampler.toArbiter(Sampler::halton, 9, ArbiterInteropTest.space(), Goal.MAXIMIZE);
        OptimizationConfiguration conf = new OptimizationConfiguration.Builder().candidateGenerator(halton)
                .dataProvider(new ArbiterInteropTest.NoData()).scoreFunction(new ArbiterInteropTest.Score())
                .terminationConditions(new MaxCandidatesCondition(8)).build();
        List<Map<String, Object>> arbiter = new ArrayList<>();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(1, conf, new ArbiterInteropTest.Task(arbiter));
        runner.execute();
        assertEquals(8, runner.numCandidatesCompleted());
        List<Map<String, Object>> fluent = new ArrayList<>();
        RandomSearch.over(ArbiterInteropTest.space()).sampler(Sampler::halton).seed(9).trials(8).maximize()
                .objective((m, t, r) -> ArbiterInteropTest.score(m)).run().trials().stream()
                .sorted(Comparator.comparingInt(TrialResult::number)).forEach(t -> fluent.add(t.params()));
        assertEquals(fluent, arbiter);
    }

    @Test
    void arbitersRunnerTrainsTheNetworksOfAFluentDlSpaceHandedOverAsAMultiLayerSpace() {
        SearchSpace<ModelSpec> space = MultiLayerSpacesTest.space();
        MultiLayerSpace mls = space.toMultiLayerSpace();
        RandomSearchGenerator random = new RandomSearchGenerator(mls, null);
        random.setRngSeed(4);
        OptimizationConfiguration conf = new OptimizationConfiguration.Builder().candidateGenerator(random)
                .dataProvider(new ArbiterInteropTest.NoData()).scoreFunction(new ArbiterInteropTest.Score())
                .terminationConditions(new MaxCandidatesCondition(3)).build();
        List<String> seen = new ArrayList<>();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(1, conf, new TaskCreator() {
            @Override
            public Callable<OptimizationResult> create(Candidate c, DataProvider d, ScoreFunction s,
                                                       List<StatusListener> l, IOptimizationRunner r) {
                return () -> {
                    MultiLayerConfiguration built = ((DL4JConfiguration) c.getValue()).getMultiLayerConfiguration();
                    MultiLayerNetwork net = new MultiLayerNetwork(built);
                    net.init();
                    // the network Arbiter built has the parameters FluentDL's spec declares for this trial
                    ModelSpec spec = space.build(space.trialOf(mls, c.getFlatParameters()));
                    synchronized (seen) {
                        seen.add(String.format("%d=%d", net.numParams(), spec.params().total()));
                    }
                    double units = ((DenseLayer) built.getConf(0).getLayer()).getNOut();
                    long now = System.currentTimeMillis();
                    CandidateInfo info = new CandidateInfo(c.getIndex(), CandidateStatus.Complete, units, now, now, now,
                            c.getFlatParameters(), null);
                    return new OptimizationResult(c, units, c.getIndex(), null, info, null);
                };
            }

            @Override
            public Callable<OptimizationResult> create(Candidate c, Class<? extends DataSource> source, Properties p,
                                                       ScoreFunction s, List<StatusListener> l, IOptimizationRunner r) {
                return create(c, (DataProvider) null, s, l, r);
            }
        });
        runner.execute();
        assertEquals(3, runner.numCandidatesCompleted());
        assertEquals(3, seen.size());
        for (String pair : seen) {
            String[] both = pair.split("=");
            assertEquals(both[1], both[0], pair);
        }
        assertTrue(runner.bestScore() >= 16 && runner.bestScore() <= 64, Double.toString(runner.bestScore()));
    }
}
