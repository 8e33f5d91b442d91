package org.sectortrends.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The editable sector taxonomy ({@code data/taxonomy/sectors.tsv}) and the keyword scoring that
 * maps terms to a sector.
 *
 * <p>What: each sector has an id, a Korean name and weighted keywords. {@link #score(Map)} takes
 * the term weights of an article (term counts) or of a topic (centroid weights of its top terms)
 * and returns the sector whose keywords carry the largest share of that weight.
 *
 * <p>Why keywords and not a trained classifier: the sectors are a business decision that analysts
 * change by editing a file, the corpus has no sector labels to train on, and a keyword hit is
 * explainable in a report.
 *
 * <p>File format: tab-separated {@code sector_id, korean_name, keywords}; a header line starting
 * with {@code sector_id} and lines starting with {@code #} are skipped; keywords are separated by
 * {@code |}, each optionally followed by {@code :weight} with a weight in (0, 1] (default 1).
 * Keywords are lowercased. A sector with id {@link #OTHER} must exist: it is returned when no
 * keyword matches. Keywords may describe non-industry news under {@code other}, so that such
 * articles can win {@code other} outright.
 *
 * <pre>{@code
 * SectorTaxonomy taxonomy = SectorTaxonomy.fromClasspath();
 * taxonomy.score(Map.of("hbm", 2, "삼성전자", 1, "실적", 1)).sectorId();   // semiconductor
 * taxonomy.score(Map.of("날씨", 1)).sectorId();                           // other (keyword)
 * taxonomy.score(Map.of("무엇", 1)).sectorId();                           // other (no match)
 * }</pre>
 *
 * <p>The taxonomy is small and serializable, so Spark closures may capture it.
 *
 * <p>Known weaknesses: a keyword listed under two sectors counts for both, and ties go to the
 * sector listed first in the file; a single frequent ambiguous keyword (삼성 the baseball club vs.
 * the company) can decide a short text, which is why such words are left out or down-weighted.
 */
public final class SectorTaxonomy implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The fallback sector id. */
  public static final String OTHER = "other";

  private static final String CLASSPATH_RESOURCE = "/taxonomy/sectors.tsv";

  private final List<Sector> sectors;

  /** One row of the taxonomy. */
  public record Sector(String id, String koreanName, Map<String, Double> keywordWeights)
      implements Serializable {}

  private SectorTaxonomy(List<Sector> sectors) {
    this.sectors = List.copyOf(sectors);
    if (sectors.stream().noneMatch(s -> s.id().equals(OTHER))) {
      throw new IllegalArgumentException(
          "Taxonomy has no '" + OTHER + "' sector; sectors: " + sectorIds());
    }
  }

  /** The packaged taxonomy, {@code /taxonomy/sectors.tsv}. */
  public static SectorTaxonomy fromClasspath() {
    InputStream in = SectorTaxonomy.class.getResourceAsStream(CLASSPATH_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Classpath resource missing: " + CLASSPATH_RESOURCE);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + CLASSPATH_RESOURCE, e);
    }
  }

  /** A taxonomy file elsewhere, for trying out edits without rebuilding the jar. */
  public static SectorTaxonomy fromFile(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read taxonomy " + file, e);
    }
  }

  /** Parses the lines of a taxonomy file. */
  public static SectorTaxonomy parse(List<String> lines) {
    List<Sector> sectors = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.replace("\uFEFF", "");
      if (line.isBlank() || line.startsWith("#") || line.startsWith("sector_id\t")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3 || fields[0].isBlank()) {
        throw new IllegalArgumentException(
            "Taxonomy line needs sector_id<TAB>korean_name<TAB>keywords: '" + line + "'");
      }
      String id = fields[0].strip();
      if (sectors.stream().anyMatch(s -> s.id().equals(id))) {
        throw new IllegalArgumentException("Duplicate sector id in taxonomy: '" + id + "'");
      }
      sectors.add(new Sector(id, fields[1].strip(), parseKeywords(id, fields[2])));
    }
    return new SectorTaxonomy(sectors);
  }

  private static Map<String, Double> parseKeywords(String sectorId, String field) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String item : field.split("\\|")) {
      String entry = item.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.lastIndexOf(':');
      String keyword = (colon < 0 ? entry : entry.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
      double weight = 1.0;
      if (colon >= 0) {
        try {
          weight = Double.parseDouble(entry.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "Keyword weight is not a number in sector " + sectorId + ": '" + entry + "'", e);
        }
      }
      if (keyword.isEmpty() || !(weight > 0 && weight <= 1)) {
        throw new IllegalArgumentException(
            "Keyword needs a name and a weight in (0, 1] in sector " + sectorId + ": '" + entry + "'");
      }
      if (weights.put(keyword, weight) != null) {
        throw new IllegalArgumentException(
            "Keyword listed twice in sector " + sectorId + ": '" + keyword + "'");
      }
    }
    return Collections.unmodifiableMap(weights);
  }

  /** The sectors in file order. */
  public List<Sector> sectors() {
    return sectors;
  }

  /** The sector ids in file order. */
  public List<String> sectorIds() {
    return sectors.stream().map(Sector::id).toList();
  }

  /**
   * The best sector for the given term weights (counts, TF-IDF or centroid weights; negative and
   * non-finite weights are ignored). Returns {@link #OTHER} with score 0 when no keyword of any
   * sector occurs.
   */
  public SectorScore score(Map<String, ? extends Number> termWeights) {
    double total = 0;
    for (Number weight : termWeights.values()) {
      total += usable(weight);
    }
    Sector best = null;
    double bestHit = 0;
    int bestMatched = 0;
    for (Sector sector : sectors) {
      double hit = 0;
      int matched = 0;
      for (Map.Entry<String, ? extends Number> term : termWeights.entrySet()) {
        Double keywordWeight = sector.keywordWeights().get(term.getKey());
        double weight = usable(term.getValue());
        if (keywordWeight != null && weight > 0) {
          hit += weight * keywordWeight;
          matched++;
        }
      }
      if (hit > bestHit) {
        best = sector;
        bestHit = hit;
        bestMatched = matched;
      }
    }
    if (best == null) {
      Sector other = sector(OTHER);
      return new SectorScore(other.id(), other.koreanName(), 0.0, 0);
    }
    return new SectorScore(best.id(), best.koreanName(), bestHit / total, bestMatched);
  }

  /** The sector with this id; {@code IllegalArgumentException} naming the id if there is none. */
  public Sector sector(String id) {
    for (Sector sector : sectors) {
      if (sector.id().equals(id)) {
        return sector;
      }
    }
    throw new IllegalArgumentException("Unknown sector id '" + id + "'; known: " + sectorIds());
  }

  private static double usable(Number weight) {
    if (weight == null) {
      return 0;
    }
    double value = weight.doubleValue();
    return Double.isFinite(value) && value > 0 ? value : 0;
  }
}
