package org.sectortrends.corpus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPlannerTest {

  private static final Configuration CONF = new Configuration();

  @TempDir Path dir;

  private final InputPlanner planner = new InputPlanner(CONF, Optional.empty(), 1024);

  @BeforeEach
  void corpus() throws IOException {
    write("a.jsonl", 100);
    write("big.jsonl", 2500);
    write("big.txt.gz", 5000);
    write("big.csv", 5000);
    write("b.tsv", 10);
    write("2025/11/26/c.txt", 10);
    write("part.parquet", 10);
    write("notes.md", 10);
    write("_SUCCESS", 0);
    write(".hidden.jsonl", 10);
    write("_truth/answers.jsonl", 10);
    write("sub/.cache/x.jsonl", 10);
  }

  @Test
  void expandsDirectoriesRecursivelySkippingHiddenAndUnknownFiles() throws IOException {
    InputPlan plan = planner.plan(List.of(dir.toString()));
    List<String> files =
        plan.splits().stream().map(s -> name(s.path())).distinct().sorted().toList();
    assertEquals(List.of("a.jsonl", "b.tsv", "big.csv", "big.jsonl", "big.txt.gz", "c.txt"), files);
    assertEquals(
        List.of("part.parquet"), plan.parquetFiles().stream().map(InputPlannerTest::name).toList());
    assertEquals(
        List.of("notes.md"), plan.skippedFiles().stream().map(InputPlannerTest::name).toList());
    assertEquals(7, plan.fileCount());
  }

  @Test
  void cutsOnlyLargeUncompressedLineFilesIntoContiguousRanges() throws IOException {
    InputPlan plan = planner.plan(List.of(dir.toString()));
    List<InputSplit> big =
        plan.splits().stream().filter(s -> name(s.path()).equals("big.jsonl")).toList();
    assertEquals(3, big.size());
    long expectedStart = 0;
    for (InputSplit split : big) {
      assertEquals(expectedStart, split.start());
      assertTrue(split.length() > 0 && split.length() <= 1024);
      expectedStart += split.length();
    }
    assertEquals(2500, expectedStart);
    for (String whole : List.of("big.txt.gz", "big.csv", "a.jsonl")) {
      List<InputSplit> splits =
          plan.splits().stream().filter(s -> name(s.path()).equals(whole)).toList();
      assertEquals(1, splits.size(), whole);
      assertTrue(splits.get(0).wholeFile(), whole);
    }
    assertEquals(
        InputFormat.TEXT,
        plan.splits().stream()
            .filter(s -> name(s.path()).equals("c.txt"))
            .findFirst()
            .orElseThrow()
            .format());
  }

  @Test
  void globsAndExplicitFilesWork() throws IOException {
    InputPlan plan =
        planner.plan(
            List.of(dir.resolve("*.tsv").toString(), dir.resolve("2025/11/26/c.txt").toString()));
    assertEquals(
        List.of("b.tsv", "c.txt"), plan.splits().stream().map(s -> name(s.path())).toList());
  }

  @Test
  void overlappingInputsReadEachFileOnce() throws IOException {
    InputPlan plan =
        planner.plan(
            List.of(
                dir.toString(),
                dir.resolve("a.jsonl").toString(),
                dir.resolve("*.tsv").toString()));
    assertEquals(1, plan.splits().stream().filter(s -> name(s.path()).equals("a.jsonl")).count());
    assertEquals(1, plan.splits().stream().filter(s -> name(s.path()).equals("b.tsv")).count());
    assertEquals(7, plan.fileCount());
    // Without any skipped file to hide it: the second input's only file was already planned.
    InputPlan again =
        planner.plan(List.of(dir.resolve("*.tsv").toString(), dir.resolve("b.tsv").toString()));
    assertEquals(1, again.splits().size());
  }

  @Test
  void forcedFormatAppliesToEveryFile() throws IOException {
    InputPlan plan =
        new InputPlanner(CONF, Optional.of(InputFormat.TEXT), 1 << 20)
            .plan(List.of(dir.resolve("notes.md").toString()));
    assertEquals(
        List.of(new InputSplit(plan.splits().get(0).path(), InputFormat.TEXT, 0, -1)),
        plan.splits());
  }

  @Test
  void inputsThatMatchNothingAreNamed() {
    String missing = dir.resolve("nothing-*.jsonl").toString();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> planner.plan(List.of(missing)));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void explicitFileOfUnknownFormatIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> planner.plan(List.of(dir.resolve("notes.md").toString())));
    assertTrue(
        e.getMessage().contains("notes.md") && e.getMessage().contains("--format"), e.getMessage());
  }

  @Test
  void directoryWithOnlyHiddenFilesIsAnError() {
    String hiddenOnly = dir.resolve("_truth").getParent().resolve("sub").toString();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> planner.plan(List.of(hiddenOnly)));
    assertTrue(e.getMessage().contains("no readable file"), e.getMessage());
  }

  @Test
  void tooSmallSplitSizeIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new InputPlanner(CONF, Optional.empty(), 10));
    assertTrue(e.getMessage().contains("10"));
  }

  private void write(String relative, int bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, "x\n".repeat(bytes / 2).getBytes(UTF_8));
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
