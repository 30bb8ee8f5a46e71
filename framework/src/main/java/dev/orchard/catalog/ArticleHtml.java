package dev.orchard.catalog;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Turns Apple's support page, as served or as a browser saves it, into the lines {@link ArticleImporter} reads:
 * h1 to h4 headings become title lines, paragraphs and list items become text lines, and each table becomes a
 * pipe table. A cell is read as its text (a link as the link's text), entities and non-breaking spaces are
 * normalised, and a superscript footnote mark becomes {@code [n]} so the cell reader can take it off. Every line
 * keeps the page line it came from, so notices point into the HTML.
 */
final class ArticleHtml {

    /** The lines, the page line of each, and which lines are headings. */
    record Lines(List<String> text, int[] sourceLines, boolean[] titles) {
    }

    private final List<String> text = new ArrayList<>();
    private final List<Integer> sources = new ArrayList<>();
    private final List<Boolean> titles = new ArrayList<>();

    private ArticleHtml() {
    }

    static Lines of(String html) {
        Document page = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        ArticleHtml lines = new ArticleHtml();
        Element root = page.body();
        for (Element element : root.select("h1, h2, h3, h4, p, li, table")) {
            if (element.tagName().equals("table")) {
                if (element.parents().stream().noneMatch(p -> p.tagName().equals("table"))) {
                    lines.table(element);
                }
                continue;
            }
            if (element.parents().stream().anyMatch(p -> p.tagName().equals("table")
                    || (element.tagName().equals("p") && p.tagName().equals("li")))) {
                continue;
            }
            String line = text(element);
            if (line.isEmpty()) {
                continue;
            }
            boolean heading = element.tagName().matches("h[1-4]");
            lines.add(element.tagName().equals("li") ? "- " + line : line, element, heading);
        }
        int[] numbers = lines.sources.stream().mapToInt(Integer::intValue).toArray();
        boolean[] headings = new boolean[lines.titles.size()];
        for (int i = 0; i < headings.length; i++) {
            headings[i] = lines.titles.get(i);
        }
        return new Lines(List.copyOf(lines.text), numbers, headings);
    }

    private void table(Element table) {
        boolean header = true;
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.tagName().equals("td") || cell.tagName().equals("th")) {
                    cells.add(text(cell).replace("|", "¦"));
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            add("| " + String.join(" | ", cells) + " |", row, false);
            if (header) {
                add("|" + "---|".repeat(cells.size()), row, false);
                header = false;
            }
        }
        add("", table, false);
    }

    /** An element's text, a superscript footnote mark written as [n], spaces normalised. */
    private static String text(Element element) {
        Element copy = element.clone();
        for (Element sup : copy.select("sup")) {
            String mark = sup.text().strip();
            sup.replaceWith(new org.jsoup.nodes.TextNode(mark.matches("\\d{1,2}") ? "[" + mark + "]" : mark));
        }
        return ArticleCells.normalize(copy.text());
    }

    private void add(String line, Element at, boolean heading) {
        text.add(line);
        int number = at.sourceRange().isTracked() ? at.sourceRange().start().lineNumber() : 0;
        sources.add(Math.max(number, 1));
        titles.add(heading);
    }
}
