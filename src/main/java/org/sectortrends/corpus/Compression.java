package org.sectortrends.corpus;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Transparent decompression by file suffix: {@code .gz} with the JDK, {@code .zst}/{@code .zstd}
 * with zstd-jni (which Spark ships), so no native Hadoop codec is needed.
 */
public enum Compression {
  NONE,
  GZIP,
  ZSTD;

  public static Compression fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz") || name.endsWith(".gzip")) {
      return GZIP;
    }
    if (name.endsWith(".zst") || name.endsWith(".zstd")) {
      return ZSTD;
    }
    return NONE;
  }

  static String stripSuffix(String lowerCaseName) {
    for (String suffix : new String[] {".gz", ".gzip", ".zst", ".zstd"}) {
      if (lowerCaseName.endsWith(suffix)) {
        return lowerCaseName.substring(0, lowerCaseName.length() - suffix.length());
      }
    }
    return lowerCaseName;
  }

  public InputStream wrap(InputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPInputStream(raw, 1 << 16);
      case ZSTD -> new ZstdInputStream(raw);
    };
  }
}
