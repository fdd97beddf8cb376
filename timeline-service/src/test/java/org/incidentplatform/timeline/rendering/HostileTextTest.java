package org.incidentplatform.timeline.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** User text must come out of the exports as the same words, never as markup or a formula. */
class HostileTextTest {

    @Test
    void markdownShowsAScriptTagAsTextNotHtml() {
        assertThat(MarkdownText.escape("<script>alert(1)</script>"))
                .isEqualTo("&lt;script&gt;alert\\(1\\)&lt;/script&gt;")
                .doesNotContain("<", ">");
    }

    @Test
    void markdownCannotFormALink() {
        assertThat(MarkdownText.escape("[x](javascript:alert(1))"))
                .isEqualTo("\\[x\\]\\(javascript:alert\\(1\\)\\)")
                .doesNotContain("](");
    }

    @Test
    void markdownKeepsTextInsideItsTableCellAndLine() {
        String escaped = MarkdownText.escape("a | b\nc\r\n# heading\u2028*bold* _em_ `code` ~~gone~~ ![img](x) &amp;");

        assertThat(escaped).doesNotContain("\n", "\r", "\u2028")
                .isEqualTo("a \\| b c  \\# heading \\*bold\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~ \\!\\[img\\]\\(x\\) &amp;amp;");
        assertThat(escaped.replace("\\|", "")).doesNotContain("|");
    }

    @Test
    void markdownEscapesABackslashSoItCannotEscapeTheEscaping() {
        assertThat(MarkdownText.escape("\\[x]")).isEqualTo("\\\\\\[x\\]");
    }

    @Test
    void csvPrefixesEveryFormulaStartWithAnApostrophe() {
        assertThat(CsvText.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvText.cell("+1+1")).isEqualTo("\"'+1+1\"");
        assertThat(CsvText.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvText.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvText.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(CsvText.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvText.cell("harmless = fine")).isEqualTo("\"harmless = fine\"");
    }

    @Test
    void csvQuotesEveryCellDoublesQuotesAndEndsRowsWithCrLf() {
        assertThat(CsvText.row(List.of("a,b", "say \"hi\"", "line\nbreak", "")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"\"\r\n");
    }
}
