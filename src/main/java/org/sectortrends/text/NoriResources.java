package org.sectortrends.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.ko.dict.UserDictionary;

/**
 * The editable inputs of the project's Korean analysis: the Nori user dictionary, the stopword list
 * and the term map of variant spellings.
 *
 * <p>Both live in {@code data/nori/} of the project and ship inside the application jar as the
 * classpath resources {@code /nori/userdict.txt} and {@code /nori/stopwords.txt}, so executors need
 * no shared filesystem. {@link #fromDirectory(Path)} reads the same two file names from a directory
 * instead, for trying out dictionary changes without rebuilding the jar.
 *
 * <p>File formats (UTF-8, one entry per line, {@code #} starts a comment line, blank lines
 * ignored):
 *
 * <pre>
 * userdict.txt    공신부            one surface form per line; Nori's optional segmentation
 *                 삼성전자 삼성 전자  after the surface form is accepted but unused in NONE mode
 * stopwords.txt   기자              compared after lowercasing, so Latin entries are lowercase
 * termmap.txt     美 미국            variant, whitespace, canonical term (optional in a directory)
 * </pre>
 *
 * <p>Example: {@code NoriResources.fromClasspath().stopwords().contains("기자")} is true.
 *
 * <p>User dictionary entries are lowercased on loading, like the analyzer input, so {@code SK하이닉스}
 * matches {@code sk하이닉스} and {@code Sk하이닉스}.
 *
 * <p>Known weaknesses: entries cannot contain spaces, so spaced variants such as {@code 온디바이스 AI}
 * stay two tokens; Nori gives every entry the same very low cost, so a short entry can split a
 * longer ordinary word that contains it unless that word is an entry too.
 */
public final class NoriResources {

  public static final String USER_DICTIONARY_FILE = "userdict.txt";
  public static final String STOPWORDS_FILE = "stopwords.txt";
  public static final String TERM_MAP_FILE = "termmap.txt";
  private static final String CLASSPATH_DIR = "/nori/";

  private final String userDictionaryText;
  private final Set<String> stopwords;
  private final Map<String, String> termMap;
  private final String origin;

  private NoriResources(
      String userDictionaryText,
      Set<String> stopwords,
      Map<String, String> termMap,
      String origin) {
    this.userDictionaryText = userDictionaryText;
    this.stopwords = Collections.unmodifiableSet(stopwords);
    this.termMap = Collections.unmodifiableMap(termMap);
    this.origin = origin;
  }

  /** The packaged defaults, {@code /nori/userdict.txt} and {@code /nori/stopwords.txt}. */
  public static NoriResources fromClasspath() {
    return new NoriResources(
        readClasspath(CLASSPATH_DIR + USER_DICTIONARY_FILE),
        parseStopwords(readClasspath(CLASSPATH_DIR + STOPWORDS_FILE)),
        parseTermMap(readClasspath(CLASSPATH_DIR + TERM_MAP_FILE)),
        "classpath:" + CLASSPATH_DIR);
  }

  /**
   * Reads {@code userdict.txt}, {@code stopwords.txt} and, if present, {@code termmap.txt} from
   * {@code dir}.
   */
  public static NoriResources fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("Nori resource directory does not exist: " + dir);
    }
    return new NoriResources(
        readFile(dir.resolve(USER_DICTIONARY_FILE)),
        parseStopwords(readFile(dir.resolve(STOPWORDS_FILE))),
        Files.isRegularFile(dir.resolve(TERM_MAP_FILE))
            ? parseTermMap(readFile(dir.resolve(TERM_MAP_FILE)))
            : Map.of(),
        dir.toString());
  }

  /** Builds resources from in-memory text, mainly for tests of dictionary changes. */
  public static NoriResources of(String userDictionaryText, String stopwordsText) {
    return of(userDictionaryText, stopwordsText, "");
  }

  /** Like {@link #of(String, String)} with a term map text. */
  public static NoriResources of(
      String userDictionaryText, String stopwordsText, String termMapText) {
    return new NoriResources(
        userDictionaryText, parseStopwords(stopwordsText), parseTermMap(termMapText), "memory");
  }

  /**
   * A freshly parsed user dictionary, or {@code null} when the file has no entries (Nori's
   * convention for "no user dictionary").
   */
  public UserDictionary userDictionary() {
    // Lowercased because the analyzer lowercases its input before Nori looks words up.
    try (Reader reader = new StringReader(userDictionaryText.toLowerCase(Locale.ROOT))) {
      return UserDictionary.open(reader);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Invalid Nori user dictionary from " + origin, e);
    }
  }

  /** Stopwords, lowercased, in file order. */
  public Set<String> stopwords() {
    return stopwords;
  }

  /** Variant spelling to canonical term, both lowercased. */
  public Map<String, String> termMap() {
    return termMap;
  }

  /** Where the resources were read from, for logs. */
  public String origin() {
    return origin;
  }

  static Set<String> parseStopwords(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String line : text.split("\n")) {
      String word = line.replace("\uFEFF", "").strip();
      if (!word.isEmpty() && !word.startsWith("#")) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  static Map<String, String> parseTermMap(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String entry = line.replace("\uFEFF", "").strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String[] fields = entry.split("\\s+");
      if (fields.length != 2) {
        throw new IllegalArgumentException(
            "Term map line needs 'variant canonical': '" + line + "'");
      }
      String variant = fields[0].toLowerCase(Locale.ROOT);
      if (map.put(variant, fields[1].toLowerCase(Locale.ROOT)) != null) {
        throw new IllegalArgumentException("Term map lists a variant twice: '" + variant + "'");
      }
    }
    return map;
  }

  private static String readClasspath(String resource) {
    InputStream in = NoriResources.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Classpath resource missing: " + resource);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      StringBuilder text = new StringBuilder();
      reader.lines().forEach(line -> text.append(line).append('\n'));
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
    }
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
