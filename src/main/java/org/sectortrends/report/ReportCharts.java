package org.sectortrends.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart onto JFreeSVG's {@code Graphics2D} and returned as
 * inline {@code <svg>} elements: no image files, no scripts, so the report stays one file that
 * opens offline.
 *
 * <p>Text in the charts (sector names, topic labels, terms) comes from the data; JFreeSVG writes it
 * as XML-escaped {@code <text>} content, so a label such as {@code <script>} stays text (a unit
 * test holds this, since the SVG is inserted into the page unescaped). Fonts: the SVG asks the
 * browser for a CJK font stack ({@link #FONT_STACK}); label widths are measured by Java with its
 * own fonts, so on a JVM without CJK fonts long Hangul labels may be placed a little off.
 *
 * <p>A chart without data is not drawn: each method returns null, and the page says why.
 */
public final class ReportCharts {

  /**
   * Font families the browser tries for chart and page text, Hangul first. Unquoted (valid CSS for
   * names made of plain words): JFreeSVG writes it into single-quoted style attributes, and the
   * page puts it into its style sheet, where quotes would need escaping.
   */
  public static final String FONT_STACK =
      "Noto Sans CJK KR, Noto Sans KR, Apple SD Gothic Neo, Malgun Gothic, NanumGothic, sans-serif";

  /**
   * One drawn chart: an id unique in the page, the SVG element and the number of values it shows.
   */
  public record Chart(String id, String svg, int values) {}

  /** Colour-blind safe palette (Okabe–Ito, then muted extras) for up to twelve series. */
  static final Color[] PALETTE = {
    new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9),
    new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999), new Color(0x332288),
        new Color(0x88CCEE),
    new Color(0x117733), new Color(0xAA4499)
  };

  private static final Color RISE = new Color(0x009E73);
  private static final Color FALL = new Color(0xD55E00);

  /**
   * The font Java measures label widths with: the first family of {@link #FONT_STACK} installed
   * here (Debian: fonts-noto-cjk), so that Hangul labels measure as wide as the browser draws them.
   */
  static final String MEASURING_FAMILY = measuringFamily();

  private static final Font TEXT = new Font(MEASURING_FAMILY, Font.PLAIN, 12);
  private static final Font SMALL = new Font(MEASURING_FAMILY, Font.PLAIN, 11);

  /** More sectors than this are folded into one "그 외" band in the share chart. */
  static final int MAX_SHARE_SERIES = 10;

  static final String OTHERS = "그 외";

  private ReportCharts() {}

  private static String measuringFamily() {
    // Charts are drawn on servers without a display.
    System.setProperty("java.awt.headless", "true");
    Set<String> installed =
        Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    for (String family :
        List.of(
            "Noto Sans CJK KR",
            "Noto Sans KR",
            "Apple SD Gothic Neo",
            "Malgun Gothic",
            "NanumGothic")) {
      if (installed.contains(family)) {
        return family;
      }
    }
    return Font.SANS_SERIF;
  }

  /** Stacked bars of every sector's share of articles in the trailing periods. */
  public static Chart sectorShares(List<String> periods, List<ReportModel.SectorSeries> series) {
    if (periods.isEmpty() || series.isEmpty()) {
      return null;
    }
    List<ReportModel.SectorSeries> ordered = new ArrayList<>(series);
    int last = periods.size() - 1;
    ordered.sort(
        Comparator.comparingDouble((ReportModel.SectorSeries s) -> -s.shares().get(last))
            .thenComparing(s -> s.sector()));
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int values = 0;
    double[] others = new double[periods.size()];
    boolean hasOthers = false;
    for (int i = 0; i < ordered.size(); i++) {
      ReportModel.SectorSeries s = ordered.get(i);
      for (int p = 0; p < periods.size(); p++) {
        double percent = 100 * s.shares().get(p);
        if (i < MAX_SHARE_SERIES - 1 || ordered.size() == MAX_SHARE_SERIES) {
          data.addValue(percent, label(s), periods.get(p));
          values += percent > 0 ? 1 : 0;
        } else {
          others[p] += percent;
          hasOthers = true;
        }
      }
    }
    if (hasOthers) {
      for (int p = 0; p < periods.size(); p++) {
        data.addValue(others[p], OTHERS, periods.get(p));
        values += others[p] > 0 ? 1 : 0;
      }
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            null, null, "기사 비중 (%)", data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = style(chart);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setRange(0, 100);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    renderer.setMaximumBarWidth(0.08);
    if (periods.size() > 6) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return draw("chart-sector-shares", chart, 860, 420, values);
  }

  /** Horizontal bars of the largest rises and falls in share (percentage points). */
  public static Chart sectorMovers(List<ReportModel.SectorRow> sectors, int perSide) {
    List<ReportModel.SectorRow> changed =
        sectors.stream().filter(s -> s.shareChangePoints() != null).toList();
    if (changed.isEmpty()) {
      return null;
    }
    List<ReportModel.SectorRow> byChange = new ArrayList<>(changed);
    byChange.sort(
        Comparator.comparingDouble((ReportModel.SectorRow s) -> -s.shareChangePoints())
            .thenComparing(s -> s.sector()));
    Set<ReportModel.SectorRow> shown = new LinkedHashSet<>();
    for (ReportModel.SectorRow s : byChange.subList(0, Math.min(perSide, byChange.size()))) {
      if (s.shareChangePoints() > 0) {
        shown.add(s);
      }
    }
    List<ReportModel.SectorRow> falls =
        new ArrayList<>(byChange.subList(Math.max(0, byChange.size() - perSide), byChange.size()));
    for (ReportModel.SectorRow s : falls) {
      if (s.shareChangePoints() < 0) {
        shown.add(s);
      }
    }
    if (shown.isEmpty()) {
      return null;
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Double> changes = new ArrayList<>();
    for (ReportModel.SectorRow s : shown) {
      data.addValue(s.shareChangePoints(), "비중 변화 (%p)", displayName(s.name(), s.sector()));
      changes.add(s.shareChangePoints());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, "비중 변화 (%p)", data, PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = style(chart);
    plot.setRenderer(new SignedBarRenderer(changes));
    styleBars((BarRenderer) plot.getRenderer());
    return draw("chart-sector-movers", chart, 860, 60 + 34 * shown.size(), shown.size());
  }

  /** Horizontal bars of the topics with the most articles. */
  public static Chart topTopics(List<ReportModel.TopicRow> topics) {
    if (topics.isEmpty()) {
      return null;
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ReportModel.TopicRow t : topics) {
      data.addValue(
          t.articleCount(),
          "기사 수",
          shorten("#" + t.topicId() + " " + (t.label() == null ? "" : t.label()), 40));
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, "기사 수", data, PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = style(chart);
    styleBars((BarRenderer) plot.getRenderer());
    ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, PALETTE[0]);
    plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return draw("chart-topics", chart, 860, 60 + 30 * topics.size(), topics.size());
  }

  /** Horizontal bars of the emerging terms' lift over their baseline. */
  public static Chart emergingTerms(List<ReportModel.TermRow> terms) {
    List<ReportModel.TermRow> withLift =
        terms.stream().filter(t -> t.lift() != null && Double.isFinite(t.lift())).toList();
    if (withLift.isEmpty()) {
      return null;
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ReportModel.TermRow t : withLift) {
      data.addValue(t.lift(), "기준 대비 배율", shorten(t.term(), 30));
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            null,
            null,
            "기준 기간 대비 배율 (lift)",
            data,
            PlotOrientation.HORIZONTAL,
            false,
            false,
            false);
    CategoryPlot plot = style(chart);
    styleBars((BarRenderer) plot.getRenderer());
    ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, PALETTE[1]);
    return draw("chart-terms", chart, 860, 60 + 28 * withLift.size(), withLift.size());
  }

  /** Grouped bars of a metric in won (trillions) per company and reported period. */
  public static Chart companyRevenue(List<ReportModel.MetricPoint> points) {
    List<ReportModel.MetricPoint> known =
        points.stream().filter(p -> p.valueKrw() != null).toList();
    if (known.isEmpty()) {
      return null;
    }
    Map<String, Map<String, BigDecimal>> byCompany = new LinkedHashMap<>();
    Set<String> periods = new java.util.TreeSet<>();
    for (ReportModel.MetricPoint p : known) {
      byCompany
          .computeIfAbsent(p.company(), c -> new LinkedHashMap<>())
          .put(p.reportedPeriod(), p.valueKrw());
      periods.add(p.reportedPeriod());
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, Map<String, BigDecimal>> company : byCompany.entrySet()) {
      for (String period : periods) {
        BigDecimal value = company.getValue().get(period);
        data.addValue(
            value == null ? null : ReportFormats.trillions(value), company.getKey(), period);
      }
    }
    // The unit (조 원) is in the section heading: a rotated Hangul axis label is hard to read.
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, null, data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = style(chart);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    styleBars(renderer);
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    renderer.setItemMargin(0.05);
    return draw("chart-company-revenue", chart, 860, 380, known.size());
  }

  /** Bars coloured by the sign of their value: rises green, falls orange. */
  private static final class SignedBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final List<Double> values;

    SignedBarRenderer(List<Double> values) {
      this.values = List.copyOf(values);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      return values.get(column) >= 0 ? RISE : FALL;
    }
  }

  private static CategoryPlot style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    plot.setDomainGridlinesVisible(false);
    CategoryAxis domain = plot.getDomainAxis();
    domain.setTickLabelFont(SMALL);
    domain.setLabelFont(TEXT);
    domain.setMaximumCategoryLabelWidthRatio(0.45f);
    domain.setCategoryMargin(0.15);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setTickLabelFont(SMALL);
    range.setLabelFont(TEXT);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(SMALL);
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    if (plot.getRenderer() instanceof BarRenderer bars) {
      styleBars(bars);
    }
    // The value axis goes left of vertical bars and below horizontal ones, where readers look for
    // it.
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    return plot;
  }

  private static void styleBars(BarRenderer renderer) {
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
  }

  private static Chart draw(String id, JFreeChart chart, int width, int height, int values) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    // Several charts share one page: their clip paths and gradients need distinct ids.
    g2.setDefsKeyPrefix(id + "-");
    g2.setFontFunction(family -> FONT_STACK);
    chart.draw(g2, new Rectangle(0, 0, width, height));
    String svg =
        g2.getSVGElement(
            id,
            false,
            new ViewBox(0, 0, width, height),
            PreserveAspectRatio.XMID_YMID,
            MeetOrSlice.MEET);
    return new Chart(id, svg, values);
  }

  private static String label(ReportModel.SectorSeries s) {
    return displayName(s.name(), s.sector());
  }

  static String displayName(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.codePointCount(0, text.length()) <= max
        ? text
        : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
