package org.sectortrends.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an article body while recording the code-point span of every figure appended to it, so
 * that the ground truth is exact by construction rather than found again by searching the text.
 */
final class BodyBuilder {

  private final StringBuilder text = new StringBuilder();
  private final List<TruthFigure> figures = new ArrayList<>();
  private int codePoints;

  BodyBuilder append(String piece) {
    text.append(piece);
    codePoints += piece.codePointCount(0, piece.length());
    return this;
  }

  /** Appends a figure's surface and records it; returns its index among the body's figures. */
  int figure(
      String surface,
      BigDecimal value,
      String unit,
      String counter,
      String qualifier,
      BigDecimal rangeHigh,
      String metric,
      String subject,
      String period,
      Integer conversionOf) {
    int start = codePoints;
    append(surface);
    int index = figures.size();
    figures.add(
        new TruthFigure(
            index,
            surface,
            start,
            codePoints,
            value,
            unit,
            counter,
            qualifier,
            rangeHigh,
            metric,
            subject,
            period,
            conversionOf));
    return index;
  }

  /** Appends another builder's text and figures, shifting their spans and indices. */
  BodyBuilder appendAll(BodyBuilder other) {
    int shift = codePoints;
    int indexShift = figures.size();
    for (TruthFigure f : other.figures) {
      figures.add(
          new TruthFigure(
              f.index() + indexShift,
              f.surface(),
              f.start() + shift,
              f.end() + shift,
              f.value(),
              f.unit(),
              f.counter(),
              f.qualifier(),
              f.rangeHigh(),
              f.metric(),
              f.subject(),
              f.period(),
              f.conversionOf() == null ? null : f.conversionOf() + indexShift));
    }
    text.append(other.text);
    codePoints += other.codePoints;
    return this;
  }

  int length() {
    return codePoints;
  }

  String text() {
    return text.toString();
  }

  List<TruthFigure> figures() {
    return List.copyOf(figures);
  }
}
