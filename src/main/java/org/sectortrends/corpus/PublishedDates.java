package org.sectortrends.corpus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication dates in the forms Korean news data comes in, and from input paths.
 *
 * <p>Record values: ISO 8601 with or without offset ({@code 2025-11-26T14:03:00+09:00}, {@code
 * 2025-11-26T05:03:00Z}, {@code 2025-11-26 14:03:00}, {@code 2025-11-26}), dotted and slashed forms
 * ({@code 2025.11.26 14:03}, {@code 2025. 11. 26.}, {@code 2025/11/26}), Korean forms ({@code 2025년
 * 11월 26일}, {@code 2025년 11월 26일 오후 2시 3분}, {@code 2025.11.26 오후 2:03}), compact {@code 20251126}
 * and epoch seconds or milliseconds. A value without an offset is taken as Asia/Seoul time.
 *
 * <p>Paths: a {@code yyyy/MM/dd/} directory run, a Hive-style {@code date=yyyy-MM-dd} (also {@code
 * dt=}) directory, or eight digits {@code yyyyMMdd} in the file name.
 *
 * <p>Known weaknesses: two-digit years ({@code 25.11.26}) and month names in English are not read;
 * a date in a path is taken at midnight, Seoul time.
 */
public final class PublishedDates {

  /** The zone of Korean newsrooms; values without an offset are read in it. */
  public static final ZoneId NEWSROOM_ZONE = ZoneId.of("Asia/Seoul");

  private static final Pattern RECORD_DATE =
      Pattern.compile(
          "^\\s*(\\d{4})\\s*(?:[-./]|년)\\s*(\\d{1,2})\\s*(?:[-./]|월)\\s*(\\d{1,2})\\s*(?:일|\\.)?"
              + "(?:\\s*\\([월화수목금토일]\\))?"
              + "(?:(?:\\s*T\\s*|\\s+)(?:(오전|오후|AM|PM|am|pm)\\s*)?(\\d{1,2})\\s*(?::|시)\\s*(?:(\\d{1,2})\\s*(?:분)?)?"
              + "(?:\\s*:?\\s*(\\d{1,2})(?:[.,](\\d{1,9}))?\\s*(?:초)?)?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT|KST)?\\s*$");
  private static final Pattern COMPACT_DATE =
      Pattern.compile("^\\s*(\\d{4})(\\d{2})(\\d{2})(?:[T ]?(\\d{2})(\\d{2})(\\d{2})?)?\\s*$");
  private static final Pattern EPOCH = Pattern.compile("^\\s*(\\d{10}|\\d{13})\\s*$");

  private static final Pattern PATH_DIRS =
      Pattern.compile("(?<![0-9])((?:19|20)\\d{2})/(\\d{2})/(\\d{2})/");
  private static final Pattern PATH_HIVE =
      Pattern.compile("(?:^|/)(?:date|dt|day)=(\\d{4})-?(\\d{2})-?(\\d{2})(?:/|$)");
  private static final Pattern FILE_NAME_DIGITS =
      Pattern.compile("(?<![0-9])((?:19|20)\\d{2})(\\d{2})(\\d{2})(?![0-9])");

  private PublishedDates() {}

  /**
   * Parses a record's date value.
   *
   * @return the date, or empty when the value is blank
   * @throws IllegalArgumentException when the value is not blank but cannot be read
   */
  public static Optional<PublishedDate> parseRecordValue(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    try {
      Matcher m = RECORD_DATE.matcher(v);
      if (m.matches()) {
        return Optional.of(fromParts(m));
      }
      m = COMPACT_DATE.matcher(v);
      if (m.matches()) {
        LocalDateTime local =
            LocalDateTime.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        return Optional.of(atNewsroom(local, PublishedDate.FROM_RECORD));
      }
      m = EPOCH.matcher(v);
      if (m.matches()) {
        long number = Long.parseLong(m.group(1));
        Instant instant =
            m.group(1).length() == 13
                ? Instant.ofEpochMilli(number)
                : Instant.ofEpochSecond(number);
        return Optional.of(
            new PublishedDate(
                instant, instant.atZone(NEWSROOM_ZONE).toLocalDate(), PublishedDate.FROM_RECORD));
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "Not a valid date: '" + v + "' (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException("Unrecognised date format: '" + v + "'");
  }

  private static PublishedDate fromParts(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    int hour = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
    int minute = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
    int nanos = 0;
    if (m.group(8) != null) {
      String fraction = (m.group(8) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(fraction);
    }
    String meridiem = m.group(4);
    if (meridiem != null) {
      boolean afternoon = meridiem.equals("오후") || meridiem.equalsIgnoreCase("pm");
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("hour " + hour + " with " + meridiem);
      }
      hour = hour % 12 + (afternoon ? 12 : 0);
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    String zone = m.group(9);
    if (zone == null || zone.equals("KST")) {
      return atNewsroom(local, PublishedDate.FROM_RECORD);
    }
    ZoneOffset offset =
        zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")
            ? ZoneOffset.UTC
            : ZoneOffset.of(
                zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    Instant instant = local.toInstant(offset);
    return new PublishedDate(
        instant, instant.atZone(NEWSROOM_ZONE).toLocalDate(), PublishedDate.FROM_RECORD);
  }

  private static PublishedDate atNewsroom(LocalDateTime local, String source) {
    Instant instant = local.atZone(NEWSROOM_ZONE).toInstant();
    return new PublishedDate(instant, local.toLocalDate(), source);
  }

  /** A date at midnight, Seoul time, e.g. for {@code --default-date}. */
  public static PublishedDate startOfDay(LocalDate date, String source) {
    return atNewsroom(date.atStartOfDay(), source);
  }

  /** The date an input path names, if any; invalid calendar dates in paths are ignored. */
  public static Optional<PublishedDate> fromPath(String path) {
    if (path == null) {
      return Optional.empty();
    }
    String normalized = path.replace('\\', '/');
    for (Pattern pattern : new Pattern[] {PATH_HIVE, PATH_DIRS}) {
      Matcher m = pattern.matcher(normalized);
      Optional<PublishedDate> found = Optional.empty();
      while (m.find()) {
        Optional<PublishedDate> candidate = toDate(m);
        if (candidate.isPresent()) {
          found = candidate;
        }
      }
      if (found.isPresent()) {
        return found; // the innermost (last) match is the most specific
      }
    }
    String fileName = normalized.substring(normalized.lastIndexOf('/') + 1);
    Matcher m = FILE_NAME_DIGITS.matcher(fileName);
    while (m.find()) {
      Optional<PublishedDate> found = toDate(m);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<PublishedDate> toDate(Matcher m) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      return Optional.of(startOfDay(date, PublishedDate.FROM_PATH));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
