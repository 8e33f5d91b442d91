package org.sectortrends.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JosaTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      삼성전자                | 은   | 삼성전자는
      금융권                  | 는   | 금융권은
      SK하이닉스              | 이   | SK하이닉스가
      현대차                  | 가   | 현대차가
      2조 원                  | 를   | 2조 원을
      13.2%                   | 을   | 13.2%를
      1,200명                 | 가   | 1,200명이
      KT                      | 은   | KT는
      LG CNS                  | 은   | LG CNS는
      HLB                     | 과   | HLB와
      S-Oil                   | 으로 | S-Oil로
      서울                    | 으로 | 서울로
      3천800억 원             | 로   | 3천800억 원으로
      두 배                   | 으로 | 두 배로
      고대역폭메모리(HBM)     | 을   | 고대역폭메모리(HBM)를
      2천478억 위안(약 51조 원) | 으로 | 2천478억 위안(약 51조 원)으로
      1                       | 을   | 1을
      10                      | 가   | 10이
      2                       | 을   | 2를
      1.5                     | 로   | 1.5로
      1.6                     | 로   | 1.6으로
      반도체 업계             | 의   | 반도체 업계의
      """)
  void choosesTheFormThatFollowsTheWord(String word, String particle, String expected) {
    assertEquals(expected, Josa.attach(word, particle));
  }
}
