package io.fluentdl.internal.dl4j.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Engine;
import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The FAST engine's updater takes DL4J's internal path (views made once) and computes exactly what DL4J's
 * own updater computes on its external path; it is installed with the engine and keeps the optimizer state.
 */
class SameViewUpdaterTest {

    @Test
    void dl4jsOwnGradientIsANewViewOnEveryCall() {
        // why the updater exists: DL4J M2.1's MultiLayerUpdater compares gradient.gradient() with its own array by identity
        MultiLayerNetwork net = Model.of(FastEngineTest.mlp(BnPlacement.NONE)).engine(Engine.STOCK).network();
        Dataset d = FastEngineTest.data(FastEngineTest.mlp(BnPlacement.NONE), 16);
        net.setInput(io.fluentdl.internal.dl4j.DataAccess.arrays(d).features());
        net.setLabels(io.fluentdl.internal.dl4j.DataAccess.arrays(d).labels());
        net.computeGradientAndScore();
        INDArray own = net.getFlattenedGradients();
        assertNotSame(own, net.gradient().gradient());
        assertTrue(SameViewUpdater.sameMemory(own, net.gradient().gradient()));
        assertFalse(SameViewUpdater.sameMemory(own, own.dup()));
        long n = own.length();
        INDArray flat = own.reshape(n);
        assertFalse(SameViewUpdater.sameMemory(flat.get(NDArrayIndex.interval(0, n - 1)), flat.get(NDArrayIndex.interval(1, n))));
        assertTrue(SameViewUpdater.sameMemory(flat.get(NDArrayIndex.interval(1, n)), flat.get(NDArrayIndex.interval(1, n))));
    }

    @ParameterizedTest
    @EnumSource(BnPlacement.class)
    void trainsExactlyAsDl4jsUpdater(BnPlacement placement) {
        ModelSpec spec = FastEngineTest.mlp(placement);
        Model ours = Model.of(spec);
        assertInstanceOf(SameViewUpdater.class, ours.network().getUpdater(false));
        MultiLayerNetwork dl4j = Model.of(spec).network();
        dl4j.setUpdater(new MultiLayerUpdater(dl4j)); // DL4J's own, on the same fast layers
        assertEquals(dl4j.params(), ours.network().params());
        Dataset d = FastEngineTest.data(spec, 96);
        for (int step = 0; step < 12; step++) {
            Dataset batch = d.view((step % 6) * 16, (step % 6) * 16 + 16);
            DataSet ds = new DataSet(io.fluentdl.internal.dl4j.DataAccess.arrays(batch).features(), io.fluentdl.internal.dl4j.DataAccess.arrays(batch).labels());
            ours.network().fit(ds);
            dl4j.fit(ds);
        }
        // the same arrays read through other views: not close, equal
        assertEquals(dl4j.params(), ours.network().params());
        assertEquals(dl4j.getUpdater().getStateViewArray(), ours.network().getUpdater().getStateViewArray());
    }

    @ParameterizedTest
    @EnumSource(BnPlacement.class)
    void stockTrainsBitForBitAsDl4jsOwnUpdater(BnPlacement placement) {
        ModelSpec spec = FastEngineTest.mlp(placement);
        Model ours = Model.of(spec).engine(Engine.STOCK);
        assertInstanceOf(SameViewUpdater.class, ours.network().getUpdater(false));
        MultiLayerNetwork dl4j = Model.of(spec).engine(Engine.STOCK).network();
        dl4j.setUpdater(new MultiLayerUpdater(dl4j));
        Dataset d = FastEngineTest.data(spec, 96);
        for (int step = 0; step < 12; step++) {
            Dataset batch = d.view((step % 6) * 16, (step % 6) * 16 + 16);
            DataSet ds = new DataSet(io.fluentdl.internal.dl4j.DataAccess.arrays(batch).features(), io.fluentdl.internal.dl4j.DataAccess.arrays(batch).labels());
            ours.network().fit(ds);
            dl4j.fit(ds);
        }
        assertEquals(0.0, dl4j.params().sub(ours.network().params()).amaxNumber().doubleValue(), "bit for bit");
        assertEquals(0.0, dl4j.getUpdater().getStateViewArray().sub(ours.network().getUpdater().getStateViewArray())
                .amaxNumber().doubleValue(), "optimizer state");
    }

    @Test
    void installKeepsTheOptimizerStateAndStockGetsDl4jsArithmetic() {
        ModelSpec spec = FastEngineTest.mlp(BnPlacement.BEFORE_ACTIVATION);
        Model model = Model.of(spec);
        model.fit(FastEngineTest.data(spec, 64), 2, 16);
        INDArray state = model.network().getUpdater().getStateViewArray().dup();
        assertTrue(state.amaxNumber().doubleValue() > 0, "Adam's moments after training");
        model.engine(Engine.STOCK);
        // STOCK: the same bookkeeping fix over DL4J's own updater arithmetic (its AdamUpdater, no fused step)
        SameViewUpdater stock = assertInstanceOf(SameViewUpdater.class, model.network().getUpdater());
        assertFalse(stock.fast());
        stock.getUpdaterBlocks().forEach(b -> assertNotSame(FastAdamUpdater.class, b.getGradientUpdater().getClass()));
        assertTrue(stock.getUpdaterBlocks().stream()
                .anyMatch(b -> b.getGradientUpdater().getClass() == org.nd4j.linalg.learning.AdamUpdater.class), "DL4J's Adam");
        assertEquals(state, stock.getStateViewArray());
        model.engine(Engine.FAST);
        assertTrue(assertInstanceOf(SameViewUpdater.class, model.network().getUpdater(false)).fast());
        assertEquals(state, model.network().getUpdater().getStateViewArray());
        SameViewUpdater.install(model.network()); // a second install changes nothing
        assertEquals(state, model.network().getUpdater().getStateViewArray());
    }

    @Test
    void loadedModelGetsItWithItsSavedState(@TempDir Path dir) {
        ModelSpec spec = FastEngineTest.mlp(BnPlacement.NONE);
        Model model = Model.of(spec);
        model.fit(FastEngineTest.data(spec, 64), 1, 16);
        model.save(dir.resolve("m.zip"));
        Model loaded = Model.load(dir.resolve("m.zip"));
        assertInstanceOf(SameViewUpdater.class, loaded.network().getUpdater(false));
        assertEquals(model.network().getUpdater().getStateViewArray(), loaded.network().getUpdater().getStateViewArray());
    }
}
