package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a CSV source into a {@link Dataset}: every column but the label column is a numeric feature.
 * Each bad cell, short row or missing column is reported in one line that names the source, the line
 * and the column, with the value found.
 */
final class CsvReader {

    private final String source;
    private final CsvOptions options;

    CsvReader(String source, CsvOptions options) {
        this.source = source;
        this.options = options;
    }

    static Dataset fromFile(Path file, CsvOptions options, Function<List<String>, Integer> labelColumn) {
        String where = String.format("CSV '%s'", file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new CsvReader(file.toString(), options).read(reader, labelColumn);
        } catch (NoSuchFileException e) {
            throw InvalidConfigException.of(where, "file", file, "the file does not exist", "Check the path");
        } catch (MalformedInputException e) {
            throw InvalidConfigException.of(where, "encoding", "not UTF-8", "the file is not UTF-8 text", "Save it as UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("%s: cannot be read (%s)", where, e.getMessage()), e);
        }
    }

    static Dataset fromReader(Reader reader, String name, CsvOptions options, Function<List<String>, Integer> labelColumn) {
        try {
            return new CsvReader(name, options).read(reader, labelColumn);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("CSV '%s': cannot be read (%s)", name, e.getMessage()), e);
        }
    }

    /** Picks the label column by its header name. */
    static Function<List<String>, Integer> column(String source, String name, CsvOptions options) {
        return names -> {
            int index = names.indexOf(name);
            if (index < 0) {
                throw InvalidConfigException.of(String.format("CSV '%s'", source), "labelColumn", name,
                        String.format("the header has no column '%s'; columns: %s", name, String.join(", ", names)),
                        options.header() ? "Pass one of those names" : "Name the column by its index: the file has no header");
            }
            return index;
        };
    }

    /** Picks the label column by its 0-based index. */
    static Function<List<String>, Integer> column(String source, int index) {
        return names -> {
            if (index < 0 || index >= names.size()) {
                throw InvalidConfigException.of(String.format("CSV '%s'", source), "labelColumn", index,
                        String.format("the label column index must be in [0, %d], got labelColumn=%d", names.size() - 1, index), "");
            }
            return index;
        };
    }

    /** The label column is named (needs a header) or given by its 0-based index (resolved by {@code pick}). */
    Dataset read(Reader reader, Function<List<String>, Integer> pick) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> names = null;
        int label = -1;
        try (BufferedReader in = new BufferedReader(reader)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line, lineNumber);
                if (names == null && options.header()) {
                    names = cells.stream().map(String::strip).toList();
                    label = pick.apply(names); // a wrong label column fails before the rows are read
                    continue;
                }
                if (names == null) {
                    names = new ArrayList<>();
                    for (int i = 1; i <= cells.size(); i++) {
                        names.add(String.format("column_%d", i));
                    }
                    label = pick.apply(names);
                }
                if (cells.size() != names.size()) {
                    throw problem(lineNumber, null, "cells", cells.size(), String.format(
                            "every row needs %d cells like the %s, got cells=%d", names.size(),
                            options.header() ? "header" : "first row", cells.size()),
                            "Fix the row, or check the delimiter (CsvOptions.delimiter)");
                }
                rows.add(cells);
                lineNumbers.add(lineNumber);
            }
        }
        if (rows.isEmpty()) {
            throw InvalidConfigException.of(String.format("CSV '%s'", source), "rows", 0,
                    "the file has no data rows, got rows=0", "Add rows, or check the file name");
        }
        if (names.size() < 2) {
            throw InvalidConfigException.of(String.format("CSV '%s'", source), "columns", names.size(),
                    String.format("a data set needs at least one feature column besides the label, got columns=%d", names.size()),
                    "Check the delimiter (CsvOptions.delimiter)");
        }
        return toDataset(rows, lineNumbers, names, label);
    }

    private Dataset toDataset(List<List<String>> rows, List<Integer> lineNumbers, List<String> names, int label) {
        int n = rows.size();
        double[][] features = new double[n][names.size() - 1];
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (c != label) {
                featureNames.add(names.get(c));
            }
        }
        for (int r = 0; r < n; r++) {
            int f = 0;
            for (int c = 0; c < names.size(); c++) {
                if (c != label) {
                    features[r][f++] = number(rows.get(r).get(c), lineNumbers.get(r), c, names.get(c));
                }
            }
        }
        if (options.labels() == CsvOptions.Labels.NUMBER) {
            double[][] targets = new double[n][1];
            for (int r = 0; r < n; r++) {
                targets[r][0] = number(rows.get(r).get(label), lineNumbers.get(r), label, names.get(label));
            }
            return Dataset.of(features, targets).withNames(featureNames, List.of());
        }
        List<String> values = rows.stream().map(row -> row.get(label).strip()).toList();
        for (int r = 0; r < n; r++) {
            if (values.get(r).isEmpty()) {
                throw problem(lineNumbers.get(r), label, names.get(label), "", "the label cell is empty, got value=''",
                        "Fill in the class, or drop the row");
            }
        }
        List<String> classes = classes(values);
        int[] indices = values.stream().mapToInt(classes::indexOf).toArray();
        return Dataset.of(features, indices, classes.size()).withNames(featureNames, classes);
    }

    /** Distinct values in sorted order: numerically when every value is a number, else as text. */
    private static List<String> classes(List<String> values) {
        boolean numeric = values.stream().allMatch(CsvReader::isNumber);
        Map<Object, String> sorted = new TreeMap<>();
        for (String v : values) {
            sorted.put(numeric ? (Object) Double.parseDouble(v) : v, v);
        }
        return List.copyOf(sorted.values());
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private double number(String cell, int line, int column, String name) {
        String text = cell.strip();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the cell's position
        }
        throw problem(line, column, name, cell, String.format("a feature cell must be a finite number, got value='%s'", cell),
                "Fix the cell, or drop the row or column");
    }

    /** Splits one line into cells; quoted cells may hold the delimiter and doubled quotes. */
    private List<String> split(String line, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (ch == options.delimiter()) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw problem(lineNumber, null, "quote", line, "a quoted cell is not closed on its line",
                    "Close the quote (a quote inside a quoted cell is written \"\")");
        }
        cells.add(cell.toString());
        return cells;
    }

    private InvalidConfigException problem(int line, Integer column, String parameter, Object value, String rule, String fix) {
        String where = column == null ? String.format("CSV '%s', line %d", source, line)
                : String.format("CSV '%s', line %d, column %d ('%s')", source, line, column + 1, parameter);
        return InvalidConfigException.of(where, column == null ? parameter : "cell", value, rule, fix);
    }
}
