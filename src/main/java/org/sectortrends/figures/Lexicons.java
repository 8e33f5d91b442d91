package org.sectortrends.figures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the editable TSV lexicons of {@code data/lexicons/}: from the classpath ({@code
 * /lexicons/<file>}, where the build packages them) or from a directory a user edits.
 *
 * <p>Format: UTF-8, one entry per line, tab-separated columns, lines starting with {@code #} and
 * blank lines ignored. A directory may hold only the files a user wants to change; any file it
 * lacks is read from the classpath, so an override never has to copy every lexicon.
 */
final class Lexicons {

  static final String CURRENCIES = "currencies.tsv";
  static final String COUNTERS = "counters.tsv";
  static final String MEASURE_UNITS = "measure-units.tsv";
  static final String NON_FIGURE_SUFFIXES = "non-figure-suffixes.tsv";
  static final String METRICS = "metrics.tsv";
  static final String DIRECTIONS = "directions.tsv";
  static final String CHANGE_BASIS = "change-basis.tsv";
  static final String QUALIFIERS = "qualifiers.tsv";
  static final String SUBJECT_WORDS = "subject-words.tsv";

  private final Path directory;

  private Lexicons(Path directory) {
    this.directory = directory;
  }

  static Lexicons classpath() {
    return new Lexicons(null);
  }

  static Lexicons directory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("lexicon directory does not exist: " + directory);
    }
    return new Lexicons(directory);
  }

  /** The rows of one lexicon file, each with at least {@code minColumns} columns. */
  List<String[]> rows(String file, int minColumns) {
    try (BufferedReader reader = open(file)) {
      List<String[]> rows = new ArrayList<>();
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length < minColumns || cols[0].isEmpty()) {
          throw new IllegalArgumentException(
              "lexicon "
                  + file
                  + " line "
                  + lineNo
                  + " needs "
                  + minColumns
                  + " tab-separated columns: '"
                  + line
                  + "'");
        }
        for (int i = 0; i < cols.length; i++) {
          cols[i] = cols[i].strip();
        }
        rows.add(cols);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + file, e);
    }
  }

  private BufferedReader open(String file) throws IOException {
    if (directory != null && Files.isRegularFile(directory.resolve(file))) {
      return Files.newBufferedReader(directory.resolve(file), StandardCharsets.UTF_8);
    }
    InputStream in = Lexicons.class.getResourceAsStream("/lexicons/" + file);
    if (in == null) {
      throw new IllegalArgumentException("lexicon not found on the classpath: /lexicons/" + file);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
