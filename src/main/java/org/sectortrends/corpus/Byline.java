package org.sectortrends.corpus;

/**
 * Outlet and reporter found in an article's byline, and the body with the byline removed. Either
 * name may be null: many articles name only the reporter, some neither.
 */
public record Byline(String outlet, String reporter, String body) {

  public static Byline none(String body) {
    return new Byline(null, null, body);
  }

  public boolean found() {
    return outlet != null || reporter != null;
  }
}
