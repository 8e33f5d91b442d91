package org.sectortrends.jobs;

import java.util.Optional;

/**
 * The settings of one {@code figures} run, read once from its {@link JobOptions}. The directory and
 * file names travel to the executors as plain strings, where the lexicons and the FX table are
 * loaded once per JVM.
 *
 * @param lexiconDir edited lexicons readable on every executor, empty for the bundled ones ({@code
 *     --lexicon-dir})
 * @param fxTable the monthly FX reference CSV, empty for the bundled one ({@code --fx-table})
 * @param maxErrorRatio share of failed articles above which the run fails ({@code
 *     --max-error-ratio})
 */
public record FiguresSettings(
    Optional<String> lexiconDir, Optional<String> fxTable, double maxErrorRatio) {

  /** Reads every figures option of {@code options}. */
  public static FiguresSettings from(JobOptions options) {
    return new FiguresSettings(
        Optional.ofNullable(options.get(FiguresJob.LEXICON_DIR)),
        Optional.ofNullable(options.get(FiguresJob.FX_TABLE)),
        options.get(ArticleFailsafe.MAX_ERROR_RATIO));
  }
}
