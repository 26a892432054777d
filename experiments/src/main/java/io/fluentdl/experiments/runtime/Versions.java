package io.fluentdl.experiments.runtime;

import io.fluentdl.track.SystemInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Versions of FluentDL and DL4J for {@code --version}, read from the jars' Maven metadata rather than
 * hard-coded; the rest of the machine is {@link SystemInfo}.
 */
public final class Versions {

    private Versions() {
    }

    /** FluentDL's version, from the experiments jar; {@code dev} when run from classes (tests, IDE). */
    public static String fluentdl() {
        String fromManifest = Versions.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        return pomVersion("io.fluentdl", "fluentdl-experiments").orElse("dev");
    }

    /** deeplearning4j-nn's version, from its {@code pom.properties} (without loading ND4J, for --version). */
    public static String dl4j() {
        return SystemInfo.mavenVersion("org.deeplearning4j", "deeplearning4j-nn");
    }

    /**
     * Java version and VM, e.g. {@code 17.0.15 (OpenJDK 64-Bit Server VM, Debian)}: {@link SystemInfo#java()}
     * without reading the rest of the machine (which loads ND4J), for {@code --version}.
     */
    public static String java() {
        return String.format("%s (%s, %s)", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vendor"));
    }

    private static java.util.Optional<String> pomVersion(String group, String artifact) {
        String resource = String.format("/META-INF/maven/%s/%s/pom.properties", group, artifact);
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return java.util.Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
