package io.fluentdl.experiments.sweep;

import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Activation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a sweep parameter controls in the model template: the names a sweep file may use under
 * {@code parameters:} (and as fixed values under {@code model:}), each with its type, valid range
 * and the distributions that make sense for it.
 */
public enum Knob {
    /** The optimizer's learning rate, {@code > 0}. */
    LR("lr", Type.REAL, "learning_rate"),
    /** SGD: classical momentum; nesterov: mu; adam: beta1; rmsprop: rho. In [0, 1). */
    MOMENTUM("momentum", Type.REAL, "beta1", "rho"),
    /** Adam's beta2, in [0, 1). */
    BETA2("beta2", Type.REAL),
    /** Adam's / RMSProp's epsilon, {@code > 0}. */
    EPSILON("epsilon", Type.REAL),
    /** Units of every hidden dense layer, {@code >= 1}. */
    UNITS("units", Type.INT),
    /** Number of hidden dense layers, {@code >= 1}. */
    LAYERS("layers", Type.INT),
    /** Examples per update, {@code >= 1}. */
    BATCH_SIZE("batch_size", Type.INT),
    /** Batch-norm placement on every hidden layer: NONE, BEFORE_ACTIVATION, AFTER_ACTIVATION. */
    BN("bn", Type.BN, "batch_norm"),
    /** Dropout rate (fraction dropped) after every hidden layer, in [0, 1). */
    DROPOUT("dropout", Type.REAL),
    /** L2 weight penalty on every dense layer, {@code >= 0}. */
    L2("l2", Type.REAL, "weight_decay"),
    /** Activation of the hidden layers (relu, tanh, elu, ...). */
    ACTIVATION("activation", Type.ACTIVATION);

    /** The kind of value a knob takes. */
    public enum Type {
        REAL, INT, BN, ACTIVATION
    }

    private final String key;
    private final Type type;
    private final List<String> aliases;

    Knob(String key, Type type, String... aliases) {
        this.key = key;
        this.type = type;
        this.aliases = List.of(aliases);
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The knob called {@code name} (its key or an alias), or null. */
    public static Knob find(String name) {
        for (Knob k : values()) {
            if (k.key.equals(name) || k.aliases.contains(name)) {
                return k;
            }
        }
        return null;
    }

    /** Every key and alias, for "expected one of" lists. */
    public static List<String> names() {
        return Arrays.stream(values()).flatMap(k -> java.util.stream.Stream.concat(java.util.stream.Stream.of(k.key),
                k.aliases.stream())).collect(Collectors.toList());
    }

    /** The distributions that suit this knob's type. */
    public Set<Distribution> distributions() {
        switch (type) {
            case REAL:
                return EnumSet.of(Distribution.UNIFORM, Distribution.LOG_UNIFORM, Distribution.ONE_MINUS_LOG_UNIFORM,
                        Distribution.CATEGORICAL, Distribution.CONSTANT);
            case INT:
                return EnumSet.of(Distribution.INT_UNIFORM, Distribution.INT_LOG_UNIFORM, Distribution.CATEGORICAL,
                        Distribution.CONSTANT);
            default:
                return EnumSet.of(Distribution.CATEGORICAL, Distribution.CONSTANT);
        }
    }

    /**
     * Converts a scalar from the file to this knob's value type (Double, Integer, BnPlacement,
     * Activation) and checks its range.
     *
     * @throws IllegalArgumentException with the rule broken, worded for the file
     */
    public Object convert(String text) {
        switch (type) {
            case REAL: {
                double v = number(text);
                checkReal(v);
                return v;
            }
            case INT: {
                double v = number(text);
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(String.format("%s must be a whole number, got %s", key, text));
                }
                if (v < 1) {
                    throw new IllegalArgumentException(String.format("%s must be >= 1, got %s=%s", key, key, text));
                }
                checkMax((int) v, text);
                return (int) v;
            }
            case BN: {
                String upper = text.trim().toUpperCase(Locale.ROOT);
                for (BnPlacement p : BnPlacement.values()) {
                    if (p != BnPlacement.AS_WRITTEN && p.name().equals(upper)) {
                        return p;
                    }
                }
                throw new IllegalArgumentException(unknown("bn placement", text, List.of("NONE", "BEFORE_ACTIVATION",
                        "AFTER_ACTIVATION")));
            }
            default:
                try {
                    return Activation.parse(text.trim());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(unknown("activation", text, Arrays.stream(Activation.values())
                            .filter(a -> a != Activation.SOFTMAX).map(Activation::kerasName).collect(Collectors.toList())));
                }
        }
    }

    /** The machine-protecting maximum of an INT knob ({@link io.fluentdl.errors.Limits}), checked before any trial runs. */
    private void checkMax(int v, String text) {
        int max;
        String why;
        switch (this) {
            case UNITS -> {
                max = io.fluentdl.errors.Limits.MAX_UNITS;
                why = "a 65536 x 65536 weight matrix alone takes 16 GiB";
            }
            case BATCH_SIZE -> {
                max = io.fluentdl.errors.Limits.MAX_BATCH_SIZE;
                why = "a batch's activations are allocated at once";
            }
            case LAYERS -> {
                max = io.fluentdl.errors.Limits.MAX_LAYERS;
                why = "deeper plain dense stacks do not train";
            }
            default -> {
                return;
            }
        }
        if (v > max) {
            throw new IllegalArgumentException(String.format("%s, got %s=%s", io.fluentdl.errors.Limits.rule(key, max, why),
                    key, text));
        }
    }

    /** Checks a real bound or value: the knob's valid range. */
    void checkReal(double v) {
        boolean ok;
        String rule;
        switch (this) {
            case LR:
            case EPSILON:
                ok = v > 0 && Double.isFinite(v);
                rule = "> 0";
                break;
            case MOMENTUM:
            case BETA2:
            case DROPOUT:
                ok = v >= 0 && v < 1;
                rule = "in [0, 1)";
                break;
            default:
                ok = v >= 0 && Double.isFinite(v);
                rule = ">= 0";
        }
        if (!ok) {
            throw new IllegalArgumentException(String.format("%s must be %s, got %s=%s", key, rule, key, v));
        }
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format("expected a number, got '%s'", text));
        }
    }

    static String unknown(String what, String typed, List<String> known) {
        String near = io.fluentdl.nn.Names.closest(typed.trim(), known);
        return String.format("unknown %s '%s'. Expected one of: %s.%s", what, typed, String.join(", ", known),
                near == null ? "" : String.format(" Did you mean '%s'?", near));
    }
}
