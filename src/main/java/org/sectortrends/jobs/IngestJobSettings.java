package org.sectortrends.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sectortrends.corpus.IngestSettings;
import org.sectortrends.corpus.InputFormat;

/**
 * The settings of one {@code ingest} run, read once from its {@link JobOptions}: what the driver
 * needs (inputs, format, split size, duplicate threshold, rebuild, quarantine limit) here, and the
 * validation limits that travel to the executors as an {@link IngestSettings}.
 *
 * @param inputs files, directories or globs ({@code --input})
 * @param format the format of every input, empty to go by each file's extension ({@code --format})
 * @param splitBytes line files larger than this are read by several tasks ({@code --split-mb})
 * @param nearDuplicateThreshold shingle Jaccard similarity of near duplicates ({@code
 *     --near-duplicate-threshold})
 * @param rebuild whether the tables are recomputed from this input only ({@code --rebuild})
 * @param maxQuarantineRatio share of quarantined records above which nothing is written ({@code
 *     --max-quarantine-ratio})
 * @param records the per-record limits, with the run's start ({@code --min-body-chars}, ...)
 */
public record IngestJobSettings(
    List<String> inputs,
    Optional<InputFormat> format,
    long splitBytes,
    double nearDuplicateThreshold,
    boolean rebuild,
    double maxQuarantineRatio,
    IngestSettings records) {

  public static final List<String> DEFAULT_INPUT = List.of("data/sample");
  public static final double DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.9;
  public static final double DEFAULT_MAX_QUARANTINE_RATIO = 0.5;

  public IngestJobSettings {
    inputs = List.copyOf(inputs);
  }

  /** Reads every ingest option of {@code options}; {@code started} is the run's start. */
  public static IngestJobSettings from(JobOptions options, Instant started) {
    IngestSettings records =
        new IngestSettings(
            options.get(IngestJob.MIN_BODY_CHARS),
            options.get(IngestJob.MAX_RECORD_BYTES),
            options.get(IngestJob.MAX_PAYLOAD_CHARS),
            options.get(IngestJob.DEFAULT_DATE),
            started,
            options.get(IngestJob.COLUMN_MAP));
    return new IngestJobSettings(
        options.get(IngestJob.INPUT),
        options.get(IngestJob.FORMAT),
        (long) options.get(IngestJob.SPLIT_MB) << 20,
        options.get(IngestJob.NEAR_DUPLICATE_THRESHOLD),
        options.get(IngestJob.REBUILD),
        options.get(IngestJob.MAX_QUARANTINE_RATIO),
        records);
  }
}
