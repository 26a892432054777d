package io.fluentdl.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Activation functions, by their Keras names.
 *
 * <p>Maps to DL4J: {@code org.nd4j.linalg.activations.Activation} ({@code linear} is DL4J's IDENTITY,
 * {@code swish} is DL4J's SWISH = x·sigmoid(x), {@code gelu} DL4J's GELU).
 */
public enum Activation {
    RELU("relu"),
    SIGMOID("sigmoid"),
    TANH("tanh"),
    SOFTMAX("softmax"),
    /** Keras {@code linear}: no activation. */
    IDENTITY("linear"),
    ELU("elu"),
    SELU("selu"),
    LEAKY_RELU("leaky_relu"),
    SOFTPLUS("softplus"),
    SOFTSIGN("softsign"),
    HARD_SIGMOID("hard_sigmoid"),
    SWISH("swish"),
    GELU("gelu");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The Keras spelling, e.g. {@code relu}, {@code linear}. */
    public String kerasName() {
        return kerasName;
    }

    /**
     * Parses a Keras name ({@code relu}, {@code linear}, ...; "identity" is accepted too).
     *
     * @throws IllegalArgumentException naming the known values and the closest one
     */
    public static Activation parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.kerasName.equals(key) || a.name().toLowerCase(Locale.ROOT).equals(key)) {
                return a;
            }
        }
        String known = Arrays.stream(values()).map(Activation::kerasName).sorted().collect(Collectors.joining(", "));
        String closest = Names.closest(key, Arrays.stream(values()).map(Activation::kerasName).toList());
        throw new IllegalArgumentException(String.format("Unknown activation '%s'. Expected one of: %s.%s",
                name, known, closest == null ? "" : String.format(" Did you mean '%s'?", closest)));
    }
}
