package org.sectortrends.topics.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sectortrends.generator.ArticleGenerator;
import org.sectortrends.generator.GeneratedArticle;
import org.sectortrends.generator.GeneratorSettings;
import org.sectortrends.testing.SharedData;
import org.sectortrends.text.TermExtractor;
import org.sectortrends.topics.SectorTaxonomy;

/**
 * The sector evaluation: the labelled articles of {@code src/test/resources/eval/sectors/} scored
 * with the project analyzer and the packaged taxonomy, the agreement of YNAT headline sectors with
 * their sections, and the accuracy on generated articles. The real texts are read at run time from
 * {@code ../shared/corpora}; nothing of them is stored in the project.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:CLASSPATH org.sectortrends.topics.eval.SectorEvaluation [generated=3000]
 * </pre>
 *
 * <p>Prints the accuracy per source and overall, every wrong article with its terms' best sectors,
 * the YNAT agreement per section and the generated-corpus accuracy.
 */
public final class SectorEvaluation {

  static final Path SHARED = Path.of("..", "shared", "corpora");
  static final Path WIKINEWS = SHARED.resolve("wikinews-ko").resolve("wikinews.csv");
  static final Path YNAT = SHARED.resolve("ynat-headlines").resolve("ynat-train-even.tsv");

  /** One labelled article: where it comes from, its text, the gold sector. */
  public record Labelled(String source, String ref, String text, String gold) {}

  /** One scored article. */
  public record Scored(Labelled article, String predicted) {
    boolean correct() {
      return article.gold().equals(predicted);
    }
  }

  public static void main(String[] args) throws IOException {
    int generated = 3000;
    for (String arg : args) {
      if (arg.startsWith("generated=")) {
        generated = Integer.parseInt(arg.substring("generated=".length()));
      }
    }
    SectorTaxonomy taxonomy = SectorTaxonomy.fromClasspath();
    TermExtractor extractor = TermExtractor.shared();
    List<Scored> scored = score(labelled(), taxonomy, extractor);
    System.out.println(report(scored, true));
    if (Files.exists(YNAT)) {
      System.out.println(ynatAgreement(taxonomy, extractor));
    }
    System.out.printf(
        Locale.ROOT,
        "generated articles (%d, own sector): accuracy %.4f%n",
        generated,
        generatedAccuracy(taxonomy, extractor, generated));
  }

  /**
   * Every labelled article whose text is available: the written ones always, the real ones when
   * ../shared is there.
   */
  public static List<Labelled> labelled() throws IOException {
    List<Labelled> out = new ArrayList<>();
    for (String[] f : rows("/eval/sectors/written.tsv")) {
      out.add(new Labelled("written", f[0], f[2] + "\n" + f[3], f[1]));
    }
    if (!SharedData.available("corpora/wikinews-ko/wikinews.csv")
        || !SharedData.available("corpora/ynat-headlines/ynat-train-even.tsv")) {
      return out;
    }
    List<List<String>> wikinews = Csv.read(Files.readString(WIKINEWS, StandardCharsets.UTF_8));
    Map<String, String> headlines = new HashMap<>();
    for (String line : Files.readAllLines(YNAT, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      headlines.put(f[0], f[1]);
    }
    for (String[] f : rows("/eval/sectors/real.tsv")) {
      String text;
      if (f[0].equals("wikinews")) {
        List<String> row = wikinews.get(Integer.parseInt(f[1]) + 1); // +1: the header row
        text = row.get(2) + "\n" + row.get(3);
      } else if (f[0].equals("ynat")) {
        text = headlines.get(f[1]);
        if (text == null) {
          throw new IllegalStateException("No YNAT headline with index " + f[1]);
        }
      } else {
        throw new IllegalStateException("Unknown source in real.tsv: " + f[0]);
      }
      out.add(new Labelled(f[0], f[1], text, f[2]));
    }
    return out;
  }

  public static List<Scored> score(
      List<Labelled> articles, SectorTaxonomy taxonomy, TermExtractor extractor) {
    List<Scored> out = new ArrayList<>();
    for (Labelled a : articles) {
      out.add(new Scored(a, taxonomy.score(extractor.termCounts(a.text())).sectorId()));
    }
    return out;
  }

  public static double accuracy(List<Scored> scored) {
    return scored.stream().filter(Scored::correct).count() / (double) scored.size();
  }

  static String report(List<Scored> scored, boolean errors) {
    StringBuilder out = new StringBuilder();
    Map<String, List<Scored>> bySource = new TreeMap<>();
    for (Scored s : scored) {
      bySource.computeIfAbsent(s.article().source(), k -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<String, List<Scored>> e : bySource.entrySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-8s %3d articles, accuracy %.3f%n",
              e.getKey(),
              e.getValue().size(),
              accuracy(e.getValue())));
    }
    long wrongFinance =
        scored.stream().filter(s -> !s.correct() && s.predicted().equals("finance")).count();
    out.append(
        String.format(
            Locale.ROOT,
            "all      %3d articles, accuracy %.3f (%d wrong, %d of them finance)%n",
            scored.size(),
            accuracy(scored),
            scored.stream().filter(s -> !s.correct()).count(),
            wrongFinance));
    if (errors) {
      for (Scored s : scored) {
        if (!s.correct()) {
          String text = s.article().text().replace('\n', ' ');
          out.append(
              String.format(
                  Locale.ROOT,
                  "  WRONG %s:%s gold %s predicted %s | %s%n",
                  s.article().source(),
                  s.article().ref(),
                  s.article().gold(),
                  s.predicted(),
                  text.substring(0, Math.min(60, text.length()))));
        }
      }
    }
    return out.toString();
  }

