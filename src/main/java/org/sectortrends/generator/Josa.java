package org.sectortrends.generator;

/**
 * Chooses the form of a Korean particle after a word: {@code 은/는}, {@code 이/가}, {@code 을/를}, {@code
 * 과/와}, {@code 으로/로}. The choice follows how the word's last character is read aloud, so it also
 * works after figures and Latin names: {@code 삼성전자는}, {@code 2조 원을}, {@code 13.2%를} (퍼센트), {@code
 * 1,200명이}, {@code KT는} (티), {@code LG CNS는} (에스), {@code 3천800억 원으로}, {@code 서울로} (ㄹ takes 로).
 *
 * <p>A parenthetical at the end is skipped, as newspapers attach the particle to the word before
 * it: {@code 고대역폭메모리(HBM)를}.
 *
 * <p>Known weaknesses: a number is read by its last non-zero place ({@code 10} 십, {@code 100} 백,
 * {@code 1000} 천, {@code 10000} 만) which misses rarer readings; English words are read letter by
 * letter ({@code Oil} ends in 엘).
 */
public final class Josa {

  /** No final consonant. */
  private static final int NONE = 0;

  /** A final consonant other than ㄹ. */
  private static final int CONSONANT = 1;

  /** The final consonant ㄹ, which takes 로 rather than 으로. */
  private static final int RIEUL = 2;

  /** Readings of the digits 0-9: 영 일 이 삼 사 오 육 칠 팔 구. */
  private static final int[] DIGIT = {
    CONSONANT, RIEUL, NONE, CONSONANT, NONE, NONE, CONSONANT, RIEUL, RIEUL, NONE
  };

  private Josa() {}

  /**
   * Appends the particle's right form to {@code word}.
   *
   * @param particle either form of a supported particle ({@code 은}, {@code 는}, {@code 이}, {@code
   *     가}, {@code 을}, {@code 를}, {@code 과}, {@code 와}, {@code 으로}, {@code 로}); any other particle
   *     ({@code 의}, {@code 에}, {@code 도}) is appended as it is
   */
  public static String attach(String word, String particle) {
    return word + form(word, particle);
  }

  /** The form of {@code particle} that follows {@code word}. */
  public static String form(String word, String particle) {
    int ending = ending(word);
    return switch (particle) {
      case "은", "는" -> ending == NONE ? "는" : "은";
      case "이", "가" -> ending == NONE ? "가" : "이";
      case "을", "를" -> ending == NONE ? "를" : "을";
      case "과", "와" -> ending == NONE ? "와" : "과";
      case "으로", "로" -> ending == CONSONANT ? "으로" : "로";
      default -> particle;
    };
  }

  private static int ending(String word) {
    String w = word.strip();
    if (w.endsWith(")")) {
      int open = w.lastIndexOf('(');
      if (open > 0) {
        w = w.substring(0, open).strip();
      }
    }
    if (w.isEmpty()) {
      return NONE;
    }
    char last = w.charAt(w.length() - 1);
    if (last >= '가' && last <= '힣') {
      int jong = (last - '가') % 28;
      return jong == 0 ? NONE : jong == 8 ? RIEUL : CONSONANT;
    }
    if (last >= '0' && last <= '9') {
      return numberEnding(w);
    }
    if (last == '%') {
      return NONE;
    }
    char upper = Character.toUpperCase(last);
    if (upper >= 'A' && upper <= 'Z') {
      return switch (upper) {
        case 'L', 'R' -> RIEUL;
        case 'M', 'N' -> CONSONANT;
        default -> NONE;
      };
    }
    return NONE;
  }

  private static int numberEnding(String w) {
    int end = w.length();
    int zeros = 0;
    int i = end - 1;
    for (; i >= 0; i--) {
      char c = w.charAt(i);
      if (c == ',') {
        continue;
      }
      if (c != '0') {
        break;
      }
      zeros++;
    }
    if (i < 0 || !Character.isDigit(w.charAt(i))) {
      return CONSONANT; // "0" alone: 영
    }
    if (i > 0 && w.charAt(i - 1) == '.') {
      zeros = 0; // "1.50" reads the decimal digits
    }
    return switch (zeros) {
      case 0 -> DIGIT[w.charAt(i) - '0'];
      case 1, 2, 3 -> CONSONANT; // 십, 백, 천
      default -> CONSONANT; // 만 and above
    };
  }
}
