package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommonWordsTest {

  @ParameterizedTest(name = "{0}: common {1}, name {2}")
  @CsvSource({
    "규제, true, false",
    "송출객, true, false",
    "관리재정수지, true, false",
    "보급률, true, false",
    "중국, false, true",
    "애플, false, true",
    "SK하이닉스, false, true",
    "걸맞, false, false",
    "'', false, false"
  })
  void tellsOrdinaryWordsFromNames(String phrase, boolean common, boolean name) {
    assertEquals(common, CommonWords.isCommon(phrase), "isCommon");
    assertEquals(name, CommonWords.hasName(phrase), "hasName");
  }
}
