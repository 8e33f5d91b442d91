package org.sectortrends.figures;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Whether a phrase is made of ordinary words of Nori's dictionary only: {@code 규제}, {@code 송출객} (송출
 * + 객), {@code 관리재정수지}, {@code 보급률} (보급 + the suffix 률) are; {@code 중국}, {@code 애플}, {@code SK하이닉스}
 * (a proper noun or Latin letters) and {@code 서울시} are not.
 *
 * <p>The attributor reads subjects from particles and word shapes. A noun marked as the subject of
 * its clause ({@code 각국의 입국 규제가 풀리고}, {@code 송출객이 19만 명으로}) is often a thing, not the entity the
 * figures belong to; when the article has named an entity, such a word does not take its place.
 *
 * <p>Known weaknesses: Nori's dictionary tags many company names as common nouns ({@code 삼성전자},
 * {@code 카카오}, {@code 하나투어} as 하나 + 투어), so "not common" is evidence of a name but "common" is no
 * proof of a thing: callers ask the company directory and the headline first. Markets and
 * industries ({@code 택배 시장}) are common words that do own figures; callers keep them.
 *
 * <p>One tokenizer per thread, built on first use: the extractor is shared by the threads of an
 * executor.
 */
final class CommonWords {

  /** Parts of speech of ordinary vocabulary: common and bound nouns, affixes, numerals. */
  private static final Set<POS.Tag> ORDINARY =
      Set.of(
          POS.Tag.NNG, POS.Tag.NNB, POS.Tag.XSN, POS.Tag.XPN, POS.Tag.NR, POS.Tag.MM, POS.Tag.NP);

  private static final ThreadLocal<KoreanTokenizer> TOKENIZER =
      ThreadLocal.withInitial(
          () ->
              new KoreanTokenizer(
                  AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY,
                  null,
                  KoreanTokenizer.DecompoundMode.DISCARD,
                  false,
                  true));

  private CommonWords() {}

  /**
   * True when a morpheme of {@code phrase} is a proper noun or written in Latin or Chinese letters.
   */
  static boolean hasName(String phrase) {
    return (flags(phrase) & NAME) != 0;
  }

  /**
   * True when every morpheme of {@code phrase} is a common noun, a bound noun, a noun affix or a
   * numeral, and at least one is a common noun.
   */
  static boolean isCommon(String phrase) {
    return (flags(phrase) & COMMON) != 0;
  }

  /**
   * True when {@code phrase} ends in a verb, an adjective, a verbal ending or an adverb ({@code 비싼}
   * is 비싸 + ㄴ, {@code 올랐는데} is 오르 + 았 + 는데, {@code 매년}): never the name of an owner.
   */
  static boolean endsAsPredicate(String phrase) {
    return (flags(phrase) & PREDICATE) != 0;
  }

  /**
   * True when every morpheme of {@code phrase} is a verb, an adjective or their suffix or ending:
   * {@code 만드는} is 만들 + 는, {@code 키우는} 키우 + 는. A noun before the ending ({@code 미네랄스는}, which Nori
   * reads as 미네랄 + 슬 + 는) makes it false.
   */
  static boolean isVerbForm(String phrase) {
    return (flags(phrase) & VERB_FORM) != 0;
  }

  /**
   * The last morpheme of {@code word} when the word is two or more ordinary nouns and the last is a
   * common noun ({@code 유류비} is 유류 + 비, {@code 법인세} 법인 + 세); null for a single morpheme ({@code
   * 대비}, {@code 설비}) or any other part of speech.
   */
  static String lastNounMorpheme(String word) {
    return analysis(word).lastNoun();
  }

  private static final int NAME = 1;
  private static final int COMMON = 2;
  private static final int PREDICATE = 4;
  private static final int VERB_FORM = 8;

  private static final Set<POS.Tag> VERB_TAGS =
      Set.of(POS.Tag.VV, POS.Tag.VA, POS.Tag.VX, POS.Tag.XSV, POS.Tag.XSA, POS.Tag.E);

  /**
   * Parts of speech no owner ends in: verbs, adjectives, copulas, their suffixes and endings,
   * adverbs.
   */
  private static final Set<POS.Tag> PREDICATE_TAGS =
      Set.of(
          POS.Tag.VV,
          POS.Tag.VA,
          POS.Tag.VX,
          POS.Tag.VCP,
          POS.Tag.VCN,
          POS.Tag.XSV,
          POS.Tag.XSA,
          POS.Tag.E,
          // adverbs: 매년, 이미
          POS.Tag.MAG,
          POS.Tag.MAJ);

  /** Phrases repeat (company names, topics): the answers are kept per thread, up to this many. */
  private static final int CACHE_SIZE = 20_000;

  private static final ThreadLocal<Map<String, Analysis>> CACHE =
      ThreadLocal.withInitial(HashMap::new);

  /** What one tokenization of a phrase says: its flags and the last noun of a compound. */
  private record Analysis(int flags, String lastNoun) {}

  private static final Analysis NOTHING = new Analysis(0, null);

  private static int flags(String phrase) {
    return analysis(phrase).flags();
  }

  private static Analysis analysis(String phrase) {
    if (phrase == null || phrase.isBlank()) {
      return NOTHING;
    }
    Map<String, Analysis> cache = CACHE.get();
    Analysis cached = cache.get(phrase);
    if (cached != null) {
      return cached;
    }
    Analysis analysis = analyze(phrase);
    if (cache.size() >= CACHE_SIZE) {
      cache.clear();
    }
    cache.put(phrase, analysis);
    return analysis;
  }

  private static Analysis analyze(String phrase) {
    KoreanTokenizer tokenizer = TOKENIZER.get();
    PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
    CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    boolean name = false;
    boolean noun = false;
    boolean ordinary = true;
    boolean nounsOnly = true;
    boolean verbsOnly = true;
    int count = 0;
    String lastTerm = null;
    POS.Tag last = null;
    try {
      tokenizer.setReader(new StringReader(phrase));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        POS.Tag left = pos.getLeftPOS();
        POS.Tag right = pos.getRightPOS();
        name |= left == POS.Tag.NNP || left == POS.Tag.SL || left == POS.Tag.SH;
        if (!ORDINARY.contains(left) || !ORDINARY.contains(right)) {
          ordinary = false;
        }
        noun |= left == POS.Tag.NNG;
        verbsOnly &= VERB_TAGS.contains(left) && VERB_TAGS.contains(right);
        nounsOnly &= left == POS.Tag.NNG || left == POS.Tag.XSN;
        last = right;
        lastTerm = term.toString();
        count++;
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot tokenize " + phrase, e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    int flags =
        (name ? NAME : 0)
            | (ordinary && noun ? COMMON : 0)
            | (last != null && PREDICATE_TAGS.contains(last) ? PREDICATE : 0)
            | (count > 0 && verbsOnly ? VERB_FORM : 0);
    return new Analysis(flags, count >= 2 && nounsOnly ? lastTerm : null);
  }
}
