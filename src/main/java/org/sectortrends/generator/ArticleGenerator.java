package org.sectortrends.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.sectortrends.generator.GeneratedArticle.Malformation;

/**
 * Composes the article with a given index, deterministically: the same settings and index give the
 * same article on any machine, in any partition, in any order. Every random choice for article
 * {@code i} comes from a {@link SplittableRandom} seeded from (seed, i), which is what lets {@code
 * generate-corpus} generate in parallel with constant memory.
 *
 * <p>An article: a sector drawn from the {@link SectorSchedule} for its day, a company of that
 * sector (and a second one), a lead paragraph and more paragraphs of facts, context, quotes and an
 * outlook from {@code sentences.tsv} until a drawn length of 300 to 3,000 characters. A copy (exact
 * or near duplicate) regenerates an earlier original by its index and publishes it 1 to 10 days
 * later, under another outlet at times; a near duplicate adds one or two connective words ({@code
 * 한편}, {@code 또}, {@code 특히}) at sentence starts, which keeps its character-shingle Jaccard
 * similarity to the original above 0.9. A malformed record is an article broken in one of the ways
 * the ingest must quarantine.
 *
 * <p>Known weaknesses: sentences are independent of each other beyond sharing the company, the
 * period and the sector, so an article does not argue; numbers in one article are not consistent
 * with each other (a growth rate does not follow from two amounts).
 */
public final class ArticleGenerator {

  private static final int MIN_CHARS = 300;
  private static final int MAX_CHARS = 3000;

  /** Copies are made of originals at most this many indices earlier. */
  private static final int COPY_WINDOW = 2000;

  /** Short on purpose: two of them keep a 300-character copy above 0.9 shingle similarity. */
  private static final String[] CONNECTIVES = {"한편 ", "또 ", "특히 ", "또한 ", "다만 "};

  private static final String[] SHORT_BODIES = {
    "기사 준비 중", "(끝)", "본문 없음", "사진 기사", "속보", "내용 추가 예정"
  };

  private final GeneratorSettings settings;
  private final Vocabulary vocabulary;
  private final SectorSchedule schedule;

  public ArticleGenerator(GeneratorSettings settings) {
    this.settings = settings;
    this.vocabulary = Vocabulary.get();
    this.schedule = new SectorSchedule(settings, vocabulary);
  }

  public SectorSchedule schedule() {
    return schedule;
  }

  public static String idOf(long index) {
    String digits = Long.toString(index);
    return "a" + "0".repeat(Math.max(0, 10 - digits.length())) + digits;
  }

  /** The article with this index. */
  public GeneratedArticle generate(long index) {
    SplittableRandom rng = rngFor(index);
    Kind kind = kindOf(rng.nextDouble());
    switch (kind) {
      case EXACT, NEAR -> {
        long original = pickOriginal(index, rng);
        if (original < 0) {
          return compose(index, rng, Set.of(), null);
        }
        Set<Integer> edits = new HashSet<>();
        if (kind == Kind.NEAR) {
          edits.add(1 + rng.nextInt(2));
          if (rng.nextBoolean()) {
            edits.add(3 + rng.nextInt(3));
          }
        }
        SplittableRandom originalRng = rngFor(original);
        originalRng.nextDouble();
        GeneratedArticle base = compose(original, originalRng, edits, rng.split());
        LocalDateTime later =
            base.publishedAt()
                .toLocalDate()
                .plusDays(1 + rng.nextInt(10))
                .atTime(6 + rng.nextInt(16), rng.nextInt(60));
        String outlet = rng.nextInt(3) == 0 ? pick(vocabulary.outlets, rng) : base.outlet();
        return new GeneratedArticle(
            idOf(index),
            index,
            base.sector(),
            later,
            outlet,
            base.reporter(),
            base.title(),
            base.body(),
            base.figures(),
            base.id(),
            kind == Kind.EXACT ? "exact" : "near",
            null);
      }
      case MALFORMED -> {
        Malformation how = malformation(rng);
        GeneratedArticle a = compose(index, rng, Set.of(), null);
        String body =
            switch (how) {
              case TOO_SHORT -> pick(List.of(SHORT_BODIES), rng);
              case MISSING_BODY -> null;
              default -> a.body();
            };
        // A quarantined record never reaches the figures stage: it has no figures to find.
        return new GeneratedArticle(
            a.id(),
            index,
            a.sector(),
            a.publishedAt(),
            a.outlet(),
            a.reporter(),
            a.title(),
            body,
            List.of(),
            null,
            null,
            how);
      }
      default -> {
        return compose(index, rng, Set.of(), null);
      }
    }
  }

