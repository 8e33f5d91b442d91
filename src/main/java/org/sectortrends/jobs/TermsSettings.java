package org.sectortrends.jobs;

import java.util.Optional;

/**
 * The settings of one {@code terms} run, read once from its {@link JobOptions}.
 *
 * @param noriDir the edited user dictionary and stopwords readable on every executor, empty for the
 *     bundled ones ({@code --nori-dir})
 * @param maxErrorRatio share of failed articles above which the run fails ({@code
 *     --max-error-ratio})
 */
public record TermsSettings(Optional<String> noriDir, double maxErrorRatio) {

  /** Reads every terms option of {@code options}. */
  public static TermsSettings from(JobOptions options) {
    return new TermsSettings(
        Optional.ofNullable(options.get(TermsJob.NORI_DIR)),
        options.get(ArticleFailsafe.MAX_ERROR_RATIO));
  }
}
