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
import java.util.function.Function;
import org.sectortrends.text.TermExtractor;

/**
 * The editable sector taxonomy ({@code data/taxonomy/sectors.tsv}) and the keyword scoring that
 * maps terms to a sector.
 *
 * <p>What: each sector has an id, a Korean name and weighted keywords, and companies and brands
 * belong to sectors ({@code data/taxonomy/sector-entities.tsv}, see {@link #parseEntities}). {@link
 * #score(Map)} takes the term weights of an article (term counts) or of a topic (centroid weights
 * of its top terms) and returns the sector with the most evidence: keyword hits times keyword
 * weight, and company mentions worth {@link #ENTITY_WEIGHT} keywords times the company's weight. A
 * company's sector is its article's unless the article's own vocabulary says otherwise more
 * strongly; where the keywords point to {@code other} more than to the company's sector (a club of
 * the company in a sports report) the mention is worth {@link #CONTEXT_DEMOTED_WEIGHT} of a
 * keyword. Earnings and market words (실적, 매출, 영업이익, 주가, 상장, 배당) are nobody's evidence: every listed
 * company's news uses them.
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
 * taxonomy.score(Map.of("현대차", 1, "영업이익", 2, "주가", 1)).sectorId(); // battery_ev_auto (the company)
 * taxonomy.score(Map.of("날씨", 1)).sectorId();                           // other (keyword)
 * taxonomy.score(Map.of("무엇", 1)).sectorId();                           // other (no match)
 * }</pre>
 *
 * <p>The taxonomy is small and serializable, so Spark closures may capture it.
 *
 * <p>Known weaknesses: a keyword listed under two sectors counts for both, and ties go to the
 * sector listed first in the file; a single frequent ambiguous keyword (삼성 the baseball club vs.
 * the company) can decide a short text, which is why such words are left out or down-weighted; a
 * company has one sector, so the phone news of a chip maker goes to its chips; a company missing
 * from the lists gives no evidence, and its earnings article falls to {@code other} (the job then
 * uses the topic's sector).
 */
