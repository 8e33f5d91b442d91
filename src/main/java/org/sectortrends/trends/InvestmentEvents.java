package org.sectortrends.trends;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;

import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.figures.CompanyDirectory;
import org.sectortrends.tables.RowBuilder;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * The {@code investment_events} table: one row per investment event of a company, however many
 * articles report it.
 *
 * <p>Which figures are investments: metric {@code investment}, {@code capex} or {@code funding}
 * ({@code data/lexicons/metrics.tsv}: 투자, 투자액, 투자비, 설비투자, 투입, 펀딩, 유치, ...), money with an amount in
 * won, a {@code company_id} of kind company or fund (agencies' budgets, countries and markets are
 * not deals), not a restatement ({@code conversion_of}), not a forecast ({@code is_forecast}:
 * market forecasts, targets and consensus values), and a sentence that does not describe a balance
 * or a market size (잔고, 잔액, 운용자산, 운용 규모, 설정액, 누적, 시장 규모, 보유: a fund's holdings are not an
 * investment of the period). The reports of one company are grouped into events by {@link
 * InvestmentClusterer} (14 days, 10%).
 *
 * <p>An event's date is its first report; its amount is the report with the median amount in won;
 * its sector is the company's sector from the directory, or, for groups and other cross-sector
 * entities, the sector of the first report's article; the counterparty is the first other company
 * or fund named in the reports' sentences, when there is one.
 *
 * <p>Known weaknesses: planned investments phrased with 예정 are forecasts and therefore left out; an
 * investment by a company into another company both named in the sentence is attributed to the
 * figure's subject, which may be the target.
 */
public final class InvestmentEvents {

  public static final Set<String> INVESTMENT_METRICS = Set.of("investment", "capex", "funding");
  static final String NOT_A_DEAL = "잔고|잔액|운용자산|운용 규모|운용규모|설정액|누적|시장 규모|시장규모|보유";

  private static final StructType EVENT =
      new StructType()
          .add(Col.EVENT_ID, "string")
          .add(Col.COMPANY_ID, "string")
          .add(Col.COMPANY_NAME, "string")
          .add(Col.COUNTERPARTY, "string")
          .add(Col.AMOUNT, Tables.FIGURE_DECIMAL)
          .add(Col.UNIT, "string")
          .add(Col.AMOUNT_KRW, Tables.FIGURE_DECIMAL)
          .add(Col.AMOUNT_USD, Tables.FIGURE_DECIMAL)
          .add(Col.EVENT_DATE, "date")
          .add(Col.SECTOR, "string")
          .add(Col.N_ARTICLES, "long")
          .add(Col.N_OUTLETS, "long")
          .add(Col.EVIDENCE_ARTICLE_IDS, "string")
          .add(Col.SENTENCE, "string");

  private InvestmentEvents() {}

  /**
   * The events of the given figures. {@code figures} has the {@code figures} columns; {@code
   * articles} is {@code article_id, outlet}; {@code articleSectors} is {@code article_id, sector};
   * {@code companies} is the {@code companies} lookup table.
   */
  public static Dataset<Row> compute(
      Dataset<Row> figures,
      Dataset<Row> articles,
      Dataset<Row> articleSectors,
      Dataset<Row> companies,
      String lexiconDir) {
    Dataset<Row> reports =
        figures
            .filter(col(Col.METRIC).isin(INVESTMENT_METRICS.toArray()))
            .filter(col(Col.COMPANY_ID).isNotNull().and(col(Col.CONVERSION_OF).isNull()))
            .filter(not(coalesce(col(Col.IS_FORECAST), lit(false))))
            .filter(col(Col.VALUE_KRW).isNotNull().and(col(Col.PUBLISHED_DATE).isNotNull()))
            .filter(not(coalesce(col(Col.SENTENCE), lit("")).rlike(NOT_A_DEAL)))
            .join(
                companies
                    .filter(col(Col.KIND).isin("company", "fund"))
                    .select(
                        col(Col.COMPANY_ID),
                        col(Col.NAME_KO).as(Col.COMPANY_NAME),
                        col(Col.SECTOR_ID)),
                Col.COMPANY_ID)
            .join(
                articles.select(Col.ARTICLE_ID, Col.OUTLET),
                GroupTrends.scala(List.of(Col.ARTICLE_ID)),
                "left")
            .join(
                articleSectors.select(Col.ARTICLE_ID, Col.SECTOR),
                GroupTrends.scala(List.of(Col.ARTICLE_ID)),
                "left");
    Dataset<Row> perCompany =
        reports
            .groupBy(Col.COMPANY_ID, Col.COMPANY_NAME, Col.SECTOR_ID)
            .agg(
                collect_list(
                        struct(
                            col(Col.ARTICLE_ID),
                            col(Col.OUTLET),
                            col(Col.PUBLISHED_DATE),
                            col(Col.VALUE),
                            col(Col.UNIT),
                            col(Col.VALUE_KRW),
                            col(Col.VALUE_USD),
                            col(Col.SENTENCE),
                            col(Col.SECTOR)))
                    .as("reports"));
    return perCompany.flatMap(
        (FlatMapFunction<Row, Row>) company -> events(company, lexiconDir).iterator(),
        Encoders.row(EVENT));
  }

