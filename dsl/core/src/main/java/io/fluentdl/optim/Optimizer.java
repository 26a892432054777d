package io.fluentdl.optim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.fluentdl.schedule.LearningRate;

/**
 * An optimizer (DL4J: updater) with its learning rate, fixed or scheduled. Every optimizer states
 * Keras' defaults as constants, and the translator sets every DL4J field, because DL4J's defaults
 * differ (RMSProp lr 0.1 and decay 0.95; Adam epsilon 1e-8).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Sgd.class, name = "sgd"),
        @JsonSubTypes.Type(value = Adam.class, name = "adam"),
        @JsonSubTypes.Type(value = RmsProp.class, name = "rmsprop"),
        @JsonSubTypes.Type(value = AdaGrad.class, name = "adagrad"),
        @JsonSubTypes.Type(value = AdaDelta.class, name = "adadelta"),
})
public sealed interface Optimizer permits Sgd, Adam, RmsProp, AdaGrad, AdaDelta {

    /** The learning rate over training. */
    LearningRate learningRate();
}