public final class SectorTaxonomy implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The fallback sector id. */
  public static final String OTHER = "other";

  private static final String CLASSPATH_RESOURCE = "/taxonomy/sectors.tsv";

  /** The packaged companies and brands per sector. */
  private static final String ENTITIES_RESOURCE = "/taxonomy/sector-entities.tsv";

  /**
   * The shared company list (company_id, name_ko, name_en, sector_id, aliases), read too when
   * packaged.
   */
  private static final String COMPANIES_RESOURCE = "/lexicons/companies.tsv";

  /**
   * How many keyword occurrences one mention of a company of weight 1 is worth: a company's sector
   * is the article's unless three times as much sector vocabulary says otherwise.
   */
  public static final double ENTITY_WEIGHT = 3.0;

  /**
   * The weight of an entity of a company file with a {@code kind} column ({@code companies.tsv})
   * and no {@code weight}: a company's news is about its sector; an agency (a regulator, a
   * ministry), a fund or a market is named in news of its sector and also as the source or the
   * backdrop of news of every other, so it counts half; a country says nothing about the sector and
   * is not evidence at all, nor is an entity of kind {@code other} (a party, a union, a pollster, a
   * research firm, a broadcaster): these speak in the news of every sector (KBS and MBC are named
   * as sources in social news far more than in news of broadcasting). Entities filed under {@code
   * other} (groups spanning sectors, agencies of no sector) are never evidence either: {@code
   * other} is the sector of news with no industry, not of a conglomerate's news.
   */
  static final Map<String, Double> KIND_WEIGHTS =
      Map.of(
          "company", 1.0, "agency", 0.5, "fund", 0.5, "market", 0.5, "other", 0.0, "country", 0.0);

  /**
   * Entities weighted this low or lower (brokers) are sources: when the text also names a company
   * of full weight, they are not evidence of the text's sector.
   */
  static final double SOURCE_WEIGHT = 0.3;

  /**
   * What a company mention is worth where the text's keywords say {@code other} more than the
   * company's sector.
   */
  public static final double CONTEXT_DEMOTED_WEIGHT = 0.5;

  private final List<Sector> sectors;

  /** Single-term entities: term -> entity. */
  private final Map<String, Entity> entityByTerm;

  /** Entities whose name is several terms: all must occur. */
  private final List<Entity> multiTermEntities;

  /** One row of the taxonomy. */
  public record Sector(String id, String koreanName, Map<String, Double> keywordWeights)
      implements Serializable {}

  /**
   * A company or brand: the terms its name gives (all must occur), its sector and its weight in (0,
   * 1] (1 for a company whose news is about its sector, less for groups and brokers).
   */
  public record Entity(
      String companyId, String name, List<String> terms, String sectorId, double weight)
      implements Serializable {}

  private SectorTaxonomy(List<Sector> sectors) {
    this(sectors, List.of());
  }

  private SectorTaxonomy(List<Sector> sectors, List<Entity> entities) {
    this.sectors = List.copyOf(sectors);
    if (sectors.stream().noneMatch(s -> s.id().equals(OTHER))) {
      throw new IllegalArgumentException(
          "Taxonomy has no '" + OTHER + "' sector; sectors: " + sectorIds());
    }
    Map<String, Entity> single = new LinkedHashMap<>();
    List<Entity> multi = new ArrayList<>();
    java.util.Set<List<String>> multiTerms = new java.util.HashSet<>();
    for (Entity entity : entities) {
      sector(entity.sectorId()); // names an unknown sector id
      if (entity.terms().size() == 1) {
        single.putIfAbsent(entity.terms().get(0), entity);
      } else if (!entity.terms().isEmpty() && multiTerms.add(entity.terms())) {
        // the first row of a name wins, as for one-term names: 대신증권 of the entity file (a
        // broker, 0.3) is not counted again at full weight from the shared company list
        multi.add(entity);
      }
    }
    this.entityByTerm = Collections.unmodifiableMap(single);
    this.multiTermEntities = List.copyOf(multi);
  }

  /**
   * This taxonomy with the companies of an entity file added (see {@link #parseEntities}); an
   * entity whose term is already an entity here keeps the earlier one.
   */
  public SectorTaxonomy withEntities(List<Entity> more) {
    List<Entity> all = new ArrayList<>(entityByTerm.values());
    all.addAll(multiTermEntities);
    all.addAll(more);
    return new SectorTaxonomy(sectors, all);
  }

  /** The entities, single-term ones first. */
  public List<Entity> entities() {
    List<Entity> all = new ArrayList<>(entityByTerm.values());
    all.addAll(multiTermEntities);
    return all;
  }

  /**
   * Parses a company file with a header row naming its columns, in any order: {@code sector_id}
   * (required), the names {@code name_ko}, {@code name_en} and {@code aliases} (separated by {@code
   * |} or {@code ;}), optionally {@code company_id} and {@code weight} (in (0, 1], default 1). This
   * reads {@code data/taxonomy/sector-entities.tsv} and the shared {@code
   * data/lexicons/companies.tsv} alike. Each name becomes the terms {@code analyzer} gives for it;
   * a name that gives no term (e.g. {@code L&F}: single Latin letters are not terms) is added to
   * {@code unusable} when given, and an error naming it otherwise. Rows with an empty sector are
   * skipped (a company list may hold companies of no sector).
   */
  public static List<Entity> parseEntities(
      List<String> lines, Function<String, List<String>> analyzer, List<String> unusable) {
    List<Entity> entities = new ArrayList<>();
    Map<String, Integer> columns = null;
    for (String raw : lines) {
      String line = raw.replace("\uFEFF", "");
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (columns == null) {
        columns = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
          columns.put(fields[i].strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("sector_id")) {
          throw new IllegalArgumentException(
              "Entity file header has no sector_id column: '" + line + "'");
        }
        continue;
      }
      String sectorId = field(fields, columns, "sector_id");
      if (sectorId.isEmpty()) {
        continue;
      }
      String companyId = field(fields, columns, "company_id");
      String kind = field(fields, columns, "kind");
      double weight = 1.0;
      if (!kind.isEmpty()) {
        Double kindWeight = KIND_WEIGHTS.get(kind);
        if (kindWeight == null) {
          throw new IllegalArgumentException(
              "Entity kind is not one of "
                  + KIND_WEIGHTS.keySet()
                  + ": '"
                  + kind
                  + "' in '"
                  + line
                  + "'");
        }
        if (kindWeight == 0 || sectorId.equals(OTHER)) {
          continue; // no sector evidence: a country, or an entity whose news spans sectors
        }
        weight = kindWeight;
      }
      String weightField = field(fields, columns, "weight");
      if (!weightField.isEmpty()) {
        try {
          weight = Double.parseDouble(weightField);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "Entity weight is not a number: '" + weightField + "' in '" + line + "'", e);
        }
        if (!(weight > 0 && weight <= 1)) {
          throw new IllegalArgumentException(
              "Entity weight must be in (0, 1]: '" + weightField + "' in '" + line + "'");
        }
      }
      List<String> names = new ArrayList<>();
      names.add(field(fields, columns, "name_ko"));
      names.add(field(fields, columns, "name_en"));
      for (String alias : field(fields, columns, "aliases").split("[|;]")) {
        names.add(alias.strip());
      }
      java.util.Set<List<String>> seen = new java.util.HashSet<>();
      for (String name : names) {
        if (name.isEmpty()) {
          continue;
        }
        List<String> terms =
            analyzer.apply(name).stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
        if (terms.isEmpty() || !coversName(terms, name)) {
          // A name the analyzer keeps only in part ('SK C&C' gives just 'sk') would match every
          // mention of the part: it is unusable, not a shorter name.
          if (unusable == null) {
            throw new IllegalArgumentException(
                "Entity name is not kept whole by the analyzer: '"
                    + name
                    + "' gives "
                    + terms
                    + " in '"
                    + line
                    + "'");
          }
          unusable.add(name);
          continue;
        }
        if (seen.add(terms)) {
          entities.add(
              new Entity(companyId.isEmpty() ? name : companyId, name, terms, sectorId, weight));
        }
      }
    }
    return entities;
  }

  /** True when the terms, joined, spell every letter and digit of the name (case aside). */
  static boolean coversName(List<String> terms, String name) {
    StringBuilder letters = new StringBuilder();
    name.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(letters::appendCodePoint);
    StringBuilder joined = new StringBuilder();
    for (String term : terms) {
      term.codePoints().filter(Character::isLetterOrDigit).forEach(joined::appendCodePoint);
    }
    return joined.toString().equals(letters.toString());
  }

  private static String field(String[] fields, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null || i >= fields.length ? "" : fields[i].strip();
  }

  /**
   * The packaged taxonomy, {@code /taxonomy/sectors.tsv}, with the packaged companies ({@code
   * /taxonomy/sector-entities.tsv}), their names run through the project analyzer.
   */
  public static SectorTaxonomy fromClasspath() {
    return parse(resourceLines(CLASSPATH_RESOURCE)).withPackagedEntities();
  }

  /** The packaged taxonomy without companies: keywords only. */
  public static SectorTaxonomy keywordsOnlyFromClasspath() {
    return parse(resourceLines(CLASSPATH_RESOURCE));
  }

  private SectorTaxonomy withPackagedEntities() {
    Function<String, List<String>> analyzer = TermExtractor.shared()::terms;
    List<Entity> entities =
        new ArrayList<>(parseEntities(resourceLines(ENTITIES_RESOURCE), analyzer, null));
    // The company directory of the figures (/lexicons/companies.tsv) adds the companies missing
    // here, weighted by kind (KIND_WEIGHTS): read with full weight, its countries and groups
    // filed under `other` pulled general news to `other` (labelled set 0.918 -> 0.787); by kind,
    // without countries and `other` entities, it lifts the labelled set to 0.943.
    if (SectorTaxonomy.class.getResource(COMPANIES_RESOURCE) != null) {
      // The shared list is not ours to keep strict: names without terms are skipped there.
      java.util.Set<String> ids =
          sectors.stream().map(Sector::id).collect(java.util.stream.Collectors.toSet());
      for (Entity entity :
          parseEntities(resourceLines(COMPANIES_RESOURCE), analyzer, new ArrayList<>())) {
        if (ids.contains(entity.sectorId())) {
          entities.add(entity);
        }
      }
    }
    return withEntities(entities);
  }

  private static List<String> resourceLines(String resource) {
    InputStream in = SectorTaxonomy.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Classpath resource missing: " + resource);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /**
   * A taxonomy file elsewhere, for trying out edits without rebuilding the jar; the packaged
   * companies are added, and those of a {@code sector-entities.tsv} beside the file instead when
   * there is one.
   */
  public static SectorTaxonomy fromFile(Path file) {
    try {
      SectorTaxonomy keywords = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
      Path beside = file.resolveSibling("sector-entities.tsv");
      if (Files.exists(beside)) {
        return keywords.withEntities(
            parseEntities(
                Files.readAllLines(beside, StandardCharsets.UTF_8),
                TermExtractor.shared()::terms,
                null));
      }
      return keywords.withPackagedEntitiesOfKnownSectors();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read taxonomy " + file, e);
    }
  }

  private SectorTaxonomy withPackagedEntitiesOfKnownSectors() {
    java.util.Set<String> ids =
        sectors.stream().map(Sector::id).collect(java.util.stream.Collectors.toSet());
    List<Entity> known = new ArrayList<>();
    for (Entity entity : keywordsOnlyFromClasspath().withPackagedEntities().entities()) {
      if (ids.contains(entity.sectorId())) {
        known.add(entity);
      }
    }
    return withEntities(known);
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
      String keyword =
          (colon < 0 ? entry : entry.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
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
            "Keyword needs a name and a weight in (0, 1] in sector "
                + sectorId
                + ": '"
                + entry
                + "'");
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
    int n = sectors.size();
    int other = indexOf(OTHER);
    double[] hits = new double[n];
    int[] matched = new int[n];
    double total = 0;
    // Keywords first: they decide whether the companies named are the subject of industry news.
    for (Map.Entry<String, ? extends Number> term : termWeights.entrySet()) {
      double weight = usable(term.getValue());
      if (weight == 0 || entityByTerm.containsKey(term.getKey())) {
        continue;
      }
      total += weight;
      for (int i = 0; i < n; i++) {
        Double keywordWeight = sectors.get(i).keywordWeights().get(term.getKey());
        if (keywordWeight != null) {
          hits[i] += weight * keywordWeight;
          matched[i]++;
        }
      }
    }
    double[] keywordHits = hits.clone();
    List<double[]> mentions = new ArrayList<>(); // {sector index, mentions, entity weight}
    for (Map.Entry<String, ? extends Number> term : termWeights.entrySet()) {
      Entity entity = entityByTerm.get(term.getKey());
      double weight = usable(term.getValue());
      if (entity != null && weight > 0) {
        total += weight;
        mentions.add(new double[] {indexOf(entity.sectorId()), weight, entity.weight()});
      }
    }
    for (Entity entity : multiTermEntities) {
      double count = Double.POSITIVE_INFINITY;
      for (String t : entity.terms()) {
        count = Math.min(count, usable(termWeights.get(t)));
      }
      if (count > 0) {
        mentions.add(new double[] {indexOf(entity.sectorId()), count, entity.weight()});
      }
    }
    boolean namesFullCompany = false;
    for (double[] mention : mentions) {
      namesFullCompany |= mention[2] >= 1.0;
    }
    for (double[] mention : mentions) {
      int i = (int) mention[0];
      if (namesFullCompany && mention[2] <= SOURCE_WEIGHT) {
        // 대신증권 기아차 1분기 깜짝실적: a broker named with a company is the source of a note
        // on that company, not what the article is about
        continue;
      }
      // A company named amid non-industry vocabulary (its sports club, an accident, a trial) is
      // half a keyword of its sector: Korean clubs carry their owners' names, and 'other' then
      // keeps the article on a tie. Amid industry vocabulary it outweighs ENTITY_WEIGHT keywords.
      double boost = keywordHits[other] > keywordHits[i] ? CONTEXT_DEMOTED_WEIGHT : ENTITY_WEIGHT;
      double evidence = mention[1] * boost * mention[2];
      hits[i] += evidence;
      matched[i]++;
      total += Math.max(0, evidence - mention[1]);
    }
    int best = -1;
    for (int i = 0; i < n; i++) {
      if (hits[i] > 0 && (best < 0 || hits[i] > hits[best])) {
        best = i;
      }
    }
    if (best < 0) {
      Sector fallback = sectors.get(other);
      return new SectorScore(fallback.id(), fallback.koreanName(), 0.0, 0);
    }
    Sector winner = sectors.get(best);
    return new SectorScore(
        winner.id(), winner.koreanName(), Math.min(1.0, hits[best] / total), matched[best]);
  }

  private int indexOf(String sectorId) {
    for (int i = 0; i < sectors.size(); i++) {
      if (sectors.get(i).id().equals(sectorId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "Unknown sector id '" + sectorId + "'; known: " + sectorIds());
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