  private static List<Row> events(Row company, String lexiconDir) {
    String companyId = company.getString(0);
    String companyName = company.getString(1);
    String companySector = company.getString(2);
    List<InvestmentClusterer.Report> reports = new ArrayList<>();
    for (Row r : company.<Row>getList(3)) {
      Date date = r.getDate(2);
      reports.add(
          new InvestmentClusterer.Report(
              r.getString(0),
              r.getString(1),
              date == null ? null : date.toLocalDate(),
              r.getDecimal(3),
              r.getString(4),
              r.getDecimal(5),
              r.getDecimal(6),
              r.getString(7),
              r.getString(8)));
    }
    CompanyDirectory directory = Directories.get(lexiconDir);
    List<Row> rows = new ArrayList<>();
    for (InvestmentClusterer.Event event :
        InvestmentClusterer.cluster(
            reports,
            InvestmentClusterer.DEFAULT_WINDOW_DAYS,
            InvestmentClusterer.DEFAULT_TOLERANCE)) {
      InvestmentClusterer.Report median = event.median();
      String sector =
          companySector == null || companySector.equals("other")
              ? event.first().sector()
              : companySector;
      List<String> ids = event.articleIds();
      rows.add(
          RowBuilder.of("investment event", EVENT)
              .set(Col.EVENT_ID, event.id(companyId))
              .set(Col.COMPANY_ID, companyId)
              .set(Col.COMPANY_NAME, companyName)
              .set(Col.COUNTERPARTY, counterparty(directory, companyId, companyName, event))
              .set(Col.AMOUNT, median.amount())
              .set(Col.UNIT, median.unit())
              .set(Col.AMOUNT_KRW, median.amountKrw())
              .set(Col.AMOUNT_USD, median.amountUsd())
              .set(Col.EVENT_DATE, Date.valueOf(event.date()))
              .set(Col.SECTOR, sector)
              .set(Col.N_ARTICLES, (long) ids.size())
              .set(Col.N_OUTLETS, event.outlets())
              .set(
                  Col.EVIDENCE_ARTICLE_IDS,
                  String.join(",", ids.subList(0, Math.min(20, ids.size()))))
              .set(Col.SENTENCE, event.first().sentence())
              .build());
    }
    return rows;
  }

  /**
   * The first other company or fund of the sentences; the company's own group (삼성 in 삼성전자) is not
   * one.
   */
  private static String counterparty(
      CompanyDirectory directory,
      String companyId,
      String companyName,
      InvestmentClusterer.Event event) {
    for (InvestmentClusterer.Report r : event.reports()) {
      if (r.sentence() == null) {
        continue;
      }
      for (CompanyDirectory.Mention m : directory.findMentions(r.sentence())) {
        boolean ownGroup = companyName != null && companyName.contains(m.alias());
        if (!m.company().id().equals(companyId)
            && !ownGroup
            && !m.company().isPlace()
            && !m.company().kind().equals("agency")) {
          return m.company().id();
        }
      }
    }
    return null;
  }

  /** One directory per executor JVM and lexicon directory. */
  static final class Directories {
    private static CompanyDirectory directory;
    private static String key;

    private Directories() {}

    static synchronized CompanyDirectory get(String lexiconDir) {
      String k = String.valueOf(lexiconDir);
      if (directory == null || !k.equals(key)) {
        directory =
            lexiconDir == null
                ? CompanyDirectory.defaults()
                : CompanyDirectory.fromDirectory(Path.of(lexiconDir));
        key = k;
      }
      return directory;
    }
  }
}
