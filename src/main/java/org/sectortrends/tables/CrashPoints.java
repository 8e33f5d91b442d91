package org.sectortrends.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points in a table write where a crash test can hold a writing JVM, to kill it there with
 * {@code kill -9}: with the system property {@code sectortrends.pauseAt=NAME} the writer that
 * reaches point NAME writes NAME into the file named by {@code sectortrends.pauseMarker} and waits
 * (ten minutes at most). Without the property this does nothing.
 *
 * <p>Points: {@code commit-staged} (every staged file written, no journal yet), {@code
 * commit-switching} (journal written, first partition switched, others not yet) and {@code
 * replace-before-switch} (new version written, pointer not yet switched).
 */
public final class CrashPoints {

  public static final String PAUSE_AT = "sectortrends.pauseAt";
  public static final String PAUSE_MARKER = "sectortrends.pauseMarker";

  private CrashPoints() {}

  static void reach(String point) {
    if (!point.equals(System.getProperty(PAUSE_AT))) {
      return;
    }
    String marker = System.getProperty(PAUSE_MARKER);
    try {
      if (marker != null) {
        Files.writeString(Path.of(marker), point, StandardCharsets.UTF_8);
      }
      Thread.sleep(600_000L);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the pause marker " + marker, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
