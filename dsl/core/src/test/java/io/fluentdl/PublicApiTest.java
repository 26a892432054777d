package io.fluentdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public member of a public class outside {@code internal} takes or returns an {@code internal} type:
 * internal types are free to change, so the API must not hand them out (issue 16: {@code Dataset.arrays()}
 * did). Read from the compiled classes, generic arguments included.
 */
class PublicApiTest {

    private static final String INTERNAL = "io.fluentdl.internal.";

    @Test
    void noPublicSignatureShowsAnInternalType() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("io/fluentdl"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith(INTERNAL)) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (!Modifier.isPublic(type.getModifiers()) || type.isSynthetic()) {
                    continue;
                }
                checked++;
                for (Method m : type.getDeclaredMethods()) {
                    if (visible(m.getModifiers()) && !m.isSynthetic()) {
                        check(leaks, name + "." + m.getName(), m.getGenericReturnType().getTypeName());
                        Stream.of(m.getGenericParameterTypes()).forEach(t -> check(leaks, name + "." + m.getName(), t.getTypeName()));
                    }
                }
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (visible(c.getModifiers()) && !c.isSynthetic()) {
                        Stream.of(c.getGenericParameterTypes()).forEach(t -> check(leaks, name + ".<init>", t.getTypeName()));
                    }
                }
                for (Field f : type.getDeclaredFields()) {
                    if (visible(f.getModifiers())) {
                        check(leaks, name + "." + f.getName(), f.getGenericType().getTypeName());
                    }
                }
            }
        }
        assertTrue(checked > 50, "read the compiled public classes, got " + checked);
        assertEquals(List.of(), leaks, "public members showing internal types");
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, String member, String typeName) {
        if (typeName.contains(INTERNAL)) {
            leaks.add(String.format("%s: %s", member, typeName));
        }
    }
}
