package io.fluentdl.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A sortable HTML table: click a header to sort by it (numbers by value, text alphabetically). Each
 * cell shows its text and sorts by its value, so "0.912 ± 0.004" sorts as 0.912.
 */
final class HtmlTable {

    /** One cell: what it shows (HTML, already escaped), how it sorts, whether it is a number. */
    record Cell(String html, String sortValue, boolean numeric) {

        static Cell text(String text) {
            return new Cell(Html.escape(text), null, false);
        }

        static Cell html(String html, String sortValue) {
            return new Cell(html, sortValue, false);
        }

        /** A number shown as {@code shown}; NaN or null sorts first and shows a dash. */
        static Cell number(Double value, String shown) {
            if (value == null || value.isNaN()) {
                return new Cell("&ndash;", "", true);
            }
            return new Cell(Html.escape(shown), Double.toString(value), true);
        }
    }

    private final String id;
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> numericColumns = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();

    HtmlTable(String id) {
        this.id = id;
    }

    HtmlTable column(String header, boolean numeric) {
        headers.add(header);
        numericColumns.add(numeric);
        return this;
    }

    HtmlTable row(List<Cell> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(String.format("Table '%s': a row needs %d cells, got %d.", id,
                    headers.size(), cells.size()));
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    int rowCount() {
        return rows.size();
    }

    String render() {
        StringBuilder html = new StringBuilder();
        html.append(String.format("<div class=\"table-wrap\"><table id=\"%s\" class=\"sortable\">%n<thead><tr>", id));
        for (int i = 0; i < headers.size(); i++) {
            html.append(String.format("<th%s>%s</th>", numericColumns.get(i) ? " class=\"num\"" : "",
                    Html.escape(headers.get(i))));
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : rows) {
            html.append("<tr>");
            for (Cell c : row) {
                html.append(String.format("<td%s%s>%s</td>", c.numeric() ? " class=\"num\"" : "",
                        c.sortValue() == null ? "" : String.format(" data-v=\"%s\"", Html.escape(c.sortValue())),
                        c.html()));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
        return html.toString();
    }
}
