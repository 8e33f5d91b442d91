package org.sectortrends.topics.eval;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Agreement between a clustering and gold classes: normalized mutual information (NMI) and purity,
 * from a contingency table of (cluster, gold class) counts.
 *
 * <p>NMI = I(C; G) / ((H(C) + H(G)) / 2), the arithmetic-mean normalization (scikit-learn's
 * default), natural logarithms; 1 means the clusters are the classes up to renaming, 0 means
 * independence. Purity = (1/N) * sum over clusters of the largest gold class in the cluster; it
 * grows with the number of clusters and is only comparable at equal k. When both labelings put
 * everything in one group, NMI is 1 by convention.
 *
 * <pre>{@code
 * ClusterAgreement a = new ClusterAgreement();
 * a.add(0, "경제", 120); a.add(0, "IT과학", 5); a.add(1, "스포츠", 98);
 * a.nmi(); a.purity();
 * ClusterAgreement.fromDataset(joined, "topic_id", "gold_section");  // Spark: counts, then local math
 * }</pre>
 *
 * <p>Known weaknesses: NMI rewards many small clusters slightly (adjusted mutual information
 * corrects for chance and is not computed here); rows whose cluster is the unassigned topic count
 * as one more cluster unless the caller filters them out.
 */
public final class ClusterAgreement {

  private final Map<Object, Map<Object, Long>> counts = new LinkedHashMap<>();
  private long total;

  /** Adds {@code n} items that are in {@code cluster} and belong to {@code gold}. */
  public ClusterAgreement add(Object cluster, Object gold, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative: " + n);
    }
    counts.computeIfAbsent(cluster, c -> new HashMap<>()).merge(gold, n, Long::sum);
    total += n;
    return this;
  }

  /** Counts (cluster, gold) pairs of two columns of a Dataset; null values form their own group. */
  public static ClusterAgreement fromDataset(
      Dataset<Row> rows, String clusterColumn, String goldColumn) {
    ClusterAgreement agreement = new ClusterAgreement();
    for (Row row : rows.groupBy(clusterColumn, goldColumn).count().collectAsList()) {
      agreement.add(String.valueOf(row.get(0)), String.valueOf(row.get(1)), row.getLong(2));
    }
    return agreement;
  }

  public long total() {
    return total;
  }

  public double purity() {
    requireItems();
    long majority = 0;
    for (Map<Object, Long> row : counts.values()) {
      majority += row.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
    return (double) majority / total;
  }

  public double nmi() {
    requireItems();
    Map<Object, Long> clusterSizes = new HashMap<>();
    Map<Object, Long> goldSizes = new HashMap<>();
    counts.forEach(
        (cluster, row) ->
            row.forEach(
                (gold, n) -> {
                  clusterSizes.merge(cluster, n, Long::sum);
                  goldSizes.merge(gold, n, Long::sum);
                }));
    double hClusters = entropy(clusterSizes);
    double hGold = entropy(goldSizes);
    if (hClusters == 0 && hGold == 0) {
      return 1.0;
    }
    double mutual = 0;
    for (Map.Entry<Object, Map<Object, Long>> row : counts.entrySet()) {
      for (Map.Entry<Object, Long> cell : row.getValue().entrySet()) {
        if (cell.getValue() == 0) {
          continue;
        }
        double joint = (double) cell.getValue() / total;
        double pCluster = (double) clusterSizes.get(row.getKey()) / total;
        double pGold = (double) goldSizes.get(cell.getKey()) / total;
        mutual += joint * Math.log(joint / (pCluster * pGold));
      }
    }
    return Math.max(0, mutual / ((hClusters + hGold) / 2));
  }

  private double entropy(Map<Object, Long> sizes) {
    double h = 0;
    for (long n : sizes.values()) {
      if (n > 0) {
        double p = (double) n / total;
        h -= p * Math.log(p);
      }
    }
    return h;
  }

  private void requireItems() {
    if (total == 0) {
      throw new IllegalStateException("No items counted; agreement is undefined");
    }
  }

  @Override
  public String toString() {
    return String.format("ClusterAgreement[n=%d, nmi=%.4f, purity=%.4f]", total, nmi(), purity());
  }
}
