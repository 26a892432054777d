package io.fluentdl.search;

/** {@link Pruner#none()}: a named singleton rather than a lambda, so that a study can record it as "none". */
enum NoPruner implements Pruner {
    INSTANCE;

    @Override
    public String prune(int trial, int epoch, double value, PruningHistory history) {
        return null;
    }

    @Override
    public String describe() {
        return "none";
    }

    @Override
    public String toString() {
        return describe();
    }
}
