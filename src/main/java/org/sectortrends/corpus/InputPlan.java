package org.sectortrends.corpus;

import java.util.List;

/**
 * The files an ingest run reads: line and CSV files cut into splits, Parquet files for Spark's
 * reader, and the files found under input directories that were left out (unknown extension).
 */
public record InputPlan(
    List<InputSplit> splits, List<String> parquetFiles, List<String> skippedFiles) {

  public int fileCount() {
    return (int) splits.stream().map(InputSplit::path).distinct().count() + parquetFiles.size();
  }
}
