package org.sectortrends.figures;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The company directory ({@code data/lexicons/companies.tsv}): companies, agencies, funds,
 * countries and markets with their aliases, and the look-ups that turn free text into a {@code
 * company_id}.
 *
 * <ul>
 *   <li>{@link #findMentions(String)} scans a text for aliases, leftmost-longest, and returns the
 *       spans (code-point offsets, like figure spans). It folds Latin case and ignores spaces
 *       ({@code sk 하이닉스} is {@code SK하이닉스}) and checks word edges: an alias must start a word, and
 *       end one, be followed by a Korean particle ({@code 삼성전자와의}, {@code TSMC는}, {@code 중국발}) or
 *       change script ({@code SK하이닉스} is not {@code SK} + text). One pass over a {@link
 *       CodePointTrie} (the one the other lexicons use): cost linear in the text times the longest
 *       alias.
 *   <li>{@link #resolve(String)} resolves a figure's subject ({@code 삼성SDI는}, {@code 이로써 SBG},
 *       {@code 삼성SDS 클라우드 부문}, {@code 구글 모회사 알파벳}) to one entity: among the mentions inside the
 *       subject, companies, agencies, funds and other named entities win over countries and
 *       markets, then the longest alias, then the rightmost (the head of a Korean noun phrase is
 *       its last noun). Words around the alias (adverbs, particles, segments) are simply not
 *       matched, so they need no stripping list. A country or market resolves only when it is the
 *       whole subject (particles aside): {@code 미국} is the United States, but {@code 미국 전기차} is a
 *       market, not the country's figure.
 * </ul>
 *
 * <pre>{@code
 * CompanyDirectory d = CompanyDirectory.defaults();
 * d.resolve("삼성SDI는").get().id();        // samsung_sdi   (particle)
 * d.resolve("이로써 SBG").get().id();       // softbank_group (adverb before, abbreviation)
 * d.resolve("ms").get().id();              // microsoft     (Latin case folded)
 * d.resolve("SK 하이닉스 HBM").get().id();  // sk_hynix      (space folded, product after)
 * d.resolve("메타버스");                    // empty: 메타 is followed by 버스, not a particle
 * d.resolve("사업부");                      // empty
 * }</pre>
 *
 * <p>File format: tab-separated {@code company_id, name_ko, name_en, sector_id, kind, aliases} with
 * a header line starting with {@code company_id}; {@code aliases} is {@code |}-separated; the
 * Korean and English names count as aliases. Two entities may not share a folded alias (the loader
 * names both); an entity may repeat one.
 *
 * <p>Known weaknesses: no morphology, so an alias that is also an ordinary word ({@code 보령} the
 * city, {@code 삼성} the baseball club) matches wherever it stands as a word; a company missing from
 * the file resolves to its group ({@code LG디스플레이} absent would give LG by script change); two words
 * joined by the space folding can form an alias by accident ({@code SK 온} is SK On, which is
 * usually meant); a subject naming two companies resolves to one.
 */
public final class CompanyDirectory implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The file name under {@code data/lexicons/}. */
  public static final String FILE = "companies.tsv";

  /** Kinds of entity, in the file's {@code kind} column. */
  public static final Set<String> KINDS =
      Set.of("company", "agency", "fund", "country", "market", "other");

  /**
   * Particles and bound nouns that may follow an alias inside a Korean word, longest first at
   * look-up. Up to two may follow each other ({@code 에서는}, {@code 와의}).
   */
  private static final List<String> PARTICLES =
      List.of(
          "으로서", "으로써", "에서", "에게", "께서", "까지", "부터", "보다", "처럼", "마저", "조차", "이나", "이며", "이고",
          "이다", "이라", "이란", "한테", "으로", "에선", "으론", "이랑", "만큼", "밖에", "은", "는", "이", "가", "을", "를",
          "의", "와", "과", "도", "로", "에", "께", "만", "나", "며", "고", "다", "라", "란", "엔", "론", "측", "발",
          "산", "등", "들", "계", "랑");

  /** One entity of the directory. */
  public record Company(
      String id, String nameKo, String nameEn, String sectorId, String kind, List<String> aliases)
      implements Serializable {
    /** Countries and markets name places and indexes rather than the owner of a figure. */
    public boolean isPlace() {
      return kind.equals("country") || kind.equals("market");
    }
  }

  /**
   * An alias found in a text: code-point offsets {@code [start, end)} into the text, the entity and
   * the alias as written in the directory.
   */
  public record Mention(int start, int end, Company company, String alias) {}

  private final List<Company> companies;
  private final Map<String, Company> byId;
  private final CodePointTrie<Entry> trie = new CodePointTrie<>();
  private final int[] particleFirst;
  private final int[][] particles;

  private CompanyDirectory(List<Company> companies) {
    this.companies = List.copyOf(companies);
    Map<String, Company> ids = new LinkedHashMap<>();
    Map<String, Company> aliasOwner = new HashMap<>();
    for (Company company : companies) {
      if (ids.put(company.id(), company) != null) {
        throw new IllegalArgumentException(
            FILE + ": company_id '" + company.id() + "' appears twice");
      }
      for (String alias : company.aliases()) {
        int[] folded = fold(alias.codePoints().toArray(), null);
        if (folded.length == 0) {
          continue;
        }
        String key = new String(folded, 0, folded.length);
        Company previous = aliasOwner.putIfAbsent(key, company);
        if (previous != null && previous != company) {
          throw new IllegalArgumentException(
              FILE
                  + ": alias '"
                  + alias
                  + "' of "
                  + company.id()
                  + " is already an alias of "
                  + previous.id());
        }
        trie.putIfAbsent(key, new Entry(company, alias));
      }
    }
    for (Company company : companies) {
      for (String alias : company.aliases()) {
        String abbreviated = headlineAbbreviation(alias);
        if (abbreviated == null) {
          continue;
        }
        int[] folded = fold(abbreviated.codePoints().toArray(), null);
        String key = new String(folded, 0, folded.length);
        if (aliasOwner.putIfAbsent(key, company) == null) {
          trie.putIfAbsent(key, new Entry(company, abbreviated));
        }
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.particles =
        PARTICLES.stream()
            .map(p -> p.codePoints().toArray())
            .sorted((a, b) -> b.length - a.length)
            .toArray(int[][]::new);
    this.particleFirst = Arrays.stream(particles).mapToInt(p -> p[0]).distinct().sorted().toArray();
  }

  /** The packaged directory, {@code /lexicons/companies.tsv}. */
  public static CompanyDirectory defaults() {
    return load(Lexicons.classpath());
  }

  /** The directory of an edited lexicon directory (the packaged file when it has none). */
  public static CompanyDirectory fromDirectory(Path directory) {
    return load(Lexicons.directory(directory));
  }

  /** A directory from given entities, for tests and tools. */
  public static CompanyDirectory of(List<Company> companies) {
    return new CompanyDirectory(companies);
  }

  /** The directory of a lexicon set, so that the extractor reads it with its other lexicons. */
  static CompanyDirectory from(Lexicons lexicons) {
    return load(lexicons);
  }

  private static CompanyDirectory load(Lexicons lexicons) {
    List<Company> companies = new ArrayList<>();
    for (String[] row : lexicons.rows(FILE, 5)) {
      if (row[0].equals("company_id")) {
        continue;
      }
      String kind = row[4];
      if (!KINDS.contains(kind)) {
        throw new IllegalArgumentException(
            FILE + ": kind '" + kind + "' of " + row[0] + " is not one of " + KINDS);
      }
      Set<String> aliases = new LinkedHashSet<>();
      aliases.add(row[1]);
      aliases.add(row[2]);
      if (row.length > 5) {
        for (String alias : row[5].split("\\|")) {
          aliases.add(alias.strip());
        }
      }
      aliases.removeIf(String::isEmpty);
      companies.add(new Company(row[0], row[1], row[2], row[3], kind, List.copyOf(aliases)));
    }
    return new CompanyDirectory(companies);
  }

  /**
   * Headlines shorten a company's kind to one Chinese character: 삼성重 (삼성중공업), 삼성電 (삼성전자), NH투자證
   * (NH투자증권), 현대車 (현대자동차), 기업銀 (기업은행). Null when the alias ends in no such kind.
   */
  static String headlineAbbreviation(String alias) {
    for (String[] kind : HEADLINE_KINDS) {
      if (alias.endsWith(kind[0]) && alias.length() > kind[0].length()) {
        return alias.substring(0, alias.length() - kind[0].length()) + kind[1];
      }
    }
    return null;
  }

  private static final String[][] HEADLINE_KINDS = {
    {"중공업", "重"},
    {"전자", "電"},
    {"증권", "證"},
    {"자동차", "車"},
    {"은행", "銀"},
    {"건설", "建"},
    {"화재", "火"},
    {"생명", "生"},
    {"해상", "海"}
  };

  /** Every entity, in file order. */
  public List<Company> companies() {
    return companies;
  }

  public Optional<Company> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The entity a figure's subject names, if any (see the class comment for the rules). */
  public Optional<Company> resolve(String subject) {
    if (subject == null || subject.isBlank()) {
      return Optional.empty();
    }
    int[] text = subject.codePoints().toArray();
    List<Mention> mentions = findMentions(text, 0, text.length);
    Mention best = null;
    for (Mention m : mentions) {
      if (m.company().isPlace()) {
        continue;
      }
      if (best == null || m.end() - m.start() >= best.end() - best.start()) {
        best = m;
      }
    }
    if (best != null) {
      return Optional.of(best.company());
    }
    for (Mention m : mentions) {
      if (isWholeSubject(text, m)) {
        return Optional.of(m.company());
      }
    }
    return Optional.empty();
  }

  /** The id of {@link #resolve}, or null: the {@code company_id} column of {@code figures}. */
  public String resolveId(String subject) {
    return resolve(subject).map(Company::id).orElse(null);
  }

  /** True when nothing but spaces, punctuation and particles surrounds the mention. */
  private boolean isWholeSubject(int[] text, Mention m) {
    for (int i = 0; i < m.start(); i++) {
      if (isWordChar(text[i])) {
        return false;
      }
    }
    int i = m.end();
    int particlesSeen = 0;
    while (i < text.length) {
      if (!isWordChar(text[i])) {
        i++;
        continue;
      }
      int after = particleEnd(text, i, text.length);
      if (after < 0 || ++particlesSeen > 2) {
        return false;
      }
      i = after;
    }
    return true;
  }

  /** Every alias in the text, leftmost-longest, not overlapping; offsets in code points. */
  public List<Mention> findMentions(String text) {
    int[] cps = text.codePoints().toArray();
    return findMentions(cps, 0, cps.length);
  }

  /** Every alias in {@code text[from, to)} (code points), leftmost-longest, not overlapping. */
  public List<Mention> findMentions(int[] text, int from, int to) {
    int[] origin = new int[to - from];
    int[] folded = fold(Arrays.copyOfRange(text, from, to), origin);
    List<Mention> found = new ArrayList<>();
    int[] ends = new int[64];
    Entry[] entries = new Entry[64];
    int i = 0;
    while (i < folded.length) {
      int start = origin[i] + from;
      boolean startsWord =
          start == from
              || !isWordChar(text[start - 1])
              || scriptChanges(text[start - 1], text[start]);
      int n = startsWord ? trie.matches(folded, i, folded.length, ends, entries) : 0;
      boolean matched = false;
      for (int k = n - 1; k >= 0; k--) {
        int end = origin[ends[k] - 1] + from + 1;
        if (endsWord(text, start, end, to)) {
          found.add(new Mention(start, end, entries[k].company(), entries[k].alias()));
          i = ends[k];
          matched = true;
          break;
        }
      }
      if (!matched) {
        i++;
      }
    }
    return found;
  }

  private boolean endsWord(int[] text, int start, int end, int to) {
    if (end >= to || !isWordChar(text[end]) || scriptChanges(text[end - 1], text[end])) {
      return true;
    }
    if (!isHangul(text[end - 1])) {
      return false;
    }
    int after = particleEnd(text, end, to);
    if (after < 0) {
      return false;
    }
    if (after >= to || !isWordChar(text[after]) || scriptChanges(text[after - 1], text[after])) {
      return true;
    }
    int second = particleEnd(text, after, to);
    return second >= 0 && (second >= to || !isWordChar(text[second]));
  }

  /** End of the longest particle starting at {@code at}, or -1. */
  private int particleEnd(int[] text, int at, int to) {
    if (Arrays.binarySearch(particleFirst, text[at]) < 0) {
      return -1;
    }
    outer:
    for (int[] p : particles) {
      if (at + p.length > to) {
        continue;
      }
      for (int j = 0; j < p.length; j++) {
        if (text[at + j] != p[j]) {
          continue outer;
        }
      }
      return at + p.length;
    }
    return -1;
  }

  /**
   * Lowercases Latin letters and drops whitespace; {@code origin}, when given, receives for each
   * folded code point the index of its source code point.
   */
  static int[] fold(int[] text, int[] origin) {
    int[] out = new int[text.length];
    int n = 0;
    for (int i = 0; i < text.length; i++) {
      int cp = text[i];
      if (Character.isWhitespace(cp) || cp == 0x00A0) {
        continue;
      }
      if (origin != null) {
        origin[n] = i;
      }
      out[n++] = cp < 0x80 ? Character.toLowerCase(cp) : cp;
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp);
  }

  private static boolean isHangul(int cp) {
    return cp >= 0xAC00 && cp <= 0xD7A3;
  }

  /** Script of a word character: 0 Latin/digit, 1 Hangul, 2 other (Han, kana...). */
  private static int script(int cp) {
    if (cp < 0x80) {
      return 0;
    }
    return isHangul(cp) ? 1 : 2;
  }

  private static boolean scriptChanges(int before, int after) {
    return script(before) != script(after);
  }

  private record Entry(Company company, String alias) implements Serializable {}
}
