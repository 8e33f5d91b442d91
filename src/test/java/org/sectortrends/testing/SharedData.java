package org.sectortrends.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real material beside the project ({@code ../shared}): seeds, gold annotations, corpora. It
 * is read at test time and never copied. The location comes from the system property
 * {@code sectortrends.shared} (set by Surefire), else {@code ../shared}.
 */
public final class SharedData {

  private SharedData() {}

  public static Path root() {
    return Path.of(System.getProperty("sectortrends.shared", "../shared")).toAbsolutePath().normalize();
  }

  /** A file under the shared root; the calling test is skipped when it is absent. */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path), "shared material not found: " + path);
    return path;
  }
}
