package org.sectortrends.text;

import java.util.EnumSet;
import java.util.Set;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps the Nori tokens that can carry a topic and drops everything else.
 *
 * <p>A token survives when its part of speech is one of {@link #TOPIC_TAGS} (general noun NNG,
 * proper noun NNP, foreign word SL, Chinese character SH), it is not an inflected verb form, and
 * its shape looks like a word: it contains a letter, and a Latin token has at least two characters.
 * Numbers (SN), numerals (NR), counters (NNBC), dependent nouns (NNB such as 것, 수), pronouns,
 * verbs, adjectives, particles, endings, affixes and symbols are dropped.
 *
 * <p>Examples: {@code 삼성전자/NNP} kept, {@code 반도체/NNG} kept, {@code HBM/SL} kept, {@code 北/NNG}
 * kept, {@code 3/SN} dropped, {@code 천억/NR} dropped, {@code 것/NNB} dropped, {@code G/SL} (from
 * {@code 5G} without a dictionary entry) dropped.
 *
 * <p>Known weaknesses: Nori tags unknown Hangul words as NNG/NNP guesses, so misspellings and
 * fragments of unknown names pass; verbs and adjectives that carry meaning (오르다, 급락하다) are lost
 * unless their noun stem (급락) stands alone, which it does for the frequent 하다-verbs.
 */
public final class TopicTermFilter extends FilteringTokenFilter {

  /** Parts of speech that name things and therefore make topics. */
  public static final Set<POS.Tag> TOPIC_TAGS =
      EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH);

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PartOfSpeechAttribute pos = addAttribute(PartOfSpeechAttribute.class);
  private final Set<POS.Tag> tags;

  public TopicTermFilter(TokenStream input) {
    this(input, TOPIC_TAGS);
  }

  /** Keeps the tokens whose part of speech is in {@code tags}; for measuring other tag sets. */
  public TopicTermFilter(TokenStream input, Set<POS.Tag> tags) {
    super(input);
    if (tags == null || tags.isEmpty()) {
      throw new IllegalArgumentException("tags must not be empty: " + tags);
    }
    this.tags = EnumSet.copyOf(tags);
  }

  @Override
  protected boolean accept() {
    POS.Tag tag = pos.getLeftPOS();
    if (tag == null || !tags.contains(tag) || pos.getPOSType() == POS.Type.INFLECT) {
      return false;
    }
    if (!containsLetter(term)) {
      return false;
    }
    // A lone Latin letter is nearly always the tail of a model number (5G -> 5 + G).
    return tag != POS.Tag.SL || term.length() >= 2;
  }

  private static boolean containsLetter(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
