package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;

/**
 * How {@link Dataset#fromCsv(java.nio.file.Path, String, CsvOptions)} reads a CSV file: whether the
 * first line is a header, the delimiter, and what the label column holds. Immutable; each setter
 * returns a new value.
 *
 * <pre>{@code
 * CsvOptions.defaults()                      // header line, ',' delimiter, class labels
 * CsvOptions.defaults().noHeader().delimiter(';').regression()
 * }</pre>
 *
 * @param header    whether the first line names the columns (default {@value #DEFAULT_HEADER})
 * @param delimiter the character between cells (default {@code ','}); cells may be quoted with
 *                  {@code "} and a quote inside a quoted cell is written {@code ""} (RFC 4180)
 * @param labels    what the label column holds (default {@link Labels#CLASSES})
 */
public record CsvOptions(boolean header, char delimiter, Labels labels) {

    /** A header line is expected unless {@link #noHeader()}: {@value}. */
    public static final boolean DEFAULT_HEADER = true;
    /** The default delimiter: {@value}. */
    public static final char DEFAULT_DELIMITER = ',';

    /** What the label column holds. */
    public enum Labels {
        /**
         * Class names or numbers (single-label classification): each distinct value becomes a class,
         * numbered in sorted order (numerically when all are numbers), and labels become one-hot rows.
         */
        CLASSES,
        /** A number to predict (regression): labels are one column of that number. */
        NUMBER
    }

    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw InvalidConfigException.of("CsvOptions", "delimiter", delimiter,
                    String.format("the delimiter cannot be a quote or a line break, got delimiter='%s'",
                            delimiter == '"' ? "\"" : "\\n"), "Use ',', ';' or '\\t'");
        }
        if (labels == null) {
            throw InvalidConfigException.of("CsvOptions", "labels", null, "labels must be CLASSES or NUMBER, got labels=null", "");
        }
    }

    /** A header line, {@code ','} between cells, class labels. */
    public static CsvOptions defaults() {
        return new CsvOptions(DEFAULT_HEADER, DEFAULT_DELIMITER, Labels.CLASSES);
    }

    /** The first line is data; columns are then named {@code column_1}, {@code column_2}, ... */
    public CsvOptions noHeader() {
        return new CsvOptions(false, delimiter, labels);
    }

    /** Another delimiter, e.g. {@code ';'} or {@code '\t'}. */
    public CsvOptions delimiter(char newDelimiter) {
        return new CsvOptions(header, newDelimiter, labels);
    }

    /** The label column is a number to predict (one target column). */
    public CsvOptions regression() {
        return new CsvOptions(header, delimiter, Labels.NUMBER);
    }

    /** The label column holds class names or numbers (one-hot labels); the default. */
    public CsvOptions classes() {
        return new CsvOptions(header, delimiter, Labels.CLASSES);
    }
}
