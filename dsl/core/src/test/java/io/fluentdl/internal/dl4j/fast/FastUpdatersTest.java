package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fluentdl.Engine;
import io.fluentdl.Model;
import io.fluentdl.layers.BnPlacement;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The fast updaters compute DL4J's update to the bit, on arrays laid out as a {@code MultiLayerNetwork}
 * lays them out (a Fortran-order gradient vector, a C-order state vector), and are swapped in and out
 * with the engine.
 */
class FastUpdatersTest {

    static Stream<Arguments> updaters() {
        return Stream.of(
                Arguments.of(new Adam(1e-2, 0.9, 0.999, 1e-7), new FastAdam()),
                Arguments.of(new Nesterovs(0.05, 0.9), new FastNesterovs()),
                Arguments.of(new RmsProp(1e-2, 0.9, 1e-7), new FastRmsProp()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void fastUpdaterComputesDl4jsUpdateExactly(IUpdater stock, IUpdater unused) {
        IUpdater fast = EngineLayers.forEngine(stock, Engine.FAST);
        assertNotEquals(stock.getClass(), fast.getClass());
        int n = 1000;
        INDArray stockGrad = Nd4j.create(DataType.FLOAT, new long[] {1, n}, 'f');
        INDArray fastGrad = Nd4j.create(DataType.FLOAT, new long[] {1, n}, 'f');
        // a block of the network's state vector, as UpdaterBlock hands it over
        INDArray stockState = Nd4j.zeros(DataType.FLOAT, 1, 2L * n + 8).get(NDArrayIndex.point(0), NDArrayIndex.interval(8, 8 + stock.stateSize(n))).reshape(1, stock.stateSize(n));
        INDArray fastState = Nd4j.zeros(DataType.FLOAT, 1, 2L * n + 8).get(NDArrayIndex.point(0), NDArrayIndex.interval(8, 8 + stock.stateSize(n))).reshape(1, stock.stateSize(n));
        GradientUpdater<?> s = stock.instantiate(stockState, true);
        GradientUpdater<?> f = fast.instantiate(fastState, true);
        assertInstanceOf(ContiguousGradient.class, f);
        Nd4j.getRandom().setSeed(3);
        for (int iteration = 0; iteration < 4; iteration++) {
            INDArray g = Nd4j.randn(DataType.FLOAT, 1, n);
            stockGrad.assign(g);
            fastGrad.assign(g);
            s.applyUpdater(stockGrad, iteration, 0);
            f.applyUpdater(fastGrad, iteration, 0);
            assertEquals(stockGrad, fastGrad, "update at iteration " + iteration);
            assertEquals(stockState, fastState, "state at iteration " + iteration);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void fastUpdaterRoundTripsThroughJsonAndClone(IUpdater stock, IUpdater unused) {
        IUpdater fast = EngineLayers.forEngine(stock, Engine.FAST);
        assertEquals(fast, fast.clone());
        assertSame(fast.getClass(), fast.clone().getClass());
        assertEquals(stock, EngineLayers.forEngine(fast, Engine.STOCK));
        assertSame(stock.getClass(), EngineLayers.forEngine(fast, Engine.STOCK).getClass());
        String json = NeuralNetConfiguration.mapper().valueToTree(fast).toString();
        assertEquals(fast, EngineLayers.forEngine(stock, Engine.FAST));
        assertEquals(json, NeuralNetConfiguration.mapper().valueToTree(EngineLayers.forEngine(stock, Engine.FAST)).toString());
    }

    @Test
    void schedulesSurviveTheSwap() {
        Nesterovs stock = new Nesterovs(new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.99), 0.9);
        IUpdater fast = EngineLayers.forEngine(stock, Engine.FAST);
        assertEquals(stock.getLearningRate(10, 0), fast.getLearningRate(10, 0), 0.0);
        assertEquals(stock.getLearningRateSchedule(), ((Nesterovs) fast).getLearningRateSchedule());
        assertEquals(stock.getLearningRateSchedule(), ((Nesterovs) fast.clone()).getLearningRateSchedule());
    }

    @Test
    void fastModelsRunFastUpdatersAndStockOnesDl4js() {
        Model model = Model.of(FastEngineTest.mlp(BnPlacement.BEFORE_ACTIVATION));
        MultiLayerNetwork net = model.network();
        assertInstanceOf(FastAdam.class, ((BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater());
        assertInstanceOf(FastAdam.class, ((BaseLayer) net.getLayer(1).conf().getLayer()).getIUpdater()); // batch norm's gamma, beta
        model.engine(Engine.STOCK);
        assertSame(Adam.class, ((BaseLayer) model.network().getLayer(0).conf().getLayer()).getIUpdater().getClass());
    }
}
