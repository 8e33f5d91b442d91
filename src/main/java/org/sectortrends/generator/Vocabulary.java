package org.sectortrends.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generator's word lists and templates, read once per JVM from the resources under {@code
 * generator/}: {@code sectors.tsv} (industry names, keywords, agencies, burst theme and trend
 * weights of each sector), {@code companies.tsv}, {@code outlets.txt}, {@code names.txt} and {@code
 * sentences.tsv}.
 */
final class Vocabulary {

  /** A company and its size class: 1 large, 2 mid, 3 small. */
  record Company(String name, String sector, int tier) {}

  /** Everything the generator knows about one sector. */
  record Sector(
      String id,
      List<String> industries,
      List<String> keywords,
      List<String> orgs,
      String burst,
      double startWeight,
      double endWeight,
      List<Company> companies) {}

  private static final String ROOT = "/generator/";
  private static volatile Vocabulary instance;

  final List<Sector> sectors;
  final List<String> outlets;
  final List<String> surnames;
  final List<String> givenNames;
  final List<String> places;
  final List<String> roles;
  final Map<String, List<Template>> templatesByCategory;

  private Vocabulary(
      List<Sector> sectors,
      List<String> outlets,
      List<String> surnames,
      List<String> givenNames,
      List<String> places,
      List<String> roles,
      Map<String, List<Template>> templates) {
    this.sectors = sectors;
    this.outlets = outlets;
    this.surnames = surnames;
    this.givenNames = givenNames;
    this.places = places;
    this.roles = roles;
    this.templatesByCategory = templates;
  }

  static Vocabulary get() {
    Vocabulary v = instance;
    if (v == null) {
      synchronized (Vocabulary.class) {
        v = instance;
        if (v == null) {
          v = load();
          instance = v;
        }
      }
    }
    return v;
  }

  Sector sector(String id) {
    for (Sector s : sectors) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown sector: " + id);
  }

  private final Map<String, List<Template>> bySectorCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Templates of a category that apply to a sector. */
  List<Template> templates(String category, String sector) {
    return bySectorCache.computeIfAbsent(category + "\t" + sector, k -> filter(category, sector));
  }

  private List<Template> filter(String category, String sector) {
    List<Template> all = templatesByCategory.getOrDefault(category, List.of());
    List<Template> out = new ArrayList<>(all.size());
    for (Template t : all) {
      if (t.sectors().isEmpty() || t.sectors().contains(sector)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  private static Vocabulary load() {
    Map<String, Map<String, String[]>> fields = new LinkedHashMap<>();
    for (String line : lines("sectors.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException("sectors.tsv: expected sector, field, values: " + line);
      }
      fields
          .computeIfAbsent(cols[0], k -> new LinkedHashMap<>())
          .put(cols[1], cols[2].split("\\|"));
    }
    Map<String, List<Company>> companies = new LinkedHashMap<>();
    for (String line : lines("companies.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 3 || !fields.containsKey(cols[0])) {
        throw new IllegalStateException(
            "companies.tsv: expected a known sector, a name and a tier: " + line);
      }
      companies
          .computeIfAbsent(cols[0], k -> new ArrayList<>())
          .add(new Company(cols[1], cols[0], Integer.parseInt(cols[2])));
    }
    List<Sector> sectors = new ArrayList<>();
    for (Map.Entry<String, Map<String, String[]>> e : fields.entrySet()) {
      Map<String, String[]> f = e.getValue();
      String[] weight = f.get("weight");
      sectors.add(
          new Sector(
              e.getKey(),
              List.of(f.get("industry")),
              List.of(f.get("keyword")),
              List.of(f.get("org")),
              f.get("burst")[0],
              Double.parseDouble(weight[0]),
              Double.parseDouble(weight[1]),
              List.copyOf(companies.getOrDefault(e.getKey(), List.of()))));
    }
    List<String> names = lines("names.txt");
    Map<String, List<String>> synonyms = new LinkedHashMap<>();
    for (String line : lines("synonyms.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IllegalStateException(
            "synonyms.tsv: expected a phrase and its alternatives: " + line);
      }
      synonyms.put(cols[0], List.of(cols[1].split("\\|")));
    }
    Map<String, List<Template>> templates = new LinkedHashMap<>();
    for (String line : lines("sentences.tsv")) {
      String[] cols = line.split("\t");
      if (cols.length != 3) {
        throw new IllegalStateException(
            "sentences.tsv: expected category, sectors, template: " + line);
      }
      Set<String> sectorSet =
          cols[1].equals("*") ? Set.of() : Set.copyOf(Arrays.asList(cols[1].split(",")));
      String category = fields.containsKey(cols[0]) ? "fact" : cols[0];
      templates
          .computeIfAbsent(category, k -> new ArrayList<>())
          .add(new Template(category, sectorSet, Template.parse(cols[2], synonyms)));
    }
    templates.replaceAll((k, v) -> List.copyOf(v));
    return new Vocabulary(
        List.copyOf(sectors),
        lines("outlets.txt"),
        List.of(names.get(0).split(" ")),
        List.of(names.get(1).split(" ")),
        List.of(lines("places.txt").get(0).split("\\|")),
        List.of(lines("places.txt").get(1).split("\\|")),
        Collections.unmodifiableMap(templates));
  }

  /** The non-blank lines of a resource that do not start with {@code #}. */
  private static List<String> lines(String name) {
    try (InputStream in = Vocabulary.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing generator resource " + ROOT + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read generator resource " + name, e);
    }
  }
}
