package org.sectortrends.figures.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the articles of the figure development set ({@code
 * src/test/resources/eval/dev/*articles.jsonl}) and fills in the text of the ones that are Wikinews
 * articles or KLUE sentences.
 *
 * <p>Articles written for the set carry their {@code text}. Wikinews articles are not copied into
 * the project: their record names the article by {@code url_sha256}, the first 16 hex digits of the
 * SHA-256 of its URL (a Wikinews URL spells out the title, so the URL itself is not stored; {@code
 * url} is still accepted), and keeps {@code published}, {@code source} and the licence attribution.
 * The text is read at run time from the shared corpus {@code
 * <shared>/corpora/wikinews-ko/wikinews.csv} (columns 작성일, 출처, 제목, 내용): the row whose 출처 is the URL
 * gives {@code 제목 + "\n" + 내용}, exactly the text the gold offsets were annotated on. {@code
 * <shared>} is {@code ../shared} relative to the working directory unless set with {@code --shared}
 * or the system property {@code sectortrends.shared}.
 *
 * <p>KLUE articles ({@code "source": "klue"}) are single news sentences of the KLUE benchmark's NER
 * task (CC BY-SA 4.0), not copied either: their record names the sentence by {@code sentence_id},
 * its KLUE id (e.g. {@code klue-ner-v1_dev_00012-wikitree}), and its text is the sentence's {@code
 * text}, unchanged and without a headline, from {@code
 * <shared>/eval/klue-ner/wikitree-dev-even.jsonl}.
 *
 * <p>When a corpus or an article in it is missing, the article is skipped with a warning on
 * standard error; under CI (environment {@code CI=true}) that is an error instead, so that a build
 * never silently measures a smaller set.
 *
 * <p>{@code main} writes the complete articles as JSONL for {@code jobs/extract-figures}:
 *
 * <pre>
 * jobs/dev-articles src/test/resources/eval/dev/articles.jsonl | jobs/extract-figures - &gt; /tmp/pred.jsonl
 * </pre>
 */
public final class DevArticles {

  /** Location of the Wikinews corpus under the shared directory. */
  public static final String WIKINEWS_CSV = "corpora/wikinews-ko/wikinews.csv";

  /** Location of the KLUE-NER news sentences under the shared directory. */
  public static final String KLUE_JSONL = "eval/klue-ner/wikitree-dev-even.jsonl";

  /** The field of a KLUE article that names its sentence by KLUE id. */
  public static final String SENTENCE_ID = "sentence_id";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One article with its text; {@code skipped} lists the ids whose text was not available. */
  public record Loaded(List<ObjectNode> articles, List<String> skipped) {}

  private DevArticles() {}

  /**
   * The shared directory: the system property {@code sectortrends.shared}, else {@code ../shared}.
   */
  public static Path defaultShared() {
    return Path.of(System.getProperty("sectortrends.shared", "../shared"));
  }

  /**
   * The articles of {@code file}, Wikinews and KLUE texts read from {@code shared}.
   *
   * @param ci true under CI: a missing corpus or article is an error rather than a skip
   * @throws IllegalStateException under CI when a Wikinews or KLUE text is not available
   * @throws IllegalArgumentException when a line is not an article record
   */
  public static Loaded load(Path file, Path shared, boolean ci, PrintStream warnings)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    SharedTexts wikinews =
        new SharedTexts(
            "Wikinews corpus",
            "Wikinews articles",
            shared.resolve(WIKINEWS_CSV),
            DevArticles::readWikinews);
    SharedTexts klue =
        new SharedTexts(
            "KLUE-NER sentences",
            "KLUE articles",
            shared.resolve(KLUE_JSONL),
            DevArticles::readKlue);
    List<ObjectNode> articles = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      String where = file + " line " + (n + 1);
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject() || !node.path("id").isTextual()) {
        throw new IllegalArgumentException(where + ": not an article object with a string \"id\"");
      }
      ObjectNode article = (ObjectNode) node;
      if (article.path("text").isTextual()) {
        articles.add(article);
        continue;
      }
      String id = article.get("id").asText();
      String text;
      if ("klue".equals(article.path("source").asText())) {
        if (!article.path(SENTENCE_ID).isTextual()) {
          throw new IllegalArgumentException(
              where
                  + ": KLUE article '"
                  + id
                  + "' has neither \"text\" nor \""
                  + SENTENCE_ID
                  + "\"");
        }
        String sentence = article.get(SENTENCE_ID).asText();
        text =
            klue.find(
                sentence,
                "KLUE sentence '" + sentence + "' of article '" + id + "'",
                file,
                ci,
                warnings);
      } else {
        boolean byUrl = article.path("url").isTextual();
        if (!"wikinews".equals(article.path("source").asText())
            || !(byUrl || article.path(URL_SHA256).isTextual())) {
          throw new IllegalArgumentException(
              where
                  + ": article '"
                  + id
                  + "' has neither \"text\" nor a Wikinews \"url\" or \""
                  + URL_SHA256
                  + "\"");
        }
        String url =
            byUrl ? article.get("url").asText() : HASH_KEY + article.get(URL_SHA256).asText();
        text =
            wikinews.find(url, "Wikinews article '" + id + "' (" + url + ")", file, ci, warnings);
      }
      if (text == null) {
        skipped.add(id);
        continue;
      }
      ObjectNode complete = article.deepCopy();
      complete.put("text", text);
      articles.add(complete);
    }
    return new Loaded(articles, skipped);
  }

  /** Reads the texts of a shared file by key. */
  private interface TextReader {
    Map<String, String> read(Path file) throws IOException;
  }

  /**
   * The texts of one shared file, read on first use. A missing file or text is a warning and a
   * skip, or under CI an error naming the path.
   */
  private static final class SharedTexts {
    private final String corpus;
    private final String articles;
    private final Path path;
    private final TextReader reader;
    private Map<String, String> texts;

    SharedTexts(String corpus, String articles, Path path, TextReader reader) {
      this.corpus = corpus;
      this.articles = articles;
      this.path = path;
      this.reader = reader;
    }

    /** The text of {@code key}, or null when it is not available. */
    String find(String key, String what, Path file, boolean ci, PrintStream warnings)
        throws IOException {
      if (texts == null) {
        if (!Files.isRegularFile(path)) {
          String message =
              corpus
                  + " not found at "
                  + path.toAbsolutePath().normalize()
                  + ": the text of "
                  + articles
                  + " of "
                  + file
                  + " is read from it at run time"
                  + " (set -Dsectortrends.shared or --shared to the shared directory)";
          if (ci) {
            throw new IllegalStateException(message);
          }
          warnings.println("warning: " + message + "; skipping the " + articles);
          texts = Map.of();
        } else {
          texts = reader.read(path);
        }
      }
      String text = texts.get(key);
      if (text == null && Files.isRegularFile(path)) {
        String message = what + " not found in " + path;
        if (ci) {
          throw new IllegalStateException(message);
        }
        warnings.println("warning: " + message + "; skipped");
      }
      return text;
    }
  }

  /**
   * The field that names a Wikinews article by the first 16 hex digits of the SHA-256 of its URL. A
   * Wikinews URL spells out the article's title, a sentence of the source; the hash names the
   * article without copying it.
   */
  public static final String URL_SHA256 = "url_sha256";

  private static final String HASH_KEY = "sha256:";

  /** The {@link #URL_SHA256} value of a URL. */
  public static String urlHash(String url) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(url.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** KLUE id to {@code text} of every sentence of the KLUE-NER file (one JSON object a line). */
  static Map<String, String> readKlue(Path jsonl) throws IOException {
    Map<String, String> texts = new HashMap<>();
    List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(lines.get(n));
      if (node == null || !node.path("id").isTextual() || !node.path("text").isTextual()) {
        throw new IllegalArgumentException(
            jsonl + " line " + (n + 1) + ": expected a sentence with string \"id\" and \"text\"");
      }
      texts.put(node.get("id").asText(), node.get("text").asText());
    }
    return texts;
  }

  /**
   * URL, and {@code sha256:} with the URL's hash, to {@code 제목 + "\n" + 내용} of every row of the
   * corpus file.
   */
  static Map<String, String> readWikinews(Path csv) throws IOException {
    List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    if (rows.isEmpty() || rows.get(0).size() < 4 || !rows.get(0).get(1).equals("출처")) {
      throw new IllegalArgumentException(csv + ": expected the header 작성일,출처,제목,내용");
    }
    Map<String, String> texts = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() >= 4) {
        String text = row.get(2) + "\n" + row.get(3);
        texts.put(row.get(1), text);
        texts.put(HASH_KEY + urlHash(row.get(1)), text);
      }
    }
    return texts;
  }

  /** RFC 4180 records: quoted fields may hold commas, line breaks and doubled quotes. */
  static List<List<String>> parseCsv(String content) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
        any = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || !field.isEmpty()) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || !field.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  public static void main(String[] args) throws IOException {
    Path shared = defaultShared();
    String file = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--shared") && i + 1 < args.length) {
        shared = Path.of(args[++i]);
      } else if (args[i].equals("--help") || args[i].equals("-h")) {
        System.out.println("usage: dev-articles [--shared DIR] ARTICLES.jsonl");
        System.out.println(
            "  writes the articles with the text of Wikinews articles read from DIR/"
                + WIKINEWS_CSV
                + " and of KLUE articles read from DIR/"
                + KLUE_JSONL
                + " (DIR default ../shared)");
        return;
      } else if (args[i].startsWith("-") || file != null) {
        System.err.println("dev-articles: unexpected argument '" + args[i] + "'");
        System.exit(2);
      } else {
        file = args[i];
      }
    }
    if (file == null || !Files.isRegularFile(Path.of(file))) {
      System.err.println("dev-articles: articles file not found: '" + file + "'");
      System.exit(2);
      return;
    }
    try {
      Loaded loaded =
          load(Path.of(file), shared, "true".equalsIgnoreCase(System.getenv("CI")), System.err);
      for (ObjectNode a : loaded.articles()) {
        System.out.println(JSON.writeValueAsString(a));
      }
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.err.println("dev-articles: " + e.getMessage());
      System.exit(1);
    }
  }
}
