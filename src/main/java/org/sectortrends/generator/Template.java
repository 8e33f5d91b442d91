package org.sectortrends.generator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A sentence template of {@code generator/sentences.tsv}: literal text and slots such as {@code
 * {C|은}} (the article's company with its particle) or {@code {F:krw:revenue|을}} (a won figure of
 * the metric revenue). See the head of that file for every slot.
 *
 * @param category lead, fact, context, burst, quote, outlook or title, or a sector id for
 *     sector-specific facts
 * @param sectors the sectors it applies to; empty for all
 */
record Template(String category, Set<String> sectors, List<Part> parts) implements Serializable {

  /** A piece of a template. */
  sealed interface Part extends Serializable permits Literal, Choice, Slot, FigureSlot {}

  record Literal(String text) implements Part {}

  /** One of several wordings, drawn per sentence: {@code [밝혔다|전했다]} in a template. */
  record Choice(List<String> options) implements Part {}

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
  record FigureSlot(String type, String counter, String metric, String subjectSlot, String particle)
      implements Part {}

  private static final Set<String> SLOT_NAMES =
      Set.of("C", "C2", "X", "K", "K2", "O", "T", "B", "D", "P", "N", "R");

  /**
   * Parses one template text; every occurrence of a phrase of {@code synonyms} becomes a {@link
   * Choice}. The message of a failure quotes the template.
   */
  static List<Part> parse(String text, java.util.Map<String, List<String>> synonyms) {
    List<Part> parts = new ArrayList<>();
    for (Part part : parse(text)) {
      if (part instanceof Literal l) {
        splitSynonyms(l.text(), synonyms, parts);
      } else {
        parts.add(part);
      }
    }
    return List.copyOf(parts);
  }

  private static void splitSynonyms(
      String text, java.util.Map<String, List<String>> synonyms, List<Part> out) {
    int i = 0;
    int literalStart = 0;
    while (i < text.length()) {
      String match = null;
      for (String phrase : synonyms.keySet()) {
        if (text.startsWith(phrase, i) && (match == null || phrase.length() > match.length())) {
          match = phrase;
        }
      }
      if (match == null) {
        i++;
        continue;
      }
      if (i > literalStart) {
        out.add(new Literal(text.substring(literalStart, i)));
      }
      out.add(new Choice(synonyms.get(match)));
      i += match.length();
      literalStart = i;
    }
    if (literalStart < text.length()) {
      out.add(new Literal(text.substring(literalStart)));
    }
  }

  /** Parses one template text without synonyms; {@code [a|b]} gives a {@link Choice}. */
  static List<Part> parse(String text) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int brace = text.indexOf('{', i);
      int bracket = text.indexOf('[', i);
      int open = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
      if (open < 0) {
        parts.add(new Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Literal(text.substring(i, open)));
      }
      boolean choice = text.charAt(open) == '[';
      int close = text.indexOf(choice ? ']' : '}', open);
      if (close < 0) {
        throw new IllegalArgumentException(
            "Unclosed " + (choice ? "choice" : "slot") + " in template: " + text);
      }
      String inner = text.substring(open + 1, close);
      parts.add(choice ? new Choice(List.of(inner.split("\\|", -1))) : slot(inner, text));
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
        throw new IllegalArgumentException(
            "A figure slot is F:type:metric: {" + spec + "} in " + template);
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
        throw new IllegalArgumentException(
            "A figure's subject is C, C2 or X: {" + spec + "} in " + template);
      }
      return new FigureSlot(type, counter, metric, subject, particle);
    }
    if (!SLOT_NAMES.contains(spec)) {
      throw new IllegalArgumentException("Unknown slot {" + spec + "} in template: " + template);
    }
    return new Slot(spec, particle);
  }
}
