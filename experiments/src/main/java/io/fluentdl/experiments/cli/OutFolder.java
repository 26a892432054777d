package io.fluentdl.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Creates the folder an option names ({@code --out}), or says in one usage line why it cannot be one:
 * the path, or a folder on the way to it, is a file ("Not a directory" named no option), or the
 * folder cannot be created (permissions, read-only or full disk).
 */
public final class OutFolder {

    private OutFolder() {
    }

    /** Deletes {@code dir} if nothing but (empty) folders is in it: a failed run leaves no empty folder behind. */
    static void deleteIfNoFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        java.util.List<Path> all;
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        if (all.stream().allMatch(Files::isDirectory)) {
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Creates {@code dir} (and its parents) for {@code option}; a bad path is a {@link ParameterException} (exit 2). */
    public static Path create(CommandLine cmd, String option, Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ParameterException(cmd, p.equals(dir.toAbsolutePath().normalize())
                        ? String.format("%s must be a folder, got %s, a file.", option, dir)
                        : String.format("%s must be a folder, got %s, but %s is a file. Pick a path under a folder.",
                                option, dir, p));
            }
        }
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ParameterException(cmd, String.format("%s: cannot create the folder %s: %s.", option, dir,
                    e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
    }
}
