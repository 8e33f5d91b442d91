package org.sectortrends.generator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A sentence template of {@code generator/sentences.tsv}: literal text and slots such as
 * {@code {C|은}} (the article's company with its particle) or {@code {F:krw:revenue|을}} (a won
 * figure of the metric revenue). See the head of that file for every slot.
 *
 * @param category lead, fact, context, burst, quote, outlook or title, or a sector id for
 *     sector-specific facts
 * @param sectors the sectors it applies to; empty for all
 */
record Template(String category, Set<String> sectors, List<Part> parts) implements Serializable {

  /** A piece of a template. */
  sealed interface Part extends Serializable permits Literal, Slot, FigureSlot {}

  record Literal(String text) implements Part {}

  /**
   * A named slot.
   *
   * @param particle the particle to attach after the filled text, or null
   */
  record Slot(String name, String particle) implements Part {}

  /**
   * A figure.
   *
   * @param type krw, fx, pct ...
   * @param counter the counter or measure unit of count and qty types ({@code 명}, {@code GWh})
   * @param subjectSlot the slot that names the figure's subject: C, C2 or X
   */
  record FigureSlot(String type, String counter, String metric, String subjectSlot, String particle) implements Part {}

  private static final Set<String> SLOT_NAMES = Set.of("C", "C2", "X", "K", "K2", "O", "T", "B");

  /** Parses one template text; the message of a failure quotes the template. */
  static List<Part> parse(String text) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        parts.add(new Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Literal(text.substring(i, open)));
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("Unclosed slot in template: " + text);
      }
      parts.add(slot(text.substring(open + 1, close), text));
      i = close + 1;
    }
    return List.copyOf(parts);
  }

  private static Part slot(String spec, String template) {
    String particle = null;
    int bar = spec.indexOf('|');
    if (bar >= 0) {
      particle = spec.substring(bar + 1);
      spec = spec.substring(0, bar);
    }
    if (spec.startsWith("F:")) {
      String[] fields = spec.substring(2).split(":");
      if (fields.length != 2) {
        throw new IllegalArgumentException("A figure slot is F:type:metric: {" + spec + "} in " + template);
      }
      String type = fields[0];
      String counter = null;
      int slash = type.indexOf('/');
      if (slash >= 0) {
        counter = type.substring(slash + 1);
        type = type.substring(0, slash);
      }
      String metric = fields[1];
      String subject = "C";
      int at = metric.indexOf('@');
      if (at >= 0) {
        subject = metric.substring(at + 1);
        metric = metric.substring(0, at);
      }
      if (!Set.of("C", "C2", "X").contains(subject)) {
        throw new IllegalArgumentException("A figure's subject is C, C2 or X: {" + spec + "} in " + template);
      }
      return new FigureSlot(type, counter, metric, subject, particle);
    }
    if (!SLOT_NAMES.contains(spec)) {
      throw new IllegalArgumentException("Unknown slot {" + spec + "} in template: " + template);
    }
    return new Slot(spec, particle);
  }
}
