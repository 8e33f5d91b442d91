package org.sectortrends.observe;

import java.util.Locale;

/** How a run reports its progress on stderr: not at all, as readable lines, or as JSON lines. */
public enum ProgressMode {
  NONE,
  LINES,
  JSON;

  /** Reads {@code none}, {@code lines} or {@code json} (any case). */
  public static ProgressMode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be none, lines or json");
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