  private enum Kind {
    ORIGINAL,
    EXACT,
    NEAR,
    MALFORMED
  }

  private Kind kindOf(double u) {
    if (u < settings.malformedRate()) {
      return Kind.MALFORMED;
    }
    u -= settings.malformedRate();
    if (u < settings.duplicateRate()) {
      return Kind.EXACT;
    }
    u -= settings.duplicateRate();
    return u < settings.nearDuplicateRate() ? Kind.NEAR : Kind.ORIGINAL;
  }

  /** An earlier index that is an original, or -1 when none is found. */
  private long pickOriginal(long index, SplittableRandom rng) {
    long window = Math.min(index, COPY_WINDOW);
    for (int attempt = 0; attempt < 20 && window > 0; attempt++) {
      long candidate = index - 1 - rng.nextLong(window);
      if (kindOf(rngFor(candidate).nextDouble()) == Kind.ORIGINAL) {
        return candidate;
      }
    }
    return -1;
  }

  private Malformation malformation(SplittableRandom rng) {
    int r = rng.nextInt(100);
    return switch (settings.format()) {
      case JSONL ->
          r < 35
              ? Malformation.BROKEN_JSON
              : r < 55
                  ? Malformation.BLANK_LINE
                  : r < 80 ? Malformation.BAD_DATE : Malformation.TOO_SHORT;
      case TEXT ->
          r < 30
              ? Malformation.BLANK_LINE
              : r < 65 ? Malformation.BAD_DATE : Malformation.TOO_SHORT;
      case PARQUET ->
          r < 30
              ? Malformation.MISSING_BODY
              : r < 65 ? Malformation.BAD_DATE : Malformation.TOO_SHORT;
    };
  }

  private SplittableRandom rngFor(long index) {
    return new SplittableRandom(
        mix(settings.seed() * 0x9E3779B97F4A7C15L + mix(index + 0x632BE59BD9B4E019L)));
  }

  /** The SplitMix64 finalizer: nearby inputs give unrelated seeds. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---- composition ----

  /** What every sentence of one article shares. */
  private record Context(
      Vocabulary.Sector sector,
      Vocabulary.Company company,
      Vocabulary.Company other,
      String industry,
      String org,
      boolean burst,
      List<Period> periods,
      Set<Template> used) {}

  /** A period as written and as resolved. */
  record Period(String text, String resolved) {}

