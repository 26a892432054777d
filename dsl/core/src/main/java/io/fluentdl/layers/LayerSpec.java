package io.fluentdl.layers;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of a model's stack, as the user wrote it. The translator turns each into one or more
 * DL4J layers (a dense layer with BN before its activation becomes three).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = BatchNorm.class, name = "batchNorm"),
        @JsonSubTypes.Type(value = Dropout.class, name = "dropout"),
        @JsonSubTypes.Type(value = ActivationLayer.class, name = "activation"),
        @JsonSubTypes.Type(value = Output.class, name = "output"),
        @JsonSubTypes.Type(value = Conv2D.class, name = "conv2d"),
        @JsonSubTypes.Type(value = Pooling2D.class, name = "pooling2d"),
        @JsonSubTypes.Type(value = GlobalPooling2D.class, name = "globalPooling2d"),
        @JsonSubTypes.Type(value = Flatten.class, name = "flatten"),
        @JsonSubTypes.Type(value = CustomLayer.class, name = "custom"),
})
public sealed interface LayerSpec permits Dense, BatchNorm, Dropout, ActivationLayer, Output, Conv2D, Pooling2D,
        GlobalPooling2D, Flatten, CustomLayer {

    /** The layer's name, Keras-style ({@code dense_1}); unique within a model. */
    String name();

    /** The Keras type shown by {@code summary()}: Dense, Conv2D, MaxPooling2D, Flatten, BatchNorm, Dropout, ... */
    String kind();

    /** The prefix of this layer's auto name, Keras' ({@code max_pooling2d} → {@code max_pooling2d_1}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    default String autoPrefix() {
        return autoPrefix(getClass());
    }

    /** The prefix of auto names for this kind ({@code dense} → {@code dense_1}). */
    static String autoPrefix(Class<? extends LayerSpec> type) {
        if (type == Dense.class) {
            return "dense";
        } else if (type == BatchNorm.class) {
            return "batch_norm";
        } else if (type == Dropout.class) {
            return "dropout";
        } else if (type == ActivationLayer.class) {
            return "activation";
        } else if (type == Conv2D.class) {
            return "conv2d";
        } else if (type == Flatten.class) {
            return "flatten";
        } else if (type == CustomLayer.class) {
            return "custom";
        }
        return "output";
    }
}
