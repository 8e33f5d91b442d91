package org.sectortrends.jobs;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

/**
 * The settings of one {@code trends} run, read once from its {@link JobOptions}: the period types
 * as enums (each once, in the order given) and the months as {@link YearMonth}s, so that a bad
 * value is a usage error naming it before any table is read.
 *
 * @param periodTypes the period types of the trend tables ({@code --period-type})
 * @param months the months whose periods are recomputed, in order; empty for all ({@code --months})
 * @param baselinePeriods trailing periods of the term baseline ({@code --baseline-periods})
 * @param minSupport articles with a term in a period for a term_trends row ({@code --min-support})
 * @param lexiconDir edited lexicons (the company directory), empty for the bundled ones
 * @param taxonomyFile the sector taxonomy TSV, empty for the bundled one
 */
public record TrendsSettings(
    List<PeriodType> periodTypes,
    SortedSet<YearMonth> months,
    int baselinePeriods,
    int minSupport,
    Optional<String> lexiconDir,
    Optional<String> taxonomyFile) {

  public static final List<PeriodType> DEFAULT_PERIOD_TYPES =
      List.of(PeriodType.WEEK, PeriodType.MONTH, PeriodType.QUARTER);
  public static final int DEFAULT_BASELINE_PERIODS = 6;
  public static final int DEFAULT_MIN_SUPPORT = 3;

  public TrendsSettings {
    periodTypes = List.copyOf(periodTypes);
    months = Collections.unmodifiableSortedSet(new TreeSet<>(months));
  }

  /** Reads every trends option of {@code options}. */
  public static TrendsSettings from(JobOptions options) {
    List<PeriodType> types = new ArrayList<>();
    for (String type : new LinkedHashSet<>(options.get(TrendsJob.PERIOD_TYPES))) {
      try {
        types.add(PeriodType.of(type));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "Bad value '" + type + "' for --period-type: expected week, month or quarter");
      }
    }
    SortedSet<YearMonth> months = new TreeSet<>();
    for (String month : options.get(ArticleSelection.MONTHS)) {
      try {
        months.add(YearMonth.parse(month));
      } catch (RuntimeException e) {
        throw new UsageException("Bad value '" + month + "' for --months: expected YYYY-MM");
      }
    }
    return new TrendsSettings(
        types,
        months,
        options.get(TrendsJob.BASELINE_PERIODS),
        options.get(TrendsJob.MIN_SUPPORT),
        Optional.ofNullable(options.get(FiguresJob.LEXICON_DIR)),
        Optional.ofNullable(options.get(TopicsJob.TAXONOMY)));
  }
}
