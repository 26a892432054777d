package io.fluentdl.experiments.bn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.report.ParamCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BnVariantsTest {

    @Test
    void variantsAreNamedAsInTheIssue() {
        assertEquals(List.of("no-bn", "bn-after", "bn-before", "bn-before-nobias", "bn-no-gamma-beta", "bn-no-momentum",
                "input-bn"), BnVariants.all().stream().map(BnVariants.Variant::name).toList());
    }

    @Test
    void paramCountsMatchKeras() {
        Map<String, ParamCount> params = new LinkedHashMap<>();
        BnVariants.all().forEach(v -> params.put(v.name(), v.spec().apply(1).params()));
        assertEquals(new ParamCount(201, 201, 0), params.get("no-bn"));
        assertEquals(new ParamCount(401, 301, 100), params.get("bn-after"));
        assertEquals(new ParamCount(401, 301, 100), params.get("bn-before"));
        assertEquals(new ParamCount(351, 251, 100), params.get("bn-before-nobias"));
        assertEquals(new ParamCount(301, 201, 100), params.get("bn-no-gamma-beta"));
        assertEquals(new ParamCount(401, 301, 100), params.get("bn-no-momentum"));
        assertEquals(new ParamCount(209, 205, 4), params.get("input-bn"));
    }

    @Test
    void theSeedIsTheVariantsSeed() {
        BnVariants.all().forEach(v -> assertEquals(7, v.spec().apply(7).seed(), v.name()));
    }
}
