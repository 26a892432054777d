package io.fluentdl.schedule;

/**
 * A schedule that counts in one unit. {@link Warmup} uses it to refuse a warm-up in iterations in
 * front of a schedule in epochs (the shifted clock would mean nothing).
 */
interface Clocked {

    /** The unit this schedule's clock counts in. */
    Period.Unit unit();
}
