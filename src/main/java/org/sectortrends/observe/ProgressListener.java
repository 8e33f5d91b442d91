package org.sectortrends.observe;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.apache.spark.util.AccumulatorV2;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Feeds a {@link ProgressTracker} from a live Spark application and prints its lines on stderr,
 * checking once a second whether a running stage is due a line. Spark's own console progress bar
 * stays off ({@code spark.ui.showConsoleProgress=false}): it redraws one terminal line and says
 * nothing about which project stage runs.
 *
 * <p>The project stage of a Spark job is its job group ({@link #GROUP_PROPERTY}), which {@code
 * JobLauncher} sets to the job's name for everything the job runs.
 */
public final class ProgressListener extends SparkListener implements AutoCloseable {

  /** The local property holding the project stage of the Spark jobs (Spark's job group). */
  public static final String GROUP_PROPERTY = "spark.jobGroup.id";

  private static final Set<String> RECORDS =
      Set.of("internal.metrics.input.recordsRead", "internal.metrics.shuffle.read.recordsRead");
  private static final Set<String> BYTES =
      Set.of(
          "internal.metrics.input.bytesRead",
          "internal.metrics.shuffle.read.remoteBytesRead",
          "internal.metrics.shuffle.read.localBytesRead");

  private static final Map<SparkContext, ProgressListener> ATTACHED = new WeakHashMap<>();

  private final ProgressTracker tracker;
  private final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();

  /** The action of each running SQL execution ({@code parquet at TableStore.java:276}). */
  private final Map<Long, String> actionOfExecution = new ConcurrentHashMap<>();

  /** The action of the SQL execution a stage belongs to, where Spark knows one. */
  private final Map<Integer, String> actionOfStage = new ConcurrentHashMap<>();

  /** Per running stage, the ids of its input accumulators: heartbeats carry ids, not names. */
  private final Map<Integer, Map<Long, String>> inputAccumulators = new ConcurrentHashMap<>();

  private final ScheduledExecutorService ticker;
  private final SparkContext context;

  private ProgressListener(SparkContext context, ProgressTracker tracker) {
    this.context = context;
    this.tracker = tracker;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sector-trends-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(tracker::tick, 1, 1, TimeUnit.SECONDS);
  }

  /** Registers a listener printing to {@code err}; nothing for {@link ProgressMode#NONE}. */
  public static AutoCloseable attach(SparkContext context, ProgressMode mode, PrintStream err) {
    if (mode == ProgressMode.NONE) {
      return () -> {};
    }
    ProgressListener listener =
        new ProgressListener(
            context,
            new ProgressTracker(
                mode,
                ProgressTracker.DEFAULT_INTERVAL_NANOS,
                System::nanoTime,
                line -> {
                  err.println(line);
                  err.flush();
                }));
    context.addSparkListener(listener);
    synchronized (ATTACHED) {
      ATTACHED.put(context, listener);
    }
    return listener;
  }

  /** Marks the start of a project stage, if a listener is attached to this context. */
  public static void groupStarted(SparkContext context, String group) {
    ProgressListener listener = attached(context);
    if (listener != null) {
      listener.tracker.groupStarted(group);
    }
  }

  /**
   * Prints the summary of a project stage, after the events already posted by Spark reached the
   * listener (they travel through an asynchronous bus).
   */
  public static void groupFinished(SparkContext context, String group, boolean succeeded) {
    ProgressListener listener = attached(context);
    if (listener == null) {
      return;
    }
    try {
      context.listenerBus().waitUntilEmpty(5_000);
    } catch (Exception e) {
      // A busy bus only makes the summary miss the last events; the run goes on.
    }
    listener.tracker.groupFinished(group, succeeded);
  }

  private static ProgressListener attached(SparkContext context) {
    synchronized (ATTACHED) {
      return ATTACHED.get(context);
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    Properties properties = jobStart.properties();
    String group = properties == null ? null : properties.getProperty(GROUP_PROPERTY);
    String execution = properties == null ? null : properties.getProperty(EXECUTION_ID_PROPERTY);
    String action = null;
    if (execution != null) {
      try {
        action = actionOfExecution.get(Long.parseLong(execution));
      } catch (NumberFormatException e) {
        // not an execution id Spark wrote: the stage keeps Spark's name
      }
    }
    for (Object stageId : CollectionConverters.asJava(jobStart.stageIds())) {
      if (group != null) {
        groupOfStage.put((Integer) stageId, group);
      }
      if (action != null) {
        actionOfStage.put((Integer) stageId, action);
      }
    }
  }

  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionStart start) {
      String action = actionOf(start.details());
      if (action != null) {
        actionOfExecution.put(start.executionId(), action);
      }
    } else if (event instanceof SparkListenerSQLExecutionEnd end) {
      actionOfExecution.remove(end.executionId());
    }
  }

  /**
   * The action of a query in Spark's short call-site form ({@code count at TermsJob.java:57}) from
   * the long form Spark reports with the query: the first frame outside Spark, Scala and the JDK,
   * named after the Spark method it called. (The query's description is not used: it is the job
   * group's description when one is set, the same for every query of a stage.)
   */
  static String actionOf(String longCallSite) {
    if (longCallSite == null) {
      return null;
    }
    String sparkMethod = null;
    for (String frame : longCallSite.lines().map(String::strip).toList()) {
      int paren = frame.indexOf('(');
      int close = frame.lastIndexOf(')');
      if (paren <= 0 || close < paren) {
        continue;
      }
      String qualified = frame.substring(0, paren);
      String method = qualified.substring(qualified.lastIndexOf('.') + 1);
      if (qualified.startsWith("org.apache.spark.")
          || qualified.startsWith("scala.")
          || qualified.startsWith("java.")
          || qualified.startsWith("jdk.")
          || qualified.startsWith("sun.")) {
        sparkMethod = method;
        continue;
      }
      String location = frame.substring(paren + 1, close);
      return (sparkMethod != null ? sparkMethod : method) + " at " + location;
    }
    return null;
  }

  /** The local property in which Spark passes a job's SQL execution id. */
  static final String EXECUTION_ID_PROPERTY = "spark.sql.execution.id";

  /**
   * The name a user reads for a stage. Spark names a stage after the code that created it, which
   * for the stages it runs on its own threads (broadcasts, adaptive query stages) is its own
   * plumbing, {@code $anonfun$withThreadLocalCaptured$2 at CompletableFuture.java:1768}; such a
   * stage is named after the action of the query it serves instead.
   */
  static String stageName(String sparkName, String action) {
    if (action == null || action.isBlank() || sparkName == null) {
      return sparkName;
    }
    boolean internal =
        sparkName.startsWith("$anonfun$") || sparkName.contains(" at CompletableFuture.java");
    return internal ? action.lines().findFirst().orElse(action).strip() : sparkName;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    StageInfo info = event.stageInfo();
    Map<Long, String> inputs = new HashMap<>();
    if (info.taskMetrics() != null) {
      for (AccumulatorV2<?, ?> acc :
          CollectionConverters.asJava(info.taskMetrics().accumulators())) {
        if (acc.name().isDefined()
            && (RECORDS.contains(acc.name().get()) || BYTES.contains(acc.name().get()))) {
          inputs.put(acc.id(), acc.name().get());
        }
      }
    }
    inputAccumulators.put(info.stageId(), inputs);
    tracker.stageSubmitted(
        info.stageId(),
        stageName(info.name(), actionOfStage.remove(info.stageId())),
        info.numTasks(),
        groupOfStage.get(info.stageId()));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    TaskMetrics metrics = event.taskMetrics();
    long records = 0;
    long bytes = 0;
    if (metrics != null) {
      records = metrics.inputMetrics().recordsRead() + metrics.shuffleReadMetrics().recordsRead();
      bytes = metrics.inputMetrics().bytesRead() + metrics.shuffleReadMetrics().totalBytesRead();
    }
    tracker.taskEnded(
        event.stageId(), event.taskInfo().taskId(), event.taskInfo().successful(), records, bytes);
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo info = event.stageInfo();
    tracker.stageCompleted(
        info.stageId(), info.failureReason().isDefined() ? info.failureReason().get() : null);
    groupOfStage.remove(info.stageId());
    inputAccumulators.remove(info.stageId());
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate event) {
    for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> update :
        CollectionConverters.asJava(event.accumUpdates())) {
      Map<Long, String> inputs = inputAccumulators.getOrDefault((Integer) update._2(), Map.of());
      long records = 0;
      long bytes = 0;
      for (AccumulableInfo acc : CollectionConverters.asJava(update._4())) {
        // Heartbeats drop the names of the task metrics; the stage's own metrics map ids to names.
        String name = acc.name().isDefined() ? acc.name().get() : inputs.get(acc.id());
        if (name == null || acc.update().isEmpty() || !(acc.update().get() instanceof Long value)) {
          continue;
        }
        if (RECORDS.contains(name)) {
          records += value;
        } else if (BYTES.contains(name)) {
          bytes += value;
        }
      }
      tracker.taskRunning((Integer) update._2(), (Long) update._1(), records, bytes);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    context.removeSparkListener(this);
    synchronized (ATTACHED) {
      ATTACHED.remove(context);
    }
  }
}
