package io.fluentdl.internal.dl4j;

import org.nd4j.common.io.Resource;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Not a backend: the hook that runs {@link NativeBuild#select()} on the process's first ND4J touch.
 *
 * <p>Registered in {@code META-INF/services/org.nd4j.linalg.factory.Nd4jBackend}. ND4J's
 * {@code Nd4jBackend.load()} (M2.1) first instantiates every registered backend through a
 * {@code ServiceLoader}, then sorts them by priority and asks each {@code isAvailable()}, and only the
 * chosen one loads native code. Our constructor runs in the first step, so the native build is chosen
 * before any is loaded. With the lowest priority and {@code isAvailable() == false}, ND4J never picks
 * this class. A fat jar must merge service files (Maven Shade's {@code ServicesResourceTransformer}), as
 * ND4J's own backends already require.
 */
public final class Nd4jBootstrap extends Nd4jBackend {

    public Nd4jBootstrap() {
        NativeBuild.select();
    }

    /**
     * Below any real backend's, but not {@code Integer.MIN_VALUE}: ND4J M2.1 sorts by {@code o2.getPriority() -
     * o1.getPriority()}, which overflows for it and put this class first, so every start logged "Skipped
     * [Nd4jBootstrap] backend (unavailable)". Last in the order, it is never asked while a real backend is available.
     */
    static final int PRIORITY = -1_000_000;

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public boolean canRun() {
        return false;
    }

    @Override
    public boolean allowsOrder() {
        return false;
    }

    // ND4J only calls the members below on the backend it chose, which is never this one

    @Override
    public Resource getConfigurationResource() {
        return null;
    }

    @Override
    public Class getNDArrayClass() {
        return null;
    }

    @Override
    public Environment getEnvironment() {
        return null;
    }

    @Override
    public String buildInfo() {
        return "FluentDL's native-build bootstrap (not a backend)";
    }

    @Override
    public void logBackendInit() {
    }
}
