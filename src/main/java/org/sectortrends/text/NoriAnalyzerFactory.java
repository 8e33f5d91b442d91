package org.sectortrends.text;

import java.io.Reader;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;

/**
 * The one place where the project's Korean analysis chain is assembled.
 *
 * <p>Chain of {@link #topicAnalyzer(NoriResources)}:
 *
 * <ol>
 *   <li>{@link LowerCaseCharFilter} on the input, so that {@code HBM} and {@code hbm} are one term
 *       and user dictionary entries match in any case;
 *   <li>{@link KoreanTokenizer} with the project user dictionary, {@link #DECOMPOUND_MODE} ({@code
 *       NONE}), punctuation discarded, no unknown-word unigrams;
 *   <li>{@link TopicTermFilter}: nouns (NNG, NNP), foreign words (SL) and Chinese characters (SH)
 *       only, numbers and letterless tokens dropped;
 *   <li>{@link TermMapFilter}: variant spellings to one canonical term (美 -> 미국);
 *   <li>{@link StopFilter} with the project stopwords (news boilerplate such as 기자, 이날).
 * </ol>
 *
 * <p>Why {@code NONE}: Nori's dictionary stores many everyday words as compounds, and {@code
 * DISCARD} (the default of Lucene's {@code KoreanAnalyzer}) splits them into misleading parts: 반도체
 * becomes 반 + 도체, 자동차 becomes 자동 + 차, 국제통화기금 becomes 국제 + 통화 + 기금. Those parts collide with
 * unrelated words (통화 is both currency and phone call), which blurs topics. {@code MIXED} keeps
 * both the compound and its parts and so counts one mention several times. {@code NONE} emits each
 * compound once, whole; the user dictionary adds the compounds the system dictionary lacks (SK하이닉스,
 * 온디바이스AI, 공신부). Measured on 22,827 Yonhap headlines clustered into their 7 sections (cosine
 * k-means, two seeds): NMI 0.42 with {@code NONE}, 0.40 with {@code MIXED}, 0.41 with {@code
 * DISCARD}; the extra parts are mostly ambiguous single syllables. Adding XR roots to the tag set
 * also lowered NMI (0.39).
 *
 * <p>Example: {@code 공신부는 SK하이닉스의 HBM 3분기 실적을 발표했다} analyzes to {@code [공신부, sk하이닉스, hbm, 분기, 실적]}:
 * 발표 is a stopword, 3 is a number.
 *
 * <p>Analyzers are not serializable and cost tens of milliseconds to build (the user dictionary
 * FST); Spark code uses {@link TermExtractor#shared()} instead of calling this factory per row.
 *
 * <p>Known weaknesses: in {@code NONE} mode a compound and its head word are different terms
 * (국제통화기금 does not count as 기금); user dictionary entries are all plain nouns to Nori, so a
 * dictionary word glued to a following noun without a space can hide that noun.
 */
public final class NoriAnalyzerFactory {

  /** See the class comment for why compounds stay whole. */
  public static final KoreanTokenizer.DecompoundMode DECOMPOUND_MODE =
      KoreanTokenizer.DecompoundMode.NONE;

  private NoriAnalyzerFactory() {}

  /** The full chain that produces topic terms. */
  public static Analyzer topicAnalyzer(NoriResources resources) {
    return topicAnalyzer(resources, DECOMPOUND_MODE, TopicTermFilter.TOPIC_TAGS);
  }

  /**
   * The same chain with another decompound mode and part-of-speech set: the project uses {@link
   * #topicAnalyzer(NoriResources)}; this variant exists to measure alternatives.
   */
  public static Analyzer topicAnalyzer(
      NoriResources resources, KoreanTokenizer.DecompoundMode mode, Set<POS.Tag> tags) {
    if (mode == null) {
      throw new IllegalArgumentException("decompound mode must be set");
    }
    if (tags == null || tags.isEmpty()) {
      throw new IllegalArgumentException("tags must not be empty: " + tags);
    }
    UserDictionary dictionary = resources.userDictionary();
    CharArraySet stopwords = new CharArraySet(resources.stopwords(), false);
    java.util.Map<String, String> termMap = resources.termMap();
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        KoreanTokenizer tokenizer = newTokenizer(dictionary, mode);
        TokenStream stream = new TopicTermFilter(tokenizer, tags);
        stream = new TermMapFilter(stream, termMap);
        stream = new StopFilter(stream, stopwords);
        return new TokenStreamComponents(tokenizer, stream);
      }

      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new LowerCaseCharFilter(reader);
      }
    };
  }

  /**
   * The tokenizer alone, without any filter: the cost floor of the analysis, used to measure how
   * much the filters add.
   */
  public static Analyzer tokenizerOnly(NoriResources resources) {
    UserDictionary dictionary = resources.userDictionary();
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(newTokenizer(dictionary, DECOMPOUND_MODE));
      }

      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new LowerCaseCharFilter(reader);
      }
    };
  }

  private static KoreanTokenizer newTokenizer(
      UserDictionary dictionary, KoreanTokenizer.DecompoundMode mode) {
    return new KoreanTokenizer(
        TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
        dictionary,
        mode,
        false, // unknown Latin/Hangul runs stay whole instead of splitting into single characters
        true); // punctuation never makes a topic
  }
}