  /**
   * Agreement of headline sectors with YNAT sections: the non-industry sections (정치, 사회, 스포츠, 세계,
   * 생활문화) should get {@code other}, IT과학 a technology sector, 경제 any sector but {@code other}; also
   * the share of 경제 headlines given {@code finance}.
   */
  static String ynatAgreement(SectorTaxonomy taxonomy, TermExtractor extractor) throws IOException {
    List<String> technology =
        List.of("semiconductor", "ai", "cloud_software", "telecom", "games_content", "bio_pharma");
    Map<String, long[]> bySection = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(YNAT, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      String sector = taxonomy.score(extractor.termCounts(f[1])).sectorId();
      String section = f[2];
      boolean agrees =
          switch (section) {
            case "IT과학" -> technology.contains(sector);
            case "경제" -> !sector.equals(SectorTaxonomy.OTHER);
            default -> sector.equals(SectorTaxonomy.OTHER);
          };
      long[] counts = bySection.computeIfAbsent(section, s -> new long[3]);
      counts[0]++;
      counts[1] += agrees ? 1 : 0;
      counts[2] += sector.equals("finance") ? 1 : 0;
    }
    StringBuilder out = new StringBuilder("YNAT headlines, sector agreeing with the section:\n");
    long total = 0;
    long agreeing = 0;
    for (Map.Entry<String, long[]> e : bySection.entrySet()) {
      long[] c = e.getValue();
      total += c[0];
      agreeing += c[1];
      out.append(
          String.format(
              Locale.ROOT,
              "  %-6s %5d headlines, agreement %.3f, finance %.3f%n",
              e.getKey(),
              c[0],
              c[1] / (double) c[0],
              c[2] / (double) c[0]));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  all    %5d headlines, agreement %.3f%n",
            total,
            agreeing / (double) total));
    return out.toString();
  }

  /**
   * Own-sector accuracy on the first {@code n} well-formed originals of a generated corpus (seed
   * 42).
   */
  static double generatedAccuracy(SectorTaxonomy taxonomy, TermExtractor extractor, int n) {
    ArticleGenerator generator = new ArticleGenerator(GeneratorSettings.of(n * 2L, 12, 42L));
    int seen = 0;
    int correct = 0;
    for (long i = 0; seen < n; i++) {
      GeneratedArticle a = generator.generate(i);
      if (a.malformed() != null || a.duplicateOf() != null) {
        continue;
      }
      seen++;
      String predicted =
          taxonomy.score(extractor.termCounts(a.title() + "\n" + a.body())).sectorId();
      correct += predicted.equals(a.sector()) ? 1 : 0;
    }
    return correct / (double) n;
  }

  private static List<String[]> rows(String resource) {
    try (InputStream in = SectorEvaluation.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + resource);
      }
      List<String[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()
            || line.startsWith("#")
            || line.startsWith("source\t")
            || line.startsWith("id\t")) {
          continue;
        }
        out.add(line.split("\t", -1));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
  static final class Csv {
    static List<List<String>> read(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else {
          field.append(c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
