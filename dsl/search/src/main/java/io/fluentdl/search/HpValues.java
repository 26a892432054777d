package io.fluentdl.search;

/**
 * The value-side conversions of an {@link Hp}: the unit coordinate of a value (the inverse of
 * {@link Hp#fromUnit}, which Arbiter's leaves do not offer) and the coercion of a user's value to
 * the Hp's type. Kept apart from {@code Hp}, which declares ranges and samples.
 */
final class HpValues {

    private HpValues() {
    }

    static <T> double toUnit(Hp<T> hp, T value) {
        switch (hp.kind()) {
            case UNIFORM:
                return hp.high() == hp.low() ? 0.5 : Scales.clamp((((Double) value) - hp.low()) / (hp.high() - hp.low()));
            case LOG_UNIFORM:
                return hp.high() == hp.low() ? 0.5 : Scales.clamp(Scales.log10Fraction(hp.low(), hp.high(), (Double) value));
            case ONE_MINUS_LOG_UNIFORM:
                return Scales.clamp(Scales.log10Fraction(1 - hp.low(), 1 - hp.high(), 1 - (Double) value));
            case INT_RANGE:
                return (Math.round(((Integer) value - hp.low()) / hp.step()) + 0.5) / hp.size();
            case INT_LOG_RANGE: {
                double v = (Integer) value;
                return Scales.clamp(Math.log(Math.sqrt(v * (v + 1)) / hp.low()) / Math.log((hp.high() + 1) / hp.low()));
            }
            case CHOICE:
            case BOOL: {
                int index = hp.values().indexOf(value);
                if (index < 0) {
                    throw new IllegalArgumentException(String.format(
                            "Hp '%s': %s is not one of %s", hp.name(), value, hp.values()));
                }
                return (index + 0.5) / hp.values().size();
            }
            default:
                return 0.5;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T coerce(Hp<T> hp, Object value) {
        if (value == null) {
            throw Hp.problem(hp.name(), "value", null, "a trial value must not be null, got value=null");
        }
        switch (hp.kind()) {
            case UNIFORM:
            case LOG_UNIFORM:
            case ONE_MINUS_LOG_UNIFORM:
                if (value instanceof Number) {
                    return (T) Double.valueOf(((Number) value).doubleValue());
                }
                break;
            case INT_RANGE:
            case INT_LOG_RANGE:
                if (value instanceof Integer || value instanceof Short || value instanceof Byte
                        || (value instanceof Long && (long) (Long) value == (int) (long) (Long) value)) {
                    return (T) Integer.valueOf(((Number) value).intValue());
                }
                break;
            case ARBITER:
                return (T) value;   // whatever the user's leaf makes; a trial is rebuilt from its units
            case CHOICE:
            case BOOL:
                if (hp.values().contains(value)) {
                    return (T) value;
                }
                throw Hp.problem(hp.name(), "value", value, String.format(
                        "%s value must be one of %s, got value=%s", hp.kind().factoryName(), hp.values(), value));
            default:
                if (hp.values().get(0).getClass().isInstance(value)) {
                    return (T) value;
                }
                break;
        }
        throw Hp.problem(hp.name(), "value", value, String.format("%s needs a %s value, got value=%s (%s)",
                hp.kind().factoryName(), typeName(hp), value, value.getClass().getSimpleName()));
    }

    private static String typeName(Hp<?> hp) {
        switch (hp.kind()) {
            case INT_RANGE:
            case INT_LOG_RANGE:
                return "whole-number";
            case FIXED:
                return hp.values().get(0).getClass().getSimpleName();
            default:
                return "numeric";
        }
    }

    /** How the Hp was declared, for messages: {@code Hp.logUniform('lr', 1.0E-4, 0.1)}. */
    static String describe(Hp<?> hp) {
        switch (hp.kind()) {
            case UNIFORM:
            case LOG_UNIFORM:
            case ONE_MINUS_LOG_UNIFORM:
                return String.format("Hp.%s('%s', %s, %s)", hp.kind().factoryName(), hp.name(), hp.low(), hp.high());
            case INT_RANGE:
            case INT_LOG_RANGE:
                return hp.step() > 1
                        ? String.format("Hp.%s('%s', %d, %d, %d)", hp.kind().factoryName(), hp.name(), (int) hp.low(), (int) hp.high(), hp.step())
                        : String.format("Hp.%s('%s', %d, %d)", hp.kind().factoryName(), hp.name(), (int) hp.low(), (int) hp.high());
            case BOOL:
                return String.format("Hp.bool('%s')", hp.name());
            case FIXED:
                return String.format("Hp.fixed('%s', %s)", hp.name(), hp.values().get(0));
            case ARBITER:
                return String.format("Hp.arbiter('%s', %s)", hp.name(), hp.arbiterLeaf());
            default:
                return String.format("Hp.choice('%s', %s)", hp.name(), hp.values());
        }
    }
}
