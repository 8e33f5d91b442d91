package org.sectortrends.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Number formats, URL policy, CSV neutralization, Markdown escaping and period labels. */
class ReportFormatsTest {

  @Test
  void numbersAndMoney() {
    assertEquals("12.3%", ReportFormats.share(0.1234));
    assertEquals("+1.3%p", ReportFormats.points(1.25));
    assertEquals("-0.8%p", ReportFormats.points(-0.8));
    assertEquals("0.0%p", ReportFormats.points(-0.01));
    assertEquals("–", ReportFormats.points(null));
    assertEquals("12,345", ReportFormats.count(12345L));
    assertEquals("51.3조 원", ReportFormats.won(new BigDecimal("51316900000000")));
    assertEquals("2,450억 원", ReportFormats.won(new BigDecimal("245000000000")));
    assertEquals("3,000만 원", ReportFormats.won(new BigDecimal("30000000")));
    assertEquals("-1.5조 원", ReportFormats.won(new BigDecimal("-1500000000000")));
    assertEquals("9,500원", ReportFormats.won(new BigDecimal("9500")));
    assertEquals("1,550억 USD", ReportFormats.amount(new BigDecimal("155000000000"), "USD"));
    assertEquals("51.3조 원", ReportFormats.amount(new BigDecimal("51316900000000"), "KRW"));
    assertEquals("12.5 %", ReportFormats.amount(new BigDecimal("12.5"), "%"));
    assertEquals("3,200 명", ReportFormats.amount(new BigDecimal("3200"), "명"));
    assertEquals("-", ReportFormats.amount(null, "USD").replace(ReportFormats.MISSING, "-"));
    assertEquals("–", ReportFormats.changePct(Double.POSITIVE_INFINITY));
  }

  @Test
  void onlyHttpAndHttpsAddressesAreLinks() {
    assertEquals(
        "https://news.example/a?b=1", ReportFormats.webUrl(" https://news.example/a?b=1 "));
    assertEquals("HTTP://news.example/", ReportFormats.webUrl("HTTP://news.example/"));
    for (String bad :
        Arrays.asList(
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "//evil.example/x",
            "/relative",
            "vbscript:x",
            "https://",
            "https://bad host/",
            null,
            " ")) {
      assertNull(ReportFormats.webUrl(bad), String.valueOf(bad));
    }
  }

  @Test
  void csvNeutralizesFormulaTextButKeepsNumbers() throws Exception {
    assertEquals("'=1+2", CsvWriter.cell("=1+2"));
    assertEquals("'+82-10", CsvWriter.cell("+82-10"));
    assertEquals("'-3", CsvWriter.cell("-3"), "text that looks like a number is still text");
    assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)"));
    assertEquals("'\tx", CsvWriter.cell("\tx"));
    assertEquals(
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        CsvWriter.cell("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("-3.2", CsvWriter.cell(-3.2), "a typed number stays numeric");
    assertEquals("-1500000000000", CsvWriter.cell(new BigDecimal("-1500000000000.000000")));
    assertEquals("0.00001", CsvWriter.cell(1e-5), "no exponent");
    assertEquals("NaN", CsvWriter.cell(Double.NaN));
    assertEquals("", CsvWriter.cell(null));
    assertEquals("\"a,b\"", CsvWriter.cell("a,b"));
    assertEquals("반도체", CsvWriter.cell("반도체"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter.write(
        out,
        List.of("term", "lift"),
        List.of(Arrays.asList("=cmd", -2.5), Arrays.asList("에이전트", null)));
    byte[] bytes = out.toByteArray();
    assertEquals(
        List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
        List.of(bytes[0], bytes[1], bytes[2]),
        "BOM");
    assertEquals(
        "term,lift\r\n'=cmd,-2.5\r\n에이전트,\r\n",
        new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
  }

  @Test
  void markdownEscaping() {
    assertEquals(
        "\\<b\\>x\\</b\\> \\| \\[a\\](b) \\*c\\* \\_d\\_ \\#",
        MarkdownEscaping.escape("<b>x</b> | [a](b) *c* _d_ #"));
    assertEquals("a b", MarkdownEscaping.escape("a\nb"));
    assertEquals("", MarkdownEscaping.escape(null));
  }

  @Test
  void periodLabels() {
    ReportPeriod month = ReportPeriod.parse(ReportPeriod.Type.MONTH, "2025-11");
    assertEquals(LocalDate.of(2025, 11, 30), month.end());
    assertEquals("2025-10", month.previous().label());
    ReportPeriod week = ReportPeriod.parse(ReportPeriod.Type.WEEK, "2025-W01");
    assertEquals(
        LocalDate.of(2024, 12, 30), week.start(), "ISO week 1 of 2025 starts on Monday 2024-12-30");
    assertEquals("2024-W52", week.previous().label());
    assertEquals(
        "2026-W01",
        ReportPeriod.containing(ReportPeriod.Type.WEEK, LocalDate.of(2025, 12, 29)).label());
    ReportPeriod quarter = ReportPeriod.parse(ReportPeriod.Type.QUARTER, "2025Q1");
    assertEquals("2024Q4", quarter.previous().label());
    assertEquals(90, quarter.days());
    assertEquals(
        List.of("2025-09", "2025-10", "2025-11"),
        month.trailing(3).stream().map(ReportPeriod::label).toList());
    assertEquals(
        List.of("2025-10", "2025-11"),
        ReportModelBuilder.months(ReportPeriod.parse(ReportPeriod.Type.WEEK, "2025-W44")));
    for (String[] bad :
        new String[][] {
          {"MONTH", "2025-13"},
          {"MONTH", "2025Q4"},
          {"WEEK", "2025-W54"},
          {"WEEK", "2025-W53"},
          {"QUARTER", "2025Q5"},
          {"MONTH", "11/2025"}
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ReportPeriod.parse(ReportPeriod.Type.valueOf(bad[0]), bad[1]));
      assertTrue(e.getMessage().contains("'" + bad[1] + "'"), e.getMessage());
    }
    assertEquals(
        "2020-W53",
        ReportPeriod.parse(ReportPeriod.Type.WEEK, "2020-W53").label(),
        "2020 has 53 ISO weeks");
  }
}
