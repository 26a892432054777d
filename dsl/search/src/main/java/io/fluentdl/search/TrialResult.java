package io.fluentdl.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one trial did: its parameters, status, score and the metrics it reported per epoch.
 *
 * @param number the trial's number in the search, from 0
 * @param round  the coarse-to-fine round it ran in, from 0
 * @param params each Hp's value by name, in declaration order
 * @param units  the point of the unit cube it was built from
 * @param status COMPLETE, FAIL, PRUNED (RUNNING or WAITING only in a study read while other workers run)
 * @param score  the objective's value; for a pruned trial the last monitored value reported; NaN if none
 * @param reason why it failed or was pruned, "" otherwise
 * @param epochs the metrics reported, by epoch (1 = after the first epoch)
 * @param millis wall-clock time the trial took
 * @param worker host:pid of the process that ran it ("" if unknown)
 * @param slot   the budget position it fills, from 0: its sampler index (the number, unless a trial before it
 *               was retried after its worker died; the retry fills the dead trial's slot)
 */
public record TrialResult(int number, int round, Map<String, Object> params, double[] units, TrialStatus status,
                          double score, String reason, SortedMap<Integer, Map<String, Double>> epochs, long millis,
                          String worker, int slot) {

    public TrialResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        units = units.clone();
        epochs = Collections.unmodifiableSortedMap(new TreeMap<>(epochs));
        reason = reason == null ? "" : reason;
        worker = worker == null ? "" : worker;
    }

    /** A trial whose worker is not recorded, in the slot of its number. */
    public TrialResult(int number, int round, Map<String, Object> params, double[] units, TrialStatus status,
                       double score, String reason, SortedMap<Integer, Map<String, Double>> epochs, long millis) {
        this(number, round, params, units, status, score, reason, epochs, millis, "", number);
    }

    /** How many epochs the trial reported: the resource that pruning saves. */
    public int epochCount() {
        return epochs.size();
    }

    @Override
    public double[] units() {
        return units.clone();
    }
}
