package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A property-style loop with a fixed seed: rows of the reference article with cells mutated the ways a web page
 * can mangle them (links, footnote marks, entities left in, spaces, random words, random bytes, missing and extra
 * cells). Whatever Apple could plausibly publish, the importer reads every table, never throws, and every notice
 * names the file and line and stays bounded.
 */
class ArticleCellsFuzzTest {

    private static final long SEED = 0x0A11_2026L;
    private static final int ROUNDS = 400;
    private static final String HEADER = "Hosts | Ports | Protocol | OS | Description | Supports proxies |";
    private static final String[] PIECES = {"*", "†", "¹", "[2]", "(3)", " ", "\u00a0", "\u200b", "&nbsp;", "—",
        "__", "Learn more.", "Yes", "Oui", "no", ",", ", and ", " only", "UDP", "QUIC", "SSH", "iOS", "Android",
        "https://", "/fr", "|", "443", "70000", "-1", "x".repeat(300), "\t", "\u0000", "é", "<b>", "ﬁ", "\u202e"};

    @Test
    void mutatedCellsNeverThrowAndEveryNoticeNamesItsLine() {
        List<String> rows = CurrentCatalogTest.referenceRows();
        Catalog bundled = Catalog.bundled();
        Random random = new Random(SEED);
        int notices = 0;
        for (int round = 0; round < ROUNDS; round++) {
            StringBuilder text = new StringBuilder("Device management\n" + HEADER + "\n---|---|---|---|---|---|\n");
            for (int r = 0; r < 6; r++) {
                text.append(mutate(rows.get(random.nextInt(rows.size())), random)).append('\n');
            }
            ArticleImport article = ArticleImporter.read(new StringReader(text.toString()), "fuzz.txt", bundled);
            assertThat(article.tables().size(), is(1));
            assertThat(article.notices(), everyItem(startsWith("fuzz.txt:")));
            assertThat(article.notices().stream().map(String::length).toList(), everyItem(lessThanOrEqualTo(700)));
            ArticleImport.Conversion conversion = article.convert("fuzz", bundled.source(), bundled);
            CatalogDiff.between(bundled, conversion).lines();
            notices += article.notices().size();
        }
        assertThat(notices, is(greaterThan(ROUNDS)));
    }

    @Test
    void randomHtmlAroundTablesNeverThrows() {
        Random random = new Random(SEED);
        Catalog bundled = Catalog.bundled();
        String page = ArticleInputTest.fixture("2026-08.en.html");
        for (int round = 0; round < 60; round++) {
            StringBuilder mutated = new StringBuilder(page);
            for (int k = 0; k < 40; k++) {
                int at = random.nextInt(mutated.length());
                if (random.nextBoolean()) {
                    mutated.insert(at, PIECES[random.nextInt(PIECES.length)]);
                } else {
                    mutated.delete(at, Math.min(mutated.length(), at + random.nextInt(30)));
                }
            }
            try {
                ArticleImport article = ArticleInput.parse(mutated.toString(), true, "fuzz.html", () -> bundled);
                assertThat(article.notices(), everyItem(startsWith("fuzz.html:")));
            } catch (CatalogException e) {
                // only a page whose every table was destroyed may fail, and it says so
                assertThat(e.getMessage(), org.hamcrest.Matchers.containsString("has no host table"));
            }
        }
    }

    private static String mutate(String row, Random random) {
        List<String> cells = new ArrayList<>(List.of(row.split("\\|", -1)));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int c = random.nextInt(Math.max(1, cells.size()));
            String cell = cells.isEmpty() ? "" : cells.get(c);
            switch (random.nextInt(7)) {
                case 0 -> cell = cell + PIECES[random.nextInt(PIECES.length)];
                case 1 -> cell = PIECES[random.nextInt(PIECES.length)] + cell;
                case 2 -> cell = PIECES[random.nextInt(PIECES.length)];
                case 3 -> cell = randomText(random);
                case 4 -> cell = cell.isEmpty() ? cell : cell.substring(0, random.nextInt(cell.length()));
                case 5 -> {
                    if (!cells.isEmpty()) {
                        cells.remove(c);
                    }
                    continue;
                }
                default -> {
                    cells.add(c, randomText(random));
                    continue;
                }
            }
            if (!cells.isEmpty()) {
                cells.set(c, cell);
            }
        }
        String joined = String.join("|", cells);
        return joined.contains("|") ? joined : joined + " |";
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return text.toString();
    }
}
