package org.sectortrends.trends;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.figures.CompanyDirectory;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.topics.SectorTaxonomy;

/**
 * The {@code sectors} and {@code companies} lookup tables, from the editable files: the sector
 * taxonomy ({@code data/taxonomy/sectors.tsv}) with the English names of {@code
 * data/taxonomy/sector-names.tsv}, and the company directory ({@code data/lexicons/companies.tsv}).
 */
public final class Lookups {

  /** The classpath copy of the English sector names. */
  static final String SECTOR_NAMES_RESOURCE = "/taxonomy/sector-names.tsv";

  private Lookups() {}

  /**
   * {@code sector_id → name_en} from a {@code sector_id, name_en} TSV ({@code #} comments and the
   * header skipped): the file next to an edited taxonomy when there is one, else the packaged one.
   */
  public static Map<String, String> englishNames(Path taxonomyFile) {
    try {
      if (taxonomyFile != null
          && Files.isRegularFile(taxonomyFile.resolveSibling("sector-names.tsv"))) {
        return parseNames(
            Files.readAllLines(
                taxonomyFile.resolveSibling("sector-names.tsv"), StandardCharsets.UTF_8));
      }
      InputStream in = Lookups.class.getResourceAsStream(SECTOR_NAMES_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("Classpath resource missing: " + SECTOR_NAMES_RESOURCE);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return parseNames(reader.lines().toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the English sector names", e);
    }
  }

  static Map<String, String> parseNames(List<String> lines) {
    Map<String, String> names = new HashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("sector_id\t")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 2 || cols[0].isBlank()) {
        throw new IllegalArgumentException(
            "sector-names.tsv: expected sector_id<TAB>name_en, got '" + line + "'");
      }
      names.put(cols[0].strip(), cols[1].strip());
    }
    return names;
  }

  /** One row per sector, plus {@value GroupTrends#UNASSIGNED} for articles without a sector. */
  public static Dataset<Row> sectors(
      SparkSession spark, SectorTaxonomy taxonomy, Map<String, String> englishNames) {
    List<Row> rows = new ArrayList<>();
    for (SectorTaxonomy.Sector s : taxonomy.sectors()) {
      rows.add(
          Tables.SECTORS
              .row()
              .set(Col.SECTOR_ID, s.id())
              .set(Col.NAME_KO, s.koreanName())
              .set(Col.NAME_EN, englishNames.getOrDefault(s.id(), s.id()))
              .set(Col.KEYWORDS, String.join("|", s.keywordWeights().keySet()))
              .build());
    }
    rows.add(
        Tables.SECTORS
            .row()
            .set(Col.SECTOR_ID, GroupTrends.UNASSIGNED)
            .set(Col.NAME_KO, "미분류")
            .set(Col.NAME_EN, "Unassigned")
            .set(Col.KEYWORDS, "")
            .build());
    return spark.createDataFrame(rows, Tables.SECTORS.schema());
  }

  public static Dataset<Row> companies(SparkSession spark, CompanyDirectory directory) {
    List<Row> rows = new ArrayList<>();
    for (CompanyDirectory.Company c : directory.companies()) {
      rows.add(
          Tables.COMPANIES
              .row()
              .set(Col.COMPANY_ID, c.id())
              .set(Col.NAME_KO, c.nameKo())
              .set(Col.NAME_EN, c.nameEn())
              .set(Col.SECTOR_ID, c.sectorId())
              .set(Col.KIND, c.kind())
              .set(Col.ALIASES, String.join("|", c.aliases()))
              .build());
    }
    return spark.createDataFrame(rows, Tables.COMPANIES.schema());
  }
}
