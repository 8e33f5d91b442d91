package org.sectortrends.report;

/**
 * There is nothing to report for the requested period (no articles, no dated articles, no articles
 * table).
 */
public final class NoReportDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoReportDataException(String message) {
    super(message);
  }
}
