package org.sectortrends.generator;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the sectors' shares of the news move over the generated period, so that the trend stages have
 * something true to find.
 *
 * <p>Each sector's weight moves linearly from its start weight to its end weight ({@code
 * sectors.tsv}; AI rises from 0.8 to 2.2, e-commerce falls from 1.2 to 0.7). On top, one two-week
 * burst per six months (at least one): a sector chosen from the seed gets {@value #BURST_FACTOR}
 * times its weight, and its articles in the burst speak of the sector's burst theme.
 */
public final class SectorSchedule implements Serializable {

  private static final long serialVersionUID = 1L;
  static final double BURST_FACTOR = 4.0;
  static final int BURST_DAYS = 14;

  /** A burst: the sector and its first and last day (inclusive), as day numbers from the start. */
  public record Burst(String sector, int firstDay, int lastDay, String theme)
      implements Serializable {}

  private final LocalDate start;
  private final int totalDays;
  private final String[] sectorIds;
  private final double[] startWeights;
  private final double[] endWeights;
  private final List<Burst> bursts;

  SectorSchedule(GeneratorSettings settings, Vocabulary vocabulary) {
    this.start = settings.startMonth().atDay(1);
    this.totalDays =
        (int)
            ChronoUnit.DAYS.between(
                start, settings.startMonth().plusMonths(settings.months()).atDay(1));
    int n = vocabulary.sectors.size();
    sectorIds = new String[n];
    startWeights = new double[n];
    endWeights = new double[n];
    for (int i = 0; i < n; i++) {
      Vocabulary.Sector s = vocabulary.sectors.get(i);
      sectorIds[i] = s.id();
      startWeights[i] = s.startWeight();
      endWeights[i] = s.endWeight();
    }
    SplittableRandom rng = new SplittableRandom(settings.seed() ^ 0x5EC7_0B05_7L);
    List<Burst> list = new ArrayList<>();
    int count = Math.max(1, settings.months() / 6);
    for (int b = 0; b < count; b++) {
      Vocabulary.Sector s = vocabulary.sectors.get(rng.nextInt(n));
      int first = totalDays <= BURST_DAYS ? 0 : rng.nextInt(totalDays - BURST_DAYS);
      list.add(
          new Burst(s.id(), first, Math.min(totalDays - 1, first + BURST_DAYS - 1), s.burst()));
    }
    this.bursts = List.copyOf(list);
  }

  public LocalDate start() {
    return start;
  }

  public int totalDays() {
    return totalDays;
  }

  public List<Burst> bursts() {
    return bursts;
  }

  /** The sector weight on a day, trend and bursts included. */
  public double weight(int sectorIndex, int day) {
    double t = totalDays <= 1 ? 0 : (double) day / (totalDays - 1);
    double w =
        startWeights[sectorIndex] + (endWeights[sectorIndex] - startWeights[sectorIndex]) * t;
    return inBurst(sectorIds[sectorIndex], day) ? w * BURST_FACTOR : w;
  }

  public boolean inBurst(String sector, int day) {
    for (Burst b : bursts) {
      if (b.sector().equals(sector) && day >= b.firstDay() && day <= b.lastDay()) {
        return true;
      }
    }
    return false;
  }

  /** Draws a sector for an article published on {@code day}. */
  String sample(int day, SplittableRandom rng) {
    double total = 0;
    for (int i = 0; i < sectorIds.length; i++) {
      total += weight(i, day);
    }
    double r = rng.nextDouble() * total;
    for (int i = 0; i < sectorIds.length; i++) {
      r -= weight(i, day);
      if (r < 0) {
        return sectorIds[i];
      }
    }
    return sectorIds[sectorIds.length - 1];
  }
}
