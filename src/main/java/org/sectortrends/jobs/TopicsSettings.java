package org.sectortrends.jobs;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sectortrends.topics.SectorTaxonomy;
import org.sectortrends.topics.TopicConfig;

/**
 * The settings of one {@code topics} run, read once from its {@link JobOptions}: the run reads its
 * values here instead of looking options up where it needs them.
 *
 * <p>Clustering settings are validated together by {@link TopicConfig} (e.g. {@code --k-min} above
 * {@code --k-max}); a conflict is a {@link UsageException} that names it.
 *
 * @param mode what the run does with the model ({@code --mode})
 * @param clustering vocabulary and clustering settings ({@code --k}, {@code --min-df}, ...)
 * @param searchSample documents that choose k and the starting centroids ({@code --search-sample})
 * @param topTerms terms listed per topic ({@code --top-terms})
 * @param matchThreshold centroid similarity that keeps an old topic id ({@code --match-threshold})
 * @param fitSample articles that fit the vocabulary and clusters at most ({@code --fit-sample})
 * @param coldStart whether a fit ignores the previous model's centroids ({@code --cold-start})
 * @param taxonomyFile the sector taxonomy TSV, empty for the bundled one ({@code --taxonomy})
 */
public record TopicsSettings(
    TopicsMode mode,
    TopicConfig clustering,
    int searchSample,
    int topTerms,
    double matchThreshold,
    int fitSample,
    boolean coldStart,
    Optional<String> taxonomyFile) {

  public static final TopicsMode DEFAULT_MODE = TopicsMode.FIT;

  /** {@code --k 0}: choose k by the stability of the clusters. */
  public static final int CHOOSE_K = 0;

  public static final int DEFAULT_TOP_TERMS = 10;
  public static final double DEFAULT_MATCH_THRESHOLD = 0.5;
  public static final int DEFAULT_FIT_SAMPLE = 50_000;

  /** Reads every topics option of {@code options}. */
  public static TopicsSettings from(JobOptions options) {
    TopicConfig clustering;
    try {
      clustering =
          new TopicConfig(
              options.get(TopicsJob.MIN_DF),
              options.get(TopicsJob.MAX_DF),
              options.get(TopicsJob.VOCAB_SIZE),
              options.get(TopicsJob.ALGORITHM),
              options.get(TopicsJob.K_MIN),
              options.get(TopicsJob.K_MAX),
              options.get(TopicsJob.K),
              options.get(TopicsJob.SEED),
              options.get(TopicsJob.MAX_ITER),
              options.get(TopicsJob.RESTARTS),
              options.get(TopicsJob.BINARY_COUNTS),
              TopicConfig.KCriterion.STABILITY);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Bad topic options: " + e.getMessage(), e);
    }
    return new TopicsSettings(
        options.get(TopicsJob.MODE),
        clustering,
        options.get(TopicsJob.SEARCH_SAMPLE),
        options.get(TopicsJob.TOP_TERMS),
        options.get(TopicsJob.MATCH_THRESHOLD),
        options.get(TopicsJob.FIT_SAMPLE),
        options.get(TopicsJob.COLD_START),
        Optional.ofNullable(options.get(TopicsJob.TAXONOMY)));
  }

  /** The fixed number of topics, or {@link #CHOOSE_K}. */
  public int k() {
    return clustering.fixedK();
  }

  /** The taxonomy of {@link #taxonomyFile}, or the bundled one. */
  public SectorTaxonomy taxonomy() {
    return taxonomyFile
        .map(file -> SectorTaxonomy.fromFile(Path.of(file)))
        .orElseGet(SectorTaxonomy::fromClasspath);
  }

  /**
   * Parses {@code --algorithm}: {@code kmeans} or {@code bisecting-kmeans} (case and {@code _} for
   * {@code -} do not matter); the message of a failure lists the values.
   */
  static TopicConfig.Algorithm parseAlgorithm(String text) {
    String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (TopicConfig.Algorithm algorithm : TopicConfig.Algorithm.values()) {
      if (algorithm.name().equals(wanted)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException("must be kmeans or bisecting-kmeans");
  }
}
