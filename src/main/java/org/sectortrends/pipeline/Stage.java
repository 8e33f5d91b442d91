package org.sectortrends.pipeline;

import java.util.List;
import java.util.function.Supplier;
import org.sectortrends.jobs.SparkJob;
import org.sectortrends.tables.TableSpec;

/**
 * One stage of the pipeline: its name (the job's name on the command line), the tables it reads and
 * writes (besides the {@code runs} row every job appends), and the job that runs it.
 *
 * @param reads tables that must exist before the stage runs (written by earlier stages or runs)
 * @param writes tables the stage replaces or appends to; empty for a stage that only reports
 */
public record Stage(
    String name, List<TableSpec> reads, List<TableSpec> writes, Supplier<SparkJob> job) {

  public Stage {
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
  }

  /** The name, as on the command line and in the runs table's options. */
  @Override
  public String toString() {
    return name;
  }

  /** Whether the stage produces tables (as opposed to scoring what others produced). */
  public boolean writesTables() {
    return !writes.isEmpty();
  }
}
