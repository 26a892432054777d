package io.fluentdl.internal.dl4j;

import java.util.function.Function;

/**
 * The door between a public {@code io.fluentdl.data.MultiDataset} and its {@link MultiArrays}, as
 * {@link DataAccess} is for a {@code Dataset}: the public class hands a function here when it loads, so no
 * public signature shows the internal type and this package does not import {@code io.fluentdl.data}.
 */
public final class MultiAccess {

    private static final String MULTI_DATASET = "io.fluentdl.data.MultiDataset";
    private static Function<Object, MultiArrays> unwrap;

    private MultiAccess() {
    }

    /** Called once by {@code MultiDataset}'s static initialiser; later calls are ignored. */
    public static synchronized void open(Function<Object, MultiArrays> arraysOf) {
        if (unwrap == null) {
            unwrap = arraysOf;
        }
    }

    /** The arrays of a {@code MultiDataset}. */
    public static MultiArrays arrays(Object multiDataset) {
        if (unwrap == null) {
            try {
                Class.forName(MULTI_DATASET, true, MultiAccess.class.getClassLoader()); // runs its static open(...)
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(String.format("%s is not on the class path", MULTI_DATASET), e);
            }
        }
        return unwrap.apply(multiDataset);
    }
}
