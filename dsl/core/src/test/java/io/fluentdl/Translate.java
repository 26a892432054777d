package io.fluentdl;

import io.fluentdl.internal.dl4j.StackSpec;

/** For tests of the translator: what it reads of a spec (package-private in main code). */
public final class Translate {

    private Translate() {
    }

    public static StackSpec stack(ModelSpec spec) {
        return spec.stack();
    }

    public static io.fluentdl.internal.dl4j.GraphPlan graph(GraphSpec spec) {
        return spec.plan();
    }
}
