package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractFiguresCliTest {

  private static String run(String input, ExtractFiguresCli.Options options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExtractFiguresCli.run(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, options);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesOneLineWithKeysInTheDocumentedOrder() throws IOException {
    String out =
        run(
            "{\"id\": \"a1\", \"text\": \"X사의 3분기 매출은 2천억 위안(약 38조 원)이다.\", \"published\": \"2025-11-20\"}\n",
            ExtractFiguresCli.Options.defaults());
    assertEquals(
        "{\"id\":\"a1\",\"figures\":["
            + "{\"start\":12,\"end\":18,\"surface\":\"2천억 위안\",\"value\":\"200000000000\",\"unit\":\"CNY\","
            + "\"counter\":null,\"qualifier\":null,\"range_high\":null,\"metric\":\"revenue\",\"subject\":\"X사\","
            + "\"period\":\"2025Q3\",\"period_text\":\"3분기\",\"direction\":null,\"change_basis\":null,\"conversion_of\":null},"
            + "{\"start\":19,\"end\":26,\"surface\":\"약 38조 원\",\"value\":\"38000000000000\",\"unit\":\"KRW\","
            + "\"counter\":null,\"qualifier\":\"approx\",\"range_high\":null,\"metric\":\"revenue\",\"subject\":\"X사\","
            + "\"period\":\"2025Q3\",\"period_text\":\"3분기\",\"direction\":null,\"change_basis\":null,\"conversion_of\":0}"
            + "]}\n",
        out);
  }

  @Test
  void badLinesYieldErrorsAndProcessingGoesOn() throws IOException {
    String out =
        run(
            String.join(
                    "\n",
                    "{\"id\": 1, \"text\": \"직원 3명\"}",
                    "not json",
                    "{\"id\": 2}",
                    "",
                    "{\"id\": 3, \"text\": \"5~6개\", \"published\": \"2025-13-01\"}",
                    "{\"id\": 4, \"text\": \"비용 1.5%\"}")
                + "\n",
            ExtractFiguresCli.Options.defaults());
    String[] lines = out.split("\n");
    assertEquals(5, lines.length, out);
    assertTrue(
        lines[0].startsWith(
            "{\"id\":1,\"figures\":[{\"start\":3,\"end\":5,\"surface\":\"3명\",\"value\":\"3\""),
        lines[0]);
    assertTrue(lines[1].startsWith("{\"id\":null,\"error\":\"not a JSON object"), lines[1]);
    assertEquals("{\"id\":2,\"error\":\"missing or non-string \\\"text\\\"\"}", lines[2]);
    assertTrue(
        lines[3].startsWith("{\"id\":3,\"error\":\"bad \\\"published\\\" '2025-13-01'"), lines[3]);
    assertTrue(lines[4].contains("\"value\":\"1.5\",\"unit\":\"percent\""), lines[4]);
  }

  @Test
  void defaultPublicationDateResolvesRelativePeriods() throws IOException {
    String line = "{\"id\": \"p\", \"text\": \"지난해 수출은 50억 달러였다.\"}\n";
    String without = run(line, ExtractFiguresCli.Options.defaults());
    assertTrue(without.contains("\"period\":null,\"period_text\":\"지난해\""), without);
    String with = run(line, ExtractFiguresCli.parse(new String[] {"--published", "2025-03-02"}));
    assertTrue(with.contains("\"period\":\"2024\",\"period_text\":\"지난해\""), with);
  }

  @Test
  void parsesOptions() {
    ExtractFiguresCli.Options o =
        ExtractFiguresCli.parse(new String[] {"--published", "2025-11-26", "-"});
    assertEquals(LocalDate.of(2025, 11, 26), o.published());
    assertEquals("-", o.input());
    assertEquals("-", ExtractFiguresCli.parse(new String[0]).input());
    assertTrue(ExtractFiguresCli.parse(new String[] {"--help"}).help());
    assertEquals(
        LocalDate.of(2024, 1, 2),
        ExtractFiguresCli.parse(new String[] {"--published=2024-01-02"}).published());
    ExtractFiguresCli.Options lexicons =
        ExtractFiguresCli.parse(new String[] {"--lexicon-dir", "data/lexicons", "-"});
    assertEquals(java.nio.file.Path.of("data/lexicons"), lexicons.lexiconDir());
    assertEquals("-", lexicons.input());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--published|2025-02-30|'2025-02-30'",
        "--published||needs a value",
        "--frobnicate|x|'--frobnicate'",
        "--lexicon-dir|/no/such/dir|'/no/such/dir'",
        "--lexicons|/tmp|did you mean --lexicon-dir?",
        "missing-file.jsonl||'missing-file.jsonl'",
      })
  void usageErrorsNameOptionAndValue(String option, String value, String expected) {
    String[] args = value == null ? new String[] {option} : new String[] {option, value};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExtractFiguresCli.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExtractFiguresCli.printUsage(new PrintStream(out, true, StandardCharsets.UTF_8));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--published", "--lexicon-dir", "--help", "FILE|-"}) {
      assertTrue(help.contains(option), option);
    }
    assertTrue(help.contains("(default: -)") && help.contains("(default: none"), help);
  }
}
