package org.sectortrends.jobs;

/**
 * A run that read its input but refused to write it, for example because most records were
 * quarantined. Carries what the run counted, so that the failed run's row in {@code runs} shows the
 * counts and quarantine reasons that led to the refusal.
 */
public final class RejectedRunException extends RuntimeException {

  private final transient RunSummary summary;

  public RejectedRunException(String message, RunSummary summary) {
    super(message);
    this.summary = summary;
  }

  public RunSummary summary() {
    return summary;
  }
}
