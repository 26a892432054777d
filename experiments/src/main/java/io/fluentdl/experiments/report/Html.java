package io.fluentdl.experiments.report;

import io.fluentdl.track.SafeName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one place report writers turn user-derived strings (variant, sweep, parameter and run names,
 * descriptions, paths) into HTML, one method per context. Names come from {@code results.json},
 * which may be shared by someone else, so nothing from it may reach the page unescaped:
 * <ul>
 *   <li>{@link #escape}: element text and quoted attribute values ({@code <>&"'} become entities);
 *   <li>{@link #id}: element ids (and file names derived from names), reduced to one safe segment;
 *   <li>{@link #url}: relative links, each path segment percent-encoded, so that no name can make a
 *       {@code javascript:} URL or leave the report's folder.
 * </ul>
 */
public final class Html {

    private Html() {
    }

    /** Escapes text for element content and for attribute values in double or single quotes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An id (or a plot's file base name) made from a user-given name: the name itself when it is
     * letters, digits, '.', '_' and '-' only, else a slug with a short hash ({@link SafeName#segment}).
     */
    public static String id(String name) {
        return SafeName.segment(name);
    }

    /**
     * A relative link to {@code segments} joined by '/', each percent-encoded ("a b" becomes
     * "a%20b", ':' becomes "%3A"), ready to be put in a double-quoted {@code href}.
     */
    public static String url(String... segments) {
        StringBuilder out = new StringBuilder();
        for (String s : segments) {
            for (String part : s.split("/", -1)) {
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return escape(out.toString());
    }
}
