package org.sectortrends.figures.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development set's gold offsets fit the article texts as the loader rebuilds them, Wikinews
 * texts and KLUE sentences included (read from the shared directory at run time).
 */
class DevArticlesTest {

  private static final Path DEV = Path.of("src/test/resources/eval/dev");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyGoldSpanMatchesItsArticleText() throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    int checked = 0;
    int wikinewsChecked = 0;
    int klueChecked = 0;
    List<String[]> sets = new ArrayList<>();
    sets.add(new String[] {"articles.jsonl", "figures.jsonl"});
    sets.add(new String[] {"heldout-articles.jsonl", "heldout-figures.jsonl"});
    sets.add(new String[] {"heldout2-articles.jsonl", "heldout2-figures.jsonl"});
    sets.add(new String[] {"heldout3-articles.jsonl", "heldout3-figures.jsonl"});
    // the sets of new/ pair <part>-articles.jsonl with <part>-figures.jsonl
    if (Files.isDirectory(DEV.resolve("new"))) {
      try (Stream<Path> files = Files.list(DEV.resolve("new"))) {
        files
            .map(f -> f.getFileName().toString())
            .filter(name -> name.endsWith("-articles.jsonl"))
            .sorted()
            .forEach(
                name ->
                    sets.add(
                        new String[] {
                          "new/" + name, "new/" + name.replace("-articles.jsonl", "-figures.jsonl")
                        }));
      }
    }
    for (String[] set : sets) {
      DevArticles.Loaded loaded =
          DevArticles.load(DEV.resolve(set[0]), DevArticles.defaultShared(), ci, System.out);
      Map<String, ObjectNode> byId = new HashMap<>();
      for (ObjectNode a : loaded.articles()) {
        byId.put(a.get("id").asText(), a);
      }
      for (String line : Files.readAllLines(DEV.resolve(set[1]), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode g = JSON.readTree(line);
        String id = g.get("article").asText();
        ObjectNode article = byId.get(id);
        if (article == null) {
          assertTrue(
              loaded.skipped().contains(id),
              "gold figure of unknown article '" + id + "' in " + set[1]);
          continue;
        }
        int[] text = article.get("text").asText().codePoints().toArray();
        int start = g.get("start").asInt();
        int end = g.get("end").asInt();
        assertTrue(
            start >= 0 && start < end && end <= text.length, id + ": span " + start + ".." + end);
        assertEquals(
            g.get("surface").asText(), new String(text, start, end - start), id + " at " + start);
        checked++;
        if (id.startsWith("w")) {
          wikinewsChecked++;
        }
        if ("klue".equals(article.path("source").asText())) {
          klueChecked++;
        }
      }
    }
    assertTrue(checked >= 300, "only " + checked + " gold figures checked");
    System.out.println(
        "gold spans checked: "
            + checked
            + " ("
            + wikinewsChecked
            + " in Wikinews articles, "
            + klueChecked
            + " in KLUE sentences)");
  }

  @Test
  void missingCorpusSkipsWithAWarningOrFailsUnderCi(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.jsonl");
    Files.writeString(
        file,
        """
                {"id": "n1", "published": "2025-01-02", "source": "written", "text": "매출 3조 원"}
                {"id": "w1", "published": "2012-01-02", "source": "wikinews", "url": "https://ko.wikinews.org/wiki/X"}
                """);
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    DevArticles.Loaded loaded =
        DevArticles.load(
            file,
            dir.resolve("absent"),
            false,
            new PrintStream(warnings, true, StandardCharsets.UTF_8));
    assertEquals(1, loaded.articles().size());
    assertEquals(List.of("w1"), loaded.skipped());
    assertTrue(warnings.toString(StandardCharsets.UTF_8).contains("Wikinews corpus not found"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> DevArticles.load(file, dir.resolve("absent"), true, System.out));
    assertTrue(e.getMessage().contains(DevArticles.WIKINEWS_CSV), e.getMessage());
  }

  @Test
  void readsTitleAndBodyOfTheRowWithTheUrl(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve(DevArticles.WIKINEWS_CSV);
    Files.createDirectories(csv.getParent());
    Files.writeString(
        csv,
        "작성일,출처,제목,내용\n2012-01-02,https://w/X,제목 하나,\"본문, 첫 줄\n\"\"인용\"\" 둘째 줄\"\n"
            + "2012-01-03,https://w/Y,제목 둘,본문\n");
    Path file = dir.resolve("a.jsonl");
    Files.writeString(
        file, "{\"id\": \"w1\", \"source\": \"wikinews\", \"url\": \"https://w/X\"}\n");
    DevArticles.Loaded loaded = DevArticles.load(file, dir, true, System.out);
    assertEquals("제목 하나\n본문, 첫 줄\n\"인용\" 둘째 줄", loaded.articles().get(0).get("text").asText());
  }

  @Test
  void readsTheKlueSentenceUnchangedAndSkipsOrFailsWhenItIsMissing(@TempDir Path dir)
      throws Exception {
    Path sentences = dir.resolve(DevArticles.KLUE_JSONL);
    Files.createDirectories(sentences.getParent());
    Files.writeString(
        sentences,
        "{\"id\": \"klue-a\", \"text\": \"A사는 매출 3조 원을 올렸다.\", \"spans\": []}\n"
            + "{\"id\": \"klue-b\", \"text\": \"B사 \\\"점유율 20%\\\"\", \"spans\": []}\n");
    Path file = dir.resolve("a.jsonl");
    Files.writeString(
        file,
        """
                {"id": "k001", "published": null, "source": "klue", "sentence_id": "klue-b"}
                {"id": "k002", "published": null, "source": "klue", "sentence_id": "klue-z"}
                """);
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    DevArticles.Loaded loaded =
        DevArticles.load(file, dir, false, new PrintStream(warnings, true, StandardCharsets.UTF_8));
    assertEquals(1, loaded.articles().size());
    assertEquals("B사 \"점유율 20%\"", loaded.articles().get(0).get("text").asText());
    assertEquals(List.of("k002"), loaded.skipped());
    assertTrue(warnings.toString(StandardCharsets.UTF_8).contains("'klue-z'"), warnings.toString());
    IllegalStateException notFound =
        assertThrows(
            IllegalStateException.class, () -> DevArticles.load(file, dir, true, System.out));
    assertTrue(notFound.getMessage().contains("klue-z"), notFound.getMessage());

    ByteArrayOutputStream noFile = new ByteArrayOutputStream();
    DevArticles.Loaded without =
        DevArticles.load(
            file,
            dir.resolve("absent"),
            false,
            new PrintStream(noFile, true, StandardCharsets.UTF_8));
    assertEquals(List.of("k001", "k002"), without.skipped());
    assertTrue(noFile.toString(StandardCharsets.UTF_8).contains("KLUE-NER sentences not found"));
    IllegalStateException absent =
        assertThrows(
            IllegalStateException.class,
            () -> DevArticles.load(file, dir.resolve("absent"), true, System.out));
    assertTrue(absent.getMessage().contains(DevArticles.KLUE_JSONL), absent.getMessage());
  }
}
