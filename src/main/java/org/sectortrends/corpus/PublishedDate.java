package org.sectortrends.corpus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A resolved publication time: the instant (UTC), the calendar date in the newsroom's zone, and
 * where it came from ({@code record}, {@code path} or {@code default}).
 */
public record PublishedDate(Instant instant, LocalDate date, String source) {

  public static final String FROM_RECORD = "record";
  public static final String FROM_PATH = "path";
  public static final String FROM_DEFAULT = "default";
}
