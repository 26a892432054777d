package io.fluentdl.internal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.optim.AdaDelta;
import io.fluentdl.optim.AdaGrad;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.RmsProp;
import io.fluentdl.optim.Sgd;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;

/** Our optimizers reach DL4J with Keras' values; DL4J's own defaults (pinned here) differ. */
class UpdaterTranslatorTest {

    @Test
    void dl4jDefaultsDifferFromKeras() {
        // DL4J RMSProp: lr 0.1, decay 0.95 (Keras 0.001, 0.9)
        org.nd4j.linalg.learning.config.RmsProp rms = new org.nd4j.linalg.learning.config.RmsProp();
        assertEquals(0.1, rms.getLearningRate());
        assertEquals(0.95, rms.getRmsDecay());
        // DL4J Adam epsilon 1e-8 (Keras 1e-7)
        assertEquals(1e-8, new org.nd4j.linalg.learning.config.Adam().getEpsilon());
        // DL4J Nesterovs lr 0.1 (Keras SGD 0.01)
        assertEquals(0.1, new Nesterovs().getLearningRate());
        // DL4J BN: decay 0.9, eps 1e-5, and the builder stores log10(std) instead of the variance
        BatchNormalization bn = new BatchNormalization.Builder().nOut(3).build();
        assertEquals(0.9, bn.getDecay());
        assertEquals(1e-5, bn.getEps());
        assertTrue(bn.isUseLogStd());
        // DL4J dropout's number is the probability to RETAIN
        assertEquals(0.8, ((org.deeplearning4j.nn.conf.dropout.Dropout) new org.deeplearning4j.nn.conf.layers.DropoutLayer
                .Builder(0.8).build().getIDropout()).getP());
    }

    @Test
    void rmsPropGetsKerasValues() {
        var u = (org.nd4j.linalg.learning.config.RmsProp) UpdaterTranslator.toDl4j(RmsProp.defaults());
        assertEquals(0.001, u.getLearningRate());
        assertEquals(0.9, u.getRmsDecay());
        assertEquals(1e-7, u.getEpsilon());
    }

    @Test
    void adamFamilyGetsKerasValues() {
        var adam = (org.nd4j.linalg.learning.config.Adam) UpdaterTranslator.toDl4j(Adam.defaults());
        assertEquals(0.001, adam.getLearningRate());
        assertEquals(0.9, adam.getBeta1());
        assertEquals(0.999, adam.getBeta2());
        assertEquals(1e-7, adam.getEpsilon());
        assertEquals(1e-7, ((AdaMax) UpdaterTranslator.toDl4j(Adam.defaults().variant(Adam.Variant.ADAMAX))).getEpsilon());
        assertEquals(1e-7, ((Nadam) UpdaterTranslator.toDl4j(Adam.defaults().variant(Adam.Variant.NADAM))).getEpsilon());
        assertEquals(1e-7, ((AMSGrad) UpdaterTranslator.toDl4j(Adam.defaults().variant(Adam.Variant.AMSGRAD))).getEpsilon());
    }

    @Test
    void sgdKindsMapToThreeUpdaters() {
        var plain = (org.nd4j.linalg.learning.config.Sgd) UpdaterTranslator.toDl4j(Sgd.defaults());
        assertEquals(0.01, plain.getLearningRate());
        assertEquals(new ClassicalMomentum(0.01, null, 0.9, null), UpdaterTranslator.toDl4j(Sgd.defaults().momentum(0.9)));
        var nesterov = (Nesterovs) UpdaterTranslator.toDl4j(Sgd.defaults().nesterov(0.95));
        assertEquals(0.01, nesterov.getLearningRate());
        assertEquals(0.95, nesterov.getMomentum());
        assertInstanceOf(org.nd4j.linalg.learning.config.Sgd.class, UpdaterTranslator.toDl4j(Sgd.defaults().momentum(0.0)));
    }

    @Test
    void adaGradAndAdaDelta() {
        var ada = (org.nd4j.linalg.learning.config.AdaGrad) UpdaterTranslator.toDl4j(AdaGrad.defaults());
        assertEquals(0.001, ada.getLearningRate());
        assertEquals(1e-7, ada.getEpsilon());
        var delta = (org.nd4j.linalg.learning.config.AdaDelta) UpdaterTranslator.toDl4j(AdaDelta.defaults());
        assertEquals(0.95, delta.getRho());
        assertEquals(1e-6, delta.getEpsilon());
    }
}
