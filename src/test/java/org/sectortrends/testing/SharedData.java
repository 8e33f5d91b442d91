package org.sectortrends.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real material beside the project ({@code ../shared}): seeds, gold annotations, corpora. It is
 * read at test time and never copied. The location comes from the system property {@code
 * sectortrends.shared} (set by Surefire), else {@code ../shared}.
 *
 * <p>On a developer machine without that directory the tests that need it are skipped. Under CI
 * (environment {@code CI=true}) they fail instead, naming the missing path: a CI run that skipped
 * the measurements on real text would look green while measuring nothing.
 */
public final class SharedData {

  private SharedData() {}

  public static Path root() {
    return Path.of(System.getProperty("sectortrends.shared", "../shared"))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * A file or directory under the shared root. When it is absent the calling test is skipped, or
   * fails under CI.
   */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) {
      String message =
          "shared material not found: "
              + path
              + " (the project expects ../shared beside its root, or -Dsectortrends.shared=DIR)";
      if (underCi()) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    return path;
  }

  /**
   * Whether a file under the shared root is there, for tests that score the project's own material
   * always and the shared material when present. Under CI an absent file fails the test.
   */
  public static boolean available(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path) && underCi()) {
      fail("shared material not found under CI: " + path);
    }
    return Files.exists(path);
  }

  static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
