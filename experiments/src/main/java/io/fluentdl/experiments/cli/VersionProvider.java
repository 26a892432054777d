package io.fluentdl.experiments.cli;

import io.fluentdl.experiments.runtime.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: FluentDL, DL4J and Java versions, read from the jars at run time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
                String.format("fluentdl %s", Versions.fluentdl()),
                String.format("Deeplearning4j %s", Versions.dl4j()),
                String.format("Java %s", Versions.java())};
    }
}
