package io.fluentdl.internal.dl4j;

import java.util.function.Function;

/**
 * The door between a public {@code io.fluentdl.data.Dataset} and the {@link DataArrays} it holds. A
 * data set must not show an internal type in its public API, yet {@code Model} and the trainer need its
 * arrays; Java has no "friend" access across packages, so {@code Dataset} hands two functions to this
 * class when it loads (the JDK's {@code SharedSecrets} pattern). Parameters are {@code Object} because
 * this package must not import {@code io.fluentdl.data} (that would be an import cycle).
 */
public final class DataAccess {

    private static final String DATASET = "io.fluentdl.data.Dataset";
    private static Function<Object, DataArrays> unwrap;
    private static Function<DataArrays, Object> wrap;

    private DataAccess() {
    }

    /** Called once by {@code Dataset}'s static initialiser; later calls are ignored. */
    public static synchronized void open(Function<Object, DataArrays> arraysOf, Function<DataArrays, Object> datasetOf) {
        if (unwrap == null) {
            unwrap = arraysOf;
            wrap = datasetOf;
        }
    }

    /** The arrays of a {@code Dataset}. */
    public static DataArrays arrays(Object dataset) {
        loaded();
        return unwrap.apply(dataset);
    }

    /** A {@code Dataset} over {@code arrays} (no names); the caller casts it to {@code Dataset}. */
    public static Object dataset(DataArrays arrays) {
        loaded();
        return wrap.apply(arrays);
    }

    private static void loaded() {
        if (unwrap == null) {
            try {
                Class.forName(DATASET, true, DataAccess.class.getClassLoader()); // runs Dataset's static open(...)
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(String.format("%s is not on the class path", DATASET), e);
            }
        }
    }
}
