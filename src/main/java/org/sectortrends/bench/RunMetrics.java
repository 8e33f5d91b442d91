package org.sectortrends.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Measures a stretch of a benchmark run: shuffle bytes written by its tasks (a listener summing
 * task metrics) and the driver heap (a thread sampling it every {@value #SAMPLE_MILLIS} ms).
 *
 * <p>Two heap figures: {@code heapPeakMb}, the largest heap in use at any sample (garbage included,
 * so it depends on -Xmx and the collector), and {@code liveHeapPeakMb}, the largest heap left after
 * a collection (the pools' collection usage), which is what the driver really keeps. With a local
 * master the executors run in the driver's JVM, so both include the tasks' memory.
 */
public final class RunMetrics implements AutoCloseable {

  static final int SAMPLE_MILLIS = 20;

  private final SparkSession spark;
  private final LongAdder shuffleBytes = new LongAdder();
  private final AtomicLong heapPeak = new AtomicLong();
  private final AtomicLong livePeak = new AtomicLong();
  private final AtomicLong overallHeapPeak = new AtomicLong();
  private final AtomicLong overallLivePeak = new AtomicLong();
  private final SparkListener listener;
  private final Thread sampler;
  private volatile boolean running = true;

  public RunMetrics(SparkSession spark) {
    this.spark = spark;
    this.listener =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            TaskMetrics metrics = end.taskMetrics();
            if (metrics != null) {
              shuffleBytes.add(metrics.shuffleWriteMetrics().bytesWritten());
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    this.sampler =
        new Thread(
            () -> {
              while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                heapPeak.accumulateAndGet(used, Math::max);
                overallHeapPeak.accumulateAndGet(used, Math::max);
                long live = 0;
                for (MemoryPoolMXBean pool : heapPools) {
                  MemoryUsage afterGc = pool.getCollectionUsage();
                  live += afterGc == null ? 0 : afterGc.getUsed();
                }
                livePeak.accumulateAndGet(live, Math::max);
                overallLivePeak.accumulateAndGet(live, Math::max);
                try {
                  Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** A snapshot of the counters, for differences between stages. */
  public record Snapshot(long shuffleBytes, long heapPeakBytes, long liveHeapPeakBytes) {}

  /** Starts a new stretch: the peaks restart from the current heap. */
  public Snapshot mark() {
    drainListenerBus();
    heapPeak.set(0);
    livePeak.set(0);
    return new Snapshot(shuffleBytes.sum(), 0, 0);
  }

  /** The counters since {@code start}. */
  public Snapshot since(Snapshot start) {
    drainListenerBus();
    return new Snapshot(shuffleBytes.sum() - start.shuffleBytes(), heapPeak.get(), livePeak.get());
  }

  /** The peaks over the whole run: heap in use and heap live after a collection, in bytes. */
  public Snapshot overall() {
    return new Snapshot(totalShuffleBytes(), overallHeapPeak.get(), overallLivePeak.get());
  }

  public long totalShuffleBytes() {
    drainListenerBus();
    return shuffleBytes.sum();
  }

  private void drainListenerBus() {
    try {
      // Task-end events are delivered asynchronously; count them all before reading.
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
    } catch (Exception e) {
      // A timeout only makes the shuffle count slightly low.
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    spark.sparkContext().removeSparkListener(listener);
  }
}
