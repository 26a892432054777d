package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.Backend;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --backend cpu|cuda}, spelled in lower case as users type it. */
public final class BackendConverter implements ITypeConverter<Backend> {

    @Override
    public Backend convert(String value) {
        for (Backend b : Backend.values()) {
            if (b.cliName().equals(value.toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new TypeConversionException(String.format("expected cpu or cuda, got '%s'", value));
    }

    /** The values shown in the help. */
    public static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Backend.values()).map(Backend::cliName).iterator();
        }
    }
}
