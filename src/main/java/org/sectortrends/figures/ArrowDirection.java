package org.sectortrends.figures;

/**
 * A direction the figure itself shows: a table arrow ({@code ▲3.2%}, {@code 22%↑}) or a sign on a
 * rate ({@code +15%}, {@code -3.2%}). {@link #id()} is the value of the {@code direction} column;
 * the attribution step takes it over before reading verbs.
 */
enum ArrowDirection {
  UP("up"),
  DOWN("down");

  private final String id;

  ArrowDirection(String id) {
    this.id = id;
  }

  /** The table value, {@code up} or {@code down}. */
  String id() {
    return id;
  }
}
