package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small readers behind the report parsers: Python-style text, dates, CSV rows, numbers. */
class ReportReadingTest {

    @Test
    void repr_quotesLikePython() {
        assertThat(PythonText.repr(List.of("invalid_field", "last_status_update")))
                .isEqualTo("['invalid_field', 'last_status_update']");
        assertThat(PythonText.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonText.repr("both ' and \"")).isEqualTo("'both \\' and \"'");
        assertThat(PythonText.repr("a\nb\\c\u0001")).isEqualTo("'a\\nb\\\\c\\x01'");
        assertThat(PythonText.repr("à qu")).isEqualTo("'à qu'");
    }

    @Test
    void shorten_collapsesWhitespace_andCutsAtWordsWithPlaceholder() {
        assertThat(PythonText.shorten("  a\n\tb   c ", 150)).isEqualTo("a b c");
        String words = "word ".repeat(40).strip(); // 199 characters
        String cut = PythonText.shorten(words, 150);
        assertThat(cut).endsWith(" [...]").hasSizeLessThanOrEqualTo(150);
        assertThat(cut).isEqualTo("word ".repeat(29).strip() + " [...]");
        assertThat(PythonText.shorten("x".repeat(200), 150)).isEqualTo("[...]");
        // textwrap breaks after a hyphen between letters, so half of "cross-site" can stay.
        assertThat(PythonText.shorten("aaaa " + "b".repeat(132) + " cross-site tail", 150))
                .isEqualTo("aaaa " + "b".repeat(132) + " cross- [...]");
    }

    @Test
    void dates_readCommonLayoutsLikeDateutil() {
        assertThat(ReportDates.parse("2021-01-06").date()).isEqualTo(LocalDate.of(2021, 1, 6));
        assertThat(ReportDates.parse("28/02/2021").date()).isEqualTo(LocalDate.of(2021, 2, 28));
        assertThat(ReportDates.parse("01/30/2018").date()).isEqualTo(LocalDate.of(2018, 1, 30));
        assertThat(ReportDates.parse("09/11/2025").date()).isEqualTo(LocalDate.of(2025, 9, 11));
        assertThat(ReportDates.parse("20210106").date()).isEqualTo(LocalDate.of(2021, 1, 6));
        assertThat(ReportDates.parse("Jan 6, 2021").date()).isEqualTo(LocalDate.of(2021, 1, 6));
        assertThat(ReportDates.parse("6 January 2021 10:00").date()).isEqualTo(LocalDate.of(2021, 1, 6));
        ReportDates.Parsed late = ReportDates.parse("2021-03-08T23:39:40.000-02:00");
        assertThat(late.date()).isEqualTo(LocalDate.of(2021, 3, 8));
        assertThat(late.utcDate()).isEqualTo(LocalDate.of(2021, 3, 9));
        assertThatThrownBy(() -> ReportDates.parse("yesterday")).isInstanceOf(ReportError.class)
                .hasMessage("Unknown string format: yesterday");
    }

    @Test
    void csv_readsLikePythonsDictReader() {
        CsvTable table = CsvTable.parse("Date,Title, Url\r\n"
                + "01/30/2018,\"Leak, \"\"quoted\"\"\nsecond line\",x\n"
                + "\n"
                + "02/01/2018,short\n"
                + "03/01/2018,\"open quote at the end");
        assertThat(table.header()).containsExactly("Date", "Title", " Url");
        List<Map<String, String>> rows = table.rows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("Title")).isEqualTo("Leak, \"quoted\"\nsecond line");
        assertThat(rows.get(0).get(" Url")).isEqualTo("x");
        assertThat(rows.get(1)).containsEntry("Title", "short").containsEntry(" Url", null);
        assertThat(rows.get(2).get("Title")).isEqualTo("open quote at the end");
        assertThat(CsvTable.parse("").rows()).isEmpty();
    }

    @Test
    void numbers_failWithPythonsWording() {
        assertThat(PythonNumbers.toInt(" 79 ")).isEqualTo(79);
        assertThat(PythonNumbers.toFloat(".00042")).isEqualTo(0.00042);
        assertThatThrownBy(() -> PythonNumbers.toInt("")).isInstanceOf(ReportError.class)
                .hasMessage("invalid literal for int() with base 10: ''");
        assertThatThrownBy(() -> PythonNumbers.toFloat("n/a")).isInstanceOf(ReportError.class)
                .hasMessage("could not convert string to float: 'n/a'");
    }

    @Test
    void fileExtensions_followDjangosValidator() {
        assertThat(ImportFiles.extensionError("report.SARIF")).isNull();
        assertThat(ImportFiles.extensionError("report.exe")).isEqualTo("File extension \u201cexe\u201d is not allowed. "
                + "Allowed extensions are: xml, csv, nessus, json, jsonl, html, js, zip, xlsx, txt, sarif, fpr, md, "
                + "log, fvdl.");
        assertThat(ImportFiles.extension("report")).isEmpty();
        assertThat(ImportFiles.extension(".json")).isEmpty();
        assertThat(ImportFiles.extension("dir.v2/report.tar.gz")).isEqualTo("gz");
    }
}
