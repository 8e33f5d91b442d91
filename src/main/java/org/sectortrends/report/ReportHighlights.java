package org.sectortrends.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * "What changed since the previous period" in a few Korean sentences, from the report model alone:
 * the article volume, the sectors that rose and fell most, the leading topic and the strongest
 * emerging term. Without a previous period it says so instead of comparing.
 */
public final class ReportHighlights {

  private ReportHighlights() {}

  public static List<String> of(ReportModel model) {
    List<String> lines = new ArrayList<>();
    ReportModel.Headline headline = model.headline();
    ReportModel.PeriodCounts now = headline.current();
    if (headline.previous() == null) {
      lines.add("이전 기간(" + model.period().previous().label() + ")의 기사가 없어 변화는 비교하지 않았습니다.");
    } else {
      ReportModel.PeriodCounts before = headline.previous();
      String articles =
          "기사 수는 "
              + before.period()
              + " "
              + ReportFormats.count(before.articles())
              + "건에서 "
              + ReportFormats.count(now.articles())
              + "건으로 "
              + ReportFormats.changePct(headline.articleChangePct());
      if (model.outletsKnown() && before.outlets() > 0) {
        lines.add(
            articles
                + " 변했고, 매체 수는 "
                + ReportFormats.count(before.outlets())
                + "곳에서 "
                + ReportFormats.count(now.outlets())
                + "곳이 되었습니다.");
      } else {
        lines.add(articles + " 변했습니다.");
      }
    }
    List<ReportModel.SectorRow> changed =
        model.sectors().stream().filter(s -> s.shareChangePoints() != null).toList();
    Optional<ReportModel.SectorRow> rise =
        changed.stream().max(Comparator.comparingDouble(ReportModel.SectorRow::shareChangePoints));
    Optional<ReportModel.SectorRow> fall =
        changed.stream().min(Comparator.comparingDouble(ReportModel.SectorRow::shareChangePoints));
    if (rise.isPresent() && rise.get().shareChangePoints() > 0) {
      lines.add(
          "비중이 가장 많이 오른 섹터는 "
              + name(rise.get())
              + "("
              + ReportFormats.points(rise.get().shareChangePoints())
              + ", "
              + ReportFormats.share(rise.get().share())
              + ")입니다.");
    }
    if (fall.isPresent() && fall.get().shareChangePoints() < 0) {
      lines.add(
          "가장 많이 내린 섹터는 "
              + name(fall.get())
              + "("
              + ReportFormats.points(fall.get().shareChangePoints())
              + ", "
              + ReportFormats.share(fall.get().share())
              + ")입니다.");
    }
    if (!changed.isEmpty() && changed.stream().allMatch(s -> s.shareChangePoints() == 0.0)) {
      lines.add("섹터별 비중은 이전 기간과 같습니다.");
    }
    if (!model.topics().isEmpty()) {
      ReportModel.TopicRow top = model.topics().get(0);
      lines.add(
          "기사가 가장 많은 토픽은 '"
              + (top.label() == null ? "#" + top.topicId() : top.label())
              + "'("
              + ReportFormats.count(top.articleCount())
              + "건)입니다.");
    }
    if (!model.emergingTerms().isEmpty()) {
      ReportModel.TermRow term = model.emergingTerms().get(0);
      lines.add(
          "가장 두드러지게 떠오른 용어는 '"
              + term.term()
              + "'(기준 대비 "
              + ReportFormats.decimal(term.lift())
              + "배)입니다.");
    }
    return lines;
  }

  private static String name(ReportModel.SectorRow row) {
    return ReportCharts.displayName(row.name(), row.sector());
  }
}
