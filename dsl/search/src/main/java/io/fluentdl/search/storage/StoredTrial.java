package io.fluentdl.search.storage;

import java.util.Map;
import java.util.SortedMap;

/**
 * One trial row as stored, with its metrics by epoch; {@code units} and {@code params} are the JSON
 * the search wrote ({@code []} and {@code {}} while a claimed trial has not drawn its point yet).
 *
 * @param number unique in the study, in the order trials were claimed
 * @param slot   the budget position it fills (the sampler's index); a stale trial's retry has its slot
 * @param status RUNNING, WAITING (queued retry), COMPLETE, PRUNED or FAIL
 * @param worker host:pid of the process that ran it (null for a queued retry)
 */
public record StoredTrial(int number, int slot, int round, String units, String params, String status, double score,
                          String reason, long millis, String worker, Integer retryOf,
                          SortedMap<Integer, Map<String, Double>> epochs) {
}