  private GeneratedArticle compose(
      long index, SplittableRandom rng, Set<Integer> edits, SplittableRandom editRng) {
    int day = rng.nextInt(schedule.totalDays());
    LocalDate date = schedule.start().plusDays(day);
    LocalDateTime publishedAt = date.atTime(LocalTime.of(6 + rng.nextInt(16), rng.nextInt(60)));
    String sectorId = schedule.sample(day, rng);
    Vocabulary.Sector sector = vocabulary.sector(sectorId);
    Vocabulary.Company company = pick(sector.companies(), rng);
    Vocabulary.Company other = pick(sector.companies(), rng);
    while (other.equals(company) && sector.companies().size() > 1) {
      other = pick(sector.companies(), rng);
    }
    Context ctx =
        new Context(
            sector,
            company,
            other,
            pick(sector.industries(), rng),
            pick(sector.orgs(), rng),
            schedule.inBurst(sectorId, day),
            periods(date),
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    String outlet = pick(vocabulary.outlets, rng);
    String reporter = pick(vocabulary.surnames, rng) + pick(vocabulary.givenNames, rng);

    List<Template> titles = new ArrayList<>();
    for (Template t : vocabulary.templates("title", sectorId)) {
      if (ctx.burst() == mentionsBurst(t)) {
        titles.add(t);
      }
    }
    BodyBuilder titleText = new BodyBuilder();
    render(
        pick(titles.isEmpty() ? vocabulary.templates("title", sectorId) : titles, rng),
        ctx,
        rng,
        titleText);

    int target = MIN_CHARS + (int) (Math.pow(rng.nextDouble(), 2) * (2600 - MIN_CHARS));
    BodyBuilder body = new BodyBuilder();
    // Length decisions ignore the characters a near copy inserts, so that the copy draws exactly
    // the original's sentences.
    int[] inserted = {0};
    int sentence = 0;
    boolean full = false;
    for (int paragraph = 0; !full && body.length() - inserted[0] < target; paragraph++) {
      int sentences = paragraph == 0 ? 2 + rng.nextInt(2) : 2 + rng.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        String category = paragraph == 0 && s == 0 ? "lead" : category(ctx, rng);
        int before = inserted[0];
        BodyBuilder piece =
            sentence(category, ctx, rng, edits.contains(sentence) ? editRng : null, inserted);
        String separator = s > 0 ? " " : paragraph == 0 ? "" : "\n";
        if (body.length() - before + separator.length() + piece.length() - (inserted[0] - before)
            > MAX_CHARS) {
          inserted[0] = before;
          full = true;
          break;
        }
        body.append(separator).appendAll(piece);
        sentence++;
      }
    }
    int before = inserted[0];
    BodyBuilder closing =
        sentence("outlook", ctx, rng, edits.contains(sentence) ? editRng : null, inserted);
    if (body.length() - before + 1 + closing.length() - (inserted[0] - before) <= MAX_CHARS) {
      body.append("\n").appendAll(closing);
    }
    return new GeneratedArticle(
        idOf(index),
        index,
        sectorId,
        publishedAt,
        outlet,
        reporter,
        titleText.text(),
        body.text(),
        body.figures(),
        null,
        null,
        null);
  }

  private BodyBuilder sentence(
      String category,
      Context ctx,
      SplittableRandom rng,
      SplittableRandom editRng,
      int[] inserted) {
    List<Template> candidates = candidates(category, ctx.sector().id(), rng);
    Template t = pick(candidates, rng);
    // An article rarely says the same kind of thing twice: draw again a few times.
    for (int attempt = 0; attempt < 4 && ctx.used().contains(t); attempt++) {
      t = pick(candidates, rng);
    }
    ctx.used().add(t);
    BodyBuilder piece = new BodyBuilder();
    if (editRng != null) {
      String connective = CONNECTIVES[editRng.nextInt(CONNECTIVES.length)];
      piece.append(connective);
      inserted[0] += connective.length();
    }
    render(t, ctx, rng, piece);
    return piece;
  }

  private static boolean mentionsBurst(Template t) {
    for (Template.Part p : t.parts()) {
      if (p instanceof Template.Slot s && s.name().equals("B")) {
        return true;
      }
    }
    return false;
  }

  private String category(Context ctx, SplittableRandom rng) {
    int r = rng.nextInt(100);
    if (ctx.burst() && r < 15) {
      return "burst";
    }
    return r < 55 ? "fact" : r < 70 ? "context" : r < 85 ? "detail" : "quote";
  }

  /**
   * Facts: half of the time one written for the sector, so that sector vocabulary stays prominent.
   */
  private List<Template> candidates(String category, String sector, SplittableRandom rng) {
    List<Template> all = vocabulary.templates(category, sector);
    if (category.equals("fact") && rng.nextBoolean()) {
      List<Template> specific = new ArrayList<>();
      for (Template t : all) {
        if (!t.sectors().isEmpty()) {
          specific.add(t);
        }
      }
      if (!specific.isEmpty()) {
        return specific;
      }
    }
    return all;
  }

