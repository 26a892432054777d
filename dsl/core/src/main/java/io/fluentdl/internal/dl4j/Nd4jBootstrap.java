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

    @Override
    public int getPriority() {
        return Integer.MIN_VALUE;
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
