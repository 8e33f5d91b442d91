package org.sectortrends.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the clusters of a newly fitted model to the topics of the previous one, so that topic ids
 * (and their labels) survive a retraining.
 *
 * <p>Two fits have different vocabularies, so centroids are compared as term → weight maps: the
 * cosine similarity over the union of their terms. Pairs are taken greedily from the most similar
 * down, each cluster and each old topic at most once, while the similarity is at least the
 * threshold. Greedy matching is optimal when each new cluster has one clearly best old topic, which
 * is the case that matters for id stability; with many near-ties it can differ from a full
 * assignment solver.
 */
public final class TopicMatcher {

  private TopicMatcher() {}

  /** A matched pair and its similarity. */
  public record Match(int newCluster, int oldTopicId, double similarity) {}

  /** Term weights of each cluster centroid of a model (cluster index → term → weight). */
  public static List<Map<String, Double>> centroidTerms(String[] vocabulary, double[][] centroids) {
    List<Map<String, Double>> out = new ArrayList<>(centroids.length);
    for (double[] centroid : centroids) {
      Map<String, Double> terms = new HashMap<>();
      for (int i = 0; i < centroid.length; i++) {
        if (centroid[i] != 0) {
          terms.put(vocabulary[i], centroid[i]);
        }
      }
      out.add(terms);
    }
    return out;
  }

  public static double cosine(Map<String, Double> a, Map<String, Double> b) {
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double other = b.get(e.getKey());
      if (other != null) {
        dot += e.getValue() * other;
      }
    }
    double na = norm(a);
    double nb = norm(b);
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }

  private static double norm(Map<String, Double> v) {
    double sum = 0;
    for (double x : v.values()) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  /**
   * Greedy matching of new clusters (by index) to old topics (by id).
   *
   * @param fresh term weights of each new cluster, by cluster index
   * @param previous term weights of each old topic, by topic id
   */
  public static List<Match> match(
      List<Map<String, Double>> fresh,
      Map<Integer, Map<String, Double>> previous,
      double threshold) {
    List<Match> candidates = new ArrayList<>();
    for (int cluster = 0; cluster < fresh.size(); cluster++) {
      for (Map.Entry<Integer, Map<String, Double>> old : previous.entrySet()) {
        double similarity = cosine(fresh.get(cluster), old.getValue());
        if (similarity >= threshold) {
          candidates.add(new Match(cluster, old.getKey(), similarity));
        }
      }
    }
    candidates.sort(
        Comparator.comparingDouble(Match::similarity)
            .reversed()
            .thenComparingInt(Match::newCluster)
            .thenComparingInt(Match::oldTopicId));
    Set<Integer> usedClusters = new HashSet<>();
    Set<Integer> usedTopics = new HashSet<>();
    List<Match> matches = new ArrayList<>();
    for (Match m : candidates) {
      if (usedClusters.add(m.newCluster())) {
        if (usedTopics.add(m.oldTopicId())) {
          matches.add(m);
        } else {
          usedClusters.remove(m.newCluster());
        }
      }
    }
    return matches;
  }
}
