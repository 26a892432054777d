package io.fluentdl.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fluentdl.errors.InvalidConfigException;
import java.util.Objects;

/**
 * Weight initialisers, by their Keras names: {@link #HE_UNIFORM}, {@link #GLOROT_UNIFORM}, ... and the
 * parametrised {@link #uniform(double, double)} / {@link #normal(double, double)}.
 *
 * <p>Maps to DL4J ({@code WeightInit}): he_uniform → RELU_UNIFORM (U(±√(6/fanIn))), he_normal → RELU
 * (N(0, 2/fanIn); Keras truncates the normal at 2σ, DL4J does not), glorot_uniform → XAVIER_UNIFORM,
 * glorot_normal → XAVIER, lecun_uniform → LECUN_UNIFORM, lecun_normal → LECUN_NORMAL, zeros → ZERO,
 * ones → ONES, uniform(a, b) → {@code WeightInitDistribution(UniformDistribution(a, b))},
 * normal(m, s) → {@code WeightInitDistribution(NormalDistribution(m, s))}.
 */
public final class Init {

    public static final Init HE_UNIFORM = new Init("he_uniform", 0, 0);
    public static final Init HE_NORMAL = new Init("he_normal", 0, 0);
    public static final Init GLOROT_UNIFORM = new Init("glorot_uniform", 0, 0);
    public static final Init GLOROT_NORMAL = new Init("glorot_normal", 0, 0);
    public static final Init LECUN_UNIFORM = new Init("lecun_uniform", 0, 0);
    public static final Init LECUN_NORMAL = new Init("lecun_normal", 0, 0);
    public static final Init ZEROS = new Init("zeros", 0, 0);
    public static final Init ONES = new Init("ones", 0, 0);

    /** Keras' default kernel initialiser for Dense layers. */
    public static final Init KERAS_DEFAULT = GLOROT_UNIFORM;

    private final String name;
    private final double a;
    private final double b;

    private Init(String name, double a, double b) {
        this.name = name;
        this.a = a;
        this.b = b;
    }

    @JsonCreator
    static Init fromJson(@JsonProperty("name") String name, @JsonProperty("a") double a, @JsonProperty("b") double b) {
        return switch (name) {
            case "uniform" -> uniform(a, b);
            case "normal" -> normal(a, b);
            default -> named(name);
        };
    }

    /** U(low, high), e.g. the lecture's {@code uniform(-0.07, 0.07)}. */
    public static Init uniform(double low, double high) {
        if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw InvalidConfigException.of("Init", "uniform", low + ".." + high,
                    String.format("uniform needs finite low < high, got low=%s, high=%s", low, high), "");
        }
        return new Init("uniform", low, high);
    }

    /** N(mean, stddev²). */
    public static Init normal(double mean, double stddev) {
        if (!(stddev > 0) || Double.isInfinite(stddev) || !Double.isFinite(mean)) {
            throw InvalidConfigException.of("Init", "stddev", stddev,
                    String.format("normal needs a finite mean and stddev > 0, got mean=%s, stddev=%s", mean, stddev), "");
        }
        return new Init("normal", mean, stddev);
    }

    /** Looks up a parameter-free initialiser by Keras name ({@code he_uniform}, ...). */
    public static Init named(String kerasName) {
        for (Init i : new Init[]{HE_UNIFORM, HE_NORMAL, GLOROT_UNIFORM, GLOROT_NORMAL, LECUN_UNIFORM, LECUN_NORMAL, ZEROS, ONES}) {
            if (i.name.equals(kerasName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(String.format(
                "Unknown initialiser '%s'. Expected one of: glorot_normal, glorot_uniform, he_normal, he_uniform, "
                        + "lecun_normal, lecun_uniform, ones, zeros, or Init.uniform(low, high) / Init.normal(mean, stddev).",
                kerasName));
    }

    @JsonProperty("name")
    public String name() {
        return name;
    }

    /** First parameter: the low bound of uniform, the mean of normal; 0 otherwise. */
    @JsonProperty("a")
    public double a() {
        return a;
    }

    /** Second parameter: the high bound of uniform, the stddev of normal; 0 otherwise. */
    @JsonProperty("b")
    public double b() {
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Init other && name.equals(other.name) && a == other.a && b == other.b;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, a, b);
    }

    @Override
    public String toString() {
        return switch (name) {
            case "uniform" -> String.format("uniform(%s, %s)", a, b);
            case "normal" -> String.format("normal(%s, %s)", a, b);
            default -> name;
        };
    }
}
