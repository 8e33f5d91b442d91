package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * Bad input through the command-line entry point: every bad record is quarantined with its reason,
 * the counts add up, and the job still exits 0. This class lets the launcher own (and stop) its
 * Spark session, as {@code jobs/submit} does.
 */
class IngestMalformedInputTest {

  @TempDir Path work;

  @Test
  void badRecordsAreQuarantinedAndTheJobSucceeds() throws Exception {
    Path input = work.resolve("in");
    Files.createDirectories(input);
    OutputStream jsonl = Files.newOutputStream(input.resolve("mixed.jsonl"));
    String good =
        "{\"id\":\"ok-1\",\"published_at\":\"2025-04-01T09:00:00+09:00\",\"body\":\"4월 조선 3사의 수주액이 52억 달러로 전년 동월 대비 두 배로 늘었다.\"}\n";
    jsonl.write(good.getBytes(StandardCharsets.UTF_8));
    jsonl.write("{\"id\":\"broken\",\"body\":\"잘린 레코드\n".getBytes(StandardCharsets.UTF_8));
    jsonl.write("\n\n".getBytes(StandardCharsets.UTF_8));
    jsonl.write(
        "{\"id\":\"future\",\"published_at\":\"9999-12-31\",\"body\":\"먼 미래 날짜가 붙은 기사 본문입니다. 매출 3조 원.\"}\n"
            .getBytes(StandardCharsets.UTF_8));
    jsonl.write("{\"id\":\"bad-utf8\",\"body\":\"".getBytes(StandardCharsets.UTF_8));
    jsonl.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
    jsonl.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    jsonl.write(huge);
    jsonl.write('\n');
    jsonl.write(
        good.replace("ok-1", "ok-2").replace("두 배로", "세 배로").getBytes(StandardCharsets.UTF_8));
    jsonl.close();
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(input.resolve("garbage.txt"), garbage);

    Path out = work.resolve("out");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit =
        JobLauncher.launch(
            new IngestJob(),
            new String[] {
              "--input",
              input.toString(),
              "--out",
              out.toString(),
              // most records here are bad on purpose; the ratio check has its own test
              "--max-quarantine-ratio",
              "1"
            },
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, exit, printed.toString(StandardCharsets.UTF_8));

    SparkSession spark = SparkSessions.create("check");
    try {
      TableStore store = new TableStore(spark, out.resolve("tables").toString());
      Map<String, Long> reasons = new HashMap<>();
      for (Row row : store.read(Tables.QUARANTINE).groupBy(Col.REASON).count().collectAsList()) {
        reasons.put(row.getString(0), row.getLong(1));
      }
      assertEquals(1L, reasons.get("malformed_json"), reasons.toString());
      assertEquals(2L, reasons.get("empty_record"), reasons.toString());
      assertEquals(1L, reasons.get("date_out_of_range"), reasons.toString());
      assertEquals(1L, reasons.get("record_too_large"), reasons.toString());
      long utf8 = reasons.getOrDefault("invalid_utf8", 0L);
      assertTrue(utf8 >= 2, "the bad JSONL bytes and the random garbage lines: " + reasons);
      assertEquals(2, store.read(Tables.ARTICLES).count());

      Row run = store.read(Tables.RUNS).first();
      long quarantined = run.getAs(Col.QUARANTINED);
      assertEquals(
          (long) run.getAs(Col.INPUT_RECORDS), 2 + quarantined + (long) run.getAs(Col.DUPLICATES));
      assertTrue(((String) run.getAs(Col.QUARANTINE_REASONS)).contains("record_too_large=1"));
      List<Row> large =
          store
              .read(Tables.QUARANTINE)
              .filter(org.apache.spark.sql.functions.col(Col.REASON).equalTo("record_too_large"))
              .collectAsList();
      String payload = large.get(0).getAs(Col.RAW_PAYLOAD);
      assertTrue(payload.length() <= 4096, "payload truncated to the configured size");
      assertTrue(
          printed.toString(StandardCharsets.UTF_8).contains("quarantined:"),
          "the counts are printed");
    } finally {
      spark.stop();
    }
  }

  @Test
  void badOptionValuesExitWithTwoAndNameTheOption() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(
        2,
        JobLauncher.launch(
            new IngestJob(), new String[] {"--min-body-chars", "many"}, System.out, errStream));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--min-body-chars"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("many"));
    assertEquals(
        2,
        JobLauncher.launch(
            new IngestJob(), new String[] {"--no-such-option"}, System.out, errStream));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--no-such-option"));
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(
        0,
        JobLauncher.launch(
            new IngestJob(),
            new String[] {"--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err));
    String help = out.toString(StandardCharsets.UTF_8);
    for (JobOption<?> option : new IngestJob().options()) {
      assertTrue(help.contains("--" + option.name()), "help lists --" + option.name());
    }
    assertTrue(help.contains("(default: 0.9)"));
  }
}