  /** Fills one template into {@code out}. */
  private void render(Template t, Context ctx, SplittableRandom rng, BodyBuilder out) {
    String keyword = pick(ctx.sector().keywords(), rng);
    String keyword2 = pick(ctx.sector().keywords(), rng);
    while (keyword2.equals(keyword)) {
      keyword2 = pick(ctx.sector().keywords(), rng);
    }
    Period period = pick(ctx.periods(), rng);
    boolean hasPeriod = false;
    for (Template.Part p : t.parts()) {
      if (p instanceof Template.Slot s && s.name().equals("T")) {
        hasPeriod = true;
      }
    }
    for (Template.Part part : t.parts()) {
      if (part instanceof Template.Literal l) {
        out.append(l.text());
      } else if (part instanceof Template.Choice c) {
        out.append(c.options().get(rng.nextInt(c.options().size())));
      } else if (part instanceof Template.Slot s) {
        String text =
            switch (s.name()) {
              case "C" -> ctx.company().name();
              case "C2" -> ctx.other().name();
              case "X" -> ctx.industry();
              case "K" -> keyword;
              case "K2" -> keyword2;
              case "O" -> ctx.org();
              case "T" -> period.text();
              case "B" -> ctx.sector().burst();
              case "D" -> Integer.toString(1 + rng.nextInt(28));
              case "P" -> pick(vocabulary.places, rng);
              case "N" -> pick(vocabulary.surnames, rng) + pick(vocabulary.givenNames, rng);
              case "R" -> pick(vocabulary.roles, rng);
              default -> throw new IllegalStateException("Unknown slot " + s.name());
            };
        out.append(text);
        if (s.particle() != null) {
          out.append(Josa.form(text, s.particle()));
        }
      } else if (part instanceof Template.FigureSlot f) {
        String subject =
            switch (f.subjectSlot()) {
              case "C2" -> ctx.other().name();
              case "X" -> ctx.industry();
              default -> ctx.company().name();
            };
        int tier =
            f.subjectSlot().equals("C2")
                ? ctx.other().tier()
                : f.subjectSlot().equals("X") ? 1 : ctx.company().tier();
        String written =
            FigureWriter.write(out, f, rng, subject, hasPeriod ? period.resolved() : null, tier);
        if (f.particle() != null) {
          out.append(Josa.form(written, f.particle()));
        }
      }
    }
  }

  /** The periods an article published on {@code date} can speak of, resolved. */
  static List<Period> periods(LocalDate date) {
    int y = date.getYear();
    int m = date.getMonthValue();
    List<Period> out = new ArrayList<>();
    out.add(new Period("지난해", Integer.toString(y - 1)));
    out.add(new Period("올해", Integer.toString(y)));
    int quarter = (m - 1) / 3;
    if (quarter == 0) {
      out.add(new Period("지난해 4분기", (y - 1) + "Q4"));
    } else {
      out.add(new Period(quarter + "분기", y + "Q" + quarter));
      out.add(new Period("올해 " + quarter + "분기", y + "Q" + quarter));
    }
    out.add(m >= 7 ? new Period("상반기", y + "H1") : new Period("지난해 하반기", (y - 1) + "H2"));
    if (m >= 3) {
      out.add(new Period("1~" + (m - 1) + "월 누적", String.format("%d-01..%d-%02d", y, y, m - 1)));
    }
    out.add(
        m == 1
            ? new Period("지난달", (y - 1) + "-12")
            : new Period("지난달", String.format("%d-%02d", y, m - 1)));
    return out;
  }

  private static <T> T pick(List<T> list, SplittableRandom rng) {
    return list.get(rng.nextInt(list.size()));
  }
}
