package io.fluentdl.track;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns user-given names (run, sweep, variant names) into one safe path segment or HTML id: the
 * folder a name maps to can never leave its parent ({@code ../}, {@code /abs}, {@code a/b}), and an
 * id built from it can never break out of its attribute.
 *
 * <pre>{@code
 * SafeName.segment("mnist-search");        // "mnist-search" (already safe: unchanged)
 * SafeName.segment("../../evil<script>");  // "evil-script-1f0e" (slug + 4 hex of the name's SHA-256)
 * }</pre>
 * The hash keeps two different unsafe names from mapping to the same folder.
 */
public final class SafeName {

    /** A name that is used as it is: letters, digits, '.', '_', '-', not starting with '.' or '-', {@value #MAX} chars at most. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
    /** The longest segment this class returns: {@value}. */
    public static final int MAX = 64;

    private SafeName() {
    }

    /** Lower-case letters and digits joined by single '-', no '-' at either end; may be empty. */
    public static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > MAX - 5 ? slug.substring(0, MAX - 5).replaceAll("-$", "") : slug;
    }

    /** {@code name} itself when it is already one safe segment, else its slug plus 4 hex digits of its hash. */
    public static String segment(String name) {
        if (name != null && SAFE.matcher(name).matches()) {
            return name;
        }
        String text = name == null ? "" : name;
        String slug = slug(text);
        return (slug.isEmpty() ? "name" : slug) + "-" + hash4(text);
    }

    /** Whether {@link #segment} returns {@code name} unchanged. */
    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches();
    }

    private static String hash4(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
