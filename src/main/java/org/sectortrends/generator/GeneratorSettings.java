package org.sectortrends.generator;

import java.io.Serializable;
import java.time.YearMonth;

/**
 * What to generate: how many articles over which months, from which seed, with which rates of
 * planted problems, in which corpus format.
 */
public record GeneratorSettings(
    long articles,
    int months,
    long seed,
    YearMonth startMonth,
    double duplicateRate,
    double nearDuplicateRate,
    double malformedRate,
    CorpusFormat format)
    implements Serializable {

  public GeneratorSettings {
    if (articles < 0) {
      throw new IllegalArgumentException("articles must not be negative: " + articles);
    }
    if (months < 1) {
      throw new IllegalArgumentException("months must be at least 1: " + months);
    }
    if (duplicateRate < 0
        || nearDuplicateRate < 0
        || malformedRate < 0
        || duplicateRate + nearDuplicateRate + malformedRate > 0.9) {
      throw new IllegalArgumentException(
          "Rates must be non-negative and sum to at most 0.9: duplicate "
              + duplicateRate
              + ", near duplicate "
              + nearDuplicateRate
              + ", malformed "
              + malformedRate);
    }
  }

  public static GeneratorSettings of(long articles, int months, long seed) {
    return new GeneratorSettings(
        articles, months, seed, YearMonth.of(2025, 1), 0.02, 0.02, 0.005, CorpusFormat.JSONL);
  }

  public GeneratorSettings withFormat(CorpusFormat f) {
    return new GeneratorSettings(
        articles, months, seed, startMonth, duplicateRate, nearDuplicateRate, malformedRate, f);
  }

  public GeneratorSettings withRates(double duplicate, double near, double malformed) {
    return new GeneratorSettings(
        articles, months, seed, startMonth, duplicate, near, malformed, format);
  }
}
