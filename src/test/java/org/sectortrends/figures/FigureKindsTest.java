package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forecast and band classification of figures, on sentences of our own. */
class FigureKindsTest {

  private static final FigureExtractor EXTRACTOR = FigureExtractor.defaults();

  private static Figure figure(String text, String surface) {
    List<Figure> figures = EXTRACTOR.extract(text, LocalDate.of(2025, 11, 26));
    return figures.stream()
        .filter(f -> f.surface().equals(surface))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no figure '"
                        + surface
                        + "' in "
                        + figures.stream().map(Figure::surface).toList()));
  }

  @ParameterizedTest(name = "{1} in {0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "가나전자의 영업이익은 3조 원으로 전망된다.|3조 원|true",
        "증권가는 가나전자의 올해 매출이 40조 원에 이를 것으로 예상했다.|40조 원|true",
        "올해 매출 목표는 12조 원이다.|12조 원|true",
        "시장 컨센서스는 5천억 원이다.|5천억 원|true",
        "회사는 내년 매출 가이던스로 20억 달러를 제시했다.|20억 달러|true",
        "공장은 2027년까지 2조 원을 들여 지을 예정이다.|2조 원|true",
        "업계는 시장 규모를 300억 달러로 추정했다.|300억 달러|true",
        "올해 설비투자는 1조 원을 웃돌 것으로 보인다.|1조 원|true",
        // yardsticks: the actual is not a forecast, the consensus in the parenthesis is
        "영업이익은 10조 원으로 시장 전망치(9조 원)를 웃돌았다.|10조 원|false",
        "영업이익은 10조 원으로 시장 전망치(9조 원)를 웃돌았다.|9조 원|true",
        "영업이익은 10조 원으로 컨센서스인 9조 원을 웃돌았다.|10조 원|false",
        "영업이익은 10조 원으로 컨센서스인 9조 원을 웃돌았다.|9조 원|true",
        "매출은 5조 원으로 예상보다 많았다.|5조 원|false",
        // the clause decides: an actual and a forecast separated by a comma
        "3분기 매출은 5조 원을 기록했고, 4분기에는 6조 원이 예상된다.|5조 원|false",
        "3분기 매출은 5조 원을 기록했고, 4분기에는 6조 원이 예상된다.|6조 원|true",
        "3분기 매출은 2,478억 원으로 13.2% 늘었다.|2,478억 원|false",
        "다음 문장에 전망이 있다. 매출은 5조 원이었다.|5조 원|false",
      })
  void classifiesForecastsByClause(String text, String surface, boolean forecast) {
    Figure f = figure(text, surface);
    assertEquals(forecast, FigureKinds.isForecast(text, f.start(), f.end()), text);
  }

  @ParameterizedTest(name = "{1}: band {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "시장은 300조 원대로 커졌다.|300조 원대|true",
        "영업이익률은 20%대다.|20%대|true",
        "투자금은 1천여억 원이다.|1천여억 원|true",
        "손실은 수십억 원에 이른다.|수십억 원|true",
        "공장 5~6개를 짓는다.|5~6개|true",
        "매출은 약 3조 원이다.|약 3조 원|false",
        "매출은 3조 원이다.|3조 원|false",
        "전기차 5만 대를 팔았다.|5만 대|false",
      })
  void classifiesBandsBySurface(String text, String surface, boolean band) {
    Figure f = figure(text, surface);
    assertEquals(
        band,
        FigureKinds.isBand(f.surface(), f.qualifier(), f.counter(), f.rangeHigh() != null),
        text);
  }
}
