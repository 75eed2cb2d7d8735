package weaklink.report;

/** The few pieces of HTML the report is made of; every text goes through {@link #escape}. */
final class Html {
    private Html() {}

    static final String STYLE = """
            body { margin: 0; background: #fafafa; color: #222; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
            main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
            h1 { font-size: 1.7em; margin: 0.2em 0; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            h3 { font-size: 1.1em; margin: 0 0 0.4em; }
            .meta, .note, figcaption, .missing { color: #555; font-size: 0.92em; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.3em 1.2em; }
            dt { font-weight: 600; } dd { margin: 0; } dd ul { margin: 0; padding-left: 1.1em; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 0.9em; font-variant-numeric: tabular-nums; }
            th, td { padding: 0.35em 0.6em; border-bottom: 1px solid #e4e4e4; text-align: right; white-space: nowrap; }
            thead th { border-bottom: 2px solid #999; vertical-align: bottom; white-space: normal; }
            tbody th { text-align: left; }
            td small { color: #666; }
            .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.45em; border-radius: 2px; vertical-align: -0.05em; }
            figure { margin: 2em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            .lead { font-size: 1.15em; line-height: 1.45; border-left: 4px solid #0072B2; padding: 0.2em 0 0.2em 0.8em; margin: 1em 0; }
            .caveats { color: #555; font-size: 0.92em; padding-left: 1.2em; }
            .missing { border-left: 3px solid #E69F00; padding-left: 0.6em; }
            """;

    /** {@code s} safe as HTML text and attribute value. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A small square in series colour {@code index}, as in the charts. */
    static String swatch(int index) {
        return "<span class=\"swatch\" style=\"background:" + Palette.hex(Palette.series(index)) + "\"></span>";
    }

    static void term(StringBuilder h, String term, String definition) {
        h.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(definition)).append("</dd>\n");
    }

    /** A table cell, with an optional second, smaller line (an interval under its estimate). */
    static void cell(StringBuilder h, String text, String below) {
        h.append("<td>").append(escape(text));
        if (below != null) h.append("<br><small>").append(escape(below)).append("</small>");
        h.append("</td>");
    }
}
