package org.sectortrends.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Pebble engines that render the report templates in {@code org/sectortrends/report/}.
 *
 * <p>Both engines escape every printed value by default: the HTML engine with Pebble's HTML
 * escaping (so {@code <script>} in an article prints as text), the Markdown engine with {@link
 * MarkdownEscaping}. Only the chart SVG, made by {@link ReportCharts} from escaped text, is printed
 * with {@code |raw}. Undefined variables fail the rendering instead of printing nothing ({@code
 * strictVariables}).
 *
 * <p>Filters: {@code count}, {@code share}, {@code points}, {@code changePct}, {@code decimal},
 * {@code won} — see {@link ReportFormats}; {@code metric} — the Korean label of a metric id ({@link
 * MetricLabels}).
 */
final class ReportTemplates {

  private static final String PREFIX = "org/sectortrends/report/";

  private ReportTemplates() {}

  static PebbleEngine html() {
    return builder().defaultEscapingStrategy("html").build();
  }

  static PebbleEngine markdown() {
    return builder()
        .addEscapingStrategy("markdown", MarkdownEscaping::escape)
        .defaultEscapingStrategy("markdown")
        .build();
  }

  private static PebbleEngine.Builder builder() {
    ClasspathLoader loader = new ClasspathLoader(ReportTemplates.class.getClassLoader());
    loader.setPrefix(PREFIX);
    loader.setCharset("UTF-8");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .strictVariables(true)
        .newLineTrimming(true)
        .defaultLocale(Locale.ROOT)
        .extension(new FormatExtension());
  }

  static String render(PebbleEngine engine, String template, Map<String, Object> context) {
    PebbleTemplate compiled = engine.getTemplate(template);
    StringWriter out = new StringWriter();
    try {
      compiled.evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render " + template, e);
    }
    return out.toString();
  }

  /** The {@link ReportFormats} functions as Pebble filters. */
  private static final class FormatExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      Map<String, Filter> filters = new HashMap<>();
      filters.put("count", filter(v -> ReportFormats.count((Number) v)));
      filters.put("share", filter(v -> ReportFormats.share((Number) v)));
      filters.put("points", filter(v -> ReportFormats.points((Number) v)));
      filters.put("changePct", filter(v -> ReportFormats.changePct((Number) v)));
      filters.put("decimal", filter(v -> ReportFormats.decimal((Number) v)));
      filters.put("won", filter(v -> ReportFormats.won((BigDecimal) v)));
      filters.put("metric", filter(v -> MetricLabels.label((String) v)));
      return filters;
    }

    private static Filter filter(Function<Object, String> format) {
      return new Filter() {
        @Override
        public Object apply(
            Object input,
            Map<String, Object> args,
            PebbleTemplate self,
            EvaluationContext context,
            int line) {
          return format.apply(input);
        }

        @Override
        public List<String> getArgumentNames() {
          return List.of();
        }
      };
    }
  }
}
