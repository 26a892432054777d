package io.fluentdl.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fluentdl.internal.json.JsonConvention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON a {@link Study} stores: the space (each Hp's name, kind, range or values, in order),
 * a trial's params (numbers and booleans as JSON values, anything else as its string), and its
 * unit vector (doubles written in shortest round-trip form, so resume rebuilds exact values). Written by
 * FluentDL's one JSON convention ({@link JsonConvention}: a non-finite number is its string, "NaN").
 */
final class StudyJson {

    private static final ObjectMapper JSON = JsonConvention.MAPPER;

    private StudyJson() {
    }

    static String space(SearchSpace<?> space) {
        List<Map<String, Object>> hps = new ArrayList<>();
        for (Hp<?> hp : space.params()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("name", hp.name());
            h.put("kind", hp.kind().key());
            if (hp.kind().isNumeric()) {
                h.put("low", hp.low());
                h.put("high", hp.high());
                if (hp.stepSize() > 0) {
                    h.put("step", hp instanceof IntHp ? (Object) hp.step() : (Object) hp.stepSize());
                }
            } else {
                h.put("values", plain(hp.values()));
            }
            hps.add(h);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", space.name());
        root.put("params", hps);
        return write(root);
    }

    static String params(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, plain(v)));
        return write(out);
    }

    static Map<String, Object> readParams(String json) throws JsonProcessingException {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    static double[] units(String json) throws JsonProcessingException {
        return JSON.readValue(json, double[].class);
    }

    private static List<Object> plain(List<?> values) {
        List<Object> out = new ArrayList<>();
        values.forEach(v -> out.add(plain(v)));
        return out;
    }

    private static Object plain(Object v) {
        return v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
