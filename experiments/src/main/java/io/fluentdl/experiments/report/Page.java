package io.fluentdl.experiments.report;

import java.util.List;

/**
 * The one page builder of every report (experiment, search, index): inline CSS, a header with the
 * page's facts, a navigation bar, and at the end the inline scripts: the table sorter and, on pages
 * with charts, Apache ECharts with our chart runtime ({@link EChartsScripts}). No network: a page opens
 * from disk; its static figures and histogram images are files beside it, in {@code plots/}.
 */
final class Page {

    /** A link in the navigation bar to a section of the page. */
    record Section(String id, String title) {
    }

    static final String STYLE = """
            :root { --ink: #1f2328; --muted: #656d76; --line: #d8dee4; --bg: #f6f8fa; --accent: #0072b2; }
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: var(--ink);
                   background: var(--bg); line-height: 1.45; }
            header { background: #fff; border-bottom: 1px solid var(--line); padding: 1.1em 2em 0.6em; }
            header h1 { font-size: 1.5em; margin: 0 0 0.2em; }
            header .facts { color: var(--muted); font-size: 0.92em; margin: 0; }
            nav { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line);
                  padding: 0.45em 2em; font-size: 0.92em; }
            nav a { margin-right: 1.2em; color: var(--accent); text-decoration: none; }
            nav a:hover { text-decoration: underline; }
            main { max-width: 1240px; margin: 0 auto; padding: 0.5em 2em 3em; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 0.4em 1.3em 1.2em;
                      margin: 1.2em 0; }
            h2 { font-size: 1.2em; margin: 0.7em 0 0.4em; }
            h3 { font-size: 1.02em; margin: 1.1em 0 0.3em; }
            p.note, .note { color: var(--muted); font-size: 0.9em; margin: 0.3em 0 0.8em; }
            pre { background: var(--bg); padding: 0.8em; overflow-x: auto; font-size: 0.82em; border-radius: 6px; }
            a { color: var(--accent); }
            .table-wrap { overflow-x: auto; max-height: 34em; overflow-y: auto; border: 1px solid var(--line);
                          border-radius: 6px; }
            table { border-collapse: collapse; font-size: 0.88em; width: 100%; }
            th, td { padding: 0.32em 0.75em; border-bottom: 1px solid #eef1f4; text-align: left; white-space: nowrap; }
            thead th { position: sticky; top: 0; background: #f0f3f6; border-bottom: 1px solid var(--line);
                       font-weight: 600; }
            table.sortable th { cursor: pointer; user-select: none; }
            table.sortable th:hover { background: #e4e9ee; }
            table.sortable th::after { content: " \\2195"; color: #b0b8c0; font-size: 0.85em; }
            table.sortable th[aria-sort=ascending]::after { content: " \\25B2"; color: var(--ink); }
            table.sortable th[aria-sort=descending]::after { content: " \\25BC"; color: var(--ink); }
            tbody tr:nth-child(even) { background: #fafbfc; }
            tbody tr:hover { background: #eef6fc; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            th.num { text-align: right; }
            .status { display: inline-block; padding: 0 0.5em; border-radius: 1em; font-size: 0.85em; }
            .status.FINISHED, .status.COMPLETE { background: #dafbe1; color: #1a7f37; }
            .status.INTERRUPTED, .status.PRUNED { background: #fff8c5; color: #9a6700; }
            .status.FAIL { background: #ffebe9; color: #cf222e; }
            .status.RUNNING, .status.none { background: #eef1f4; color: var(--muted); }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 0.8em 1.2em; }
            .grid.small { grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); }
            figure { margin: 0.6em 0; }
            figure svg, figure img { max-width: 100%; height: auto; display: block; }
            figcaption { font-size: 0.85em; color: var(--muted); margin-top: 0.2em; }
            details { margin: 0.5em 0; } summary { cursor: pointer; font-weight: 600; }
            div.echart { width: 100%; min-width: 0; }
            img.print-only { display: none; }
            .fluentdl-tooltip { font-size: 0.85em; }
            @media print {
              nav { display: none; }
              div.echart { display: none; }
              img.print-only { display: block; max-width: 100%; height: auto; }
              section { break-inside: avoid-page; }
            }
            """;

    /** Sorts a table.sortable by the clicked column: numbers as numbers (data-v), text as text. */
    static final String SCRIPT = """
            (function () {
              function key(cell) {
                var v = cell.getAttribute('data-v');
                if (v === null) { v = cell.textContent; }
                v = v.trim();
                if (v === '') { return -Infinity; }
                var n = Number(v);
                return isNaN(n) ? v.toLowerCase() : n;
              }
              function compare(x, y) {
                if (typeof x === typeof y) { return x < y ? -1 : x > y ? 1 : 0; }
                return typeof x === 'number' ? -1 : 1;
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                var heads = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(heads, function (th, i) {
                  th.addEventListener('click', function () {
                    var ascending = th.getAttribute('aria-sort') !== 'ascending';
                    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      return compare(key(a.cells[i]), key(b.cells[i])) * (ascending ? 1 : -1);
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  });
                });
              });
            })();
            """;

    private Page() {
    }

    /** The page up to and including the opening {@code <main>}. */
    static String open(String title, String factsHtml, List<Section> sections) {
        StringBuilder nav = new StringBuilder();
        for (Section s : sections) {
            nav.append(String.format("<a href=\"#%s\">%s</a>", s.id(), Html.escape(s.title())));
        }
        return String.format("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - FluentDL report</title>
                <link rel="icon" href="data:,">
                <style>%2$s</style>
                </head>
                <body>
                <header>
                <h1>%1$s</h1>
                <p class="facts">%3$s</p>
                </header>
                <nav>%4$s</nav>
                <main>
                """, Html.escape(title), STYLE, factsHtml, nav);
    }

    /** Closes a page without charts, with the sorting script. */
    static String close() {
        return String.format("</main>%n<script>%n%s</script>%n</body>%n</html>%n", SCRIPT);
    }

    /** Closes a page with charts: the sorting script, ECharts (inlined, no CDN) and our chart runtime. */
    static String closeWithCharts() {
        return String.format("</main>%n<script>%n%s</script>%n<script>%n%s%n</script>%n<script>%n%s</script>%n</body>%n"
                + "</html>%n", SCRIPT, EChartsScripts.echarts(), EChartsScripts.runtime());
    }
}
