package org.sectortrends.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads an {@link InputPlan} into one dataset of {@link IngestRows}: line and CSV files through
 * {@link SplitRecordReader} (one task per split), Parquet files through Spark's reader. Every
 * record, good or bad, becomes exactly one row.
 */
public final class CorpusReader {

  private CorpusReader() {}

  public static Dataset<Row> read(SparkSession spark, InputPlan plan, IngestSettings settings) {
    Dataset<Row> rows = spark.createDataFrame(new ArrayList<Row>(), IngestRows.SCHEMA);
    if (!plan.splits().isEmpty()) {
      rows = rows.unionByName(readSplits(spark, plan.splits(), settings));
    }
    if (!plan.parquetFiles().isEmpty()) {
      rows = rows.unionByName(readParquet(spark, plan.parquetFiles(), settings));
    }
    return rows;
  }

  private static Dataset<Row> readSplits(
      SparkSession spark, List<InputSplit> splits, IngestSettings settings) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    JavaRDD<Row> rows =
        jsc.parallelize(splits, Math.max(1, splits.size()))
            .mapPartitions(it -> readPartition(it, settings, conf.value().value()));
    return spark.createDataFrame(rows, IngestRows.SCHEMA);
  }

  private static Iterator<Row> readPartition(
      Iterator<InputSplit> splits, IngestSettings settings, Configuration conf) {
    ArticlePreparer preparer = new ArticlePreparer(settings);
    return new Iterator<>() {
      private SplitRecordReader current;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (!splits.hasNext()) {
            return false;
          }
          current = new SplitRecordReader(splits.next(), settings, conf);
        }
        return true;
      }

      @Override
      public Row next() {
        hasNext();
        return IngestRows.toRow(preparer.prepare(current.next()));
      }
    };
  }

  private static Dataset<Row> readParquet(
      SparkSession spark, List<String> files, IngestSettings settings) {
    Dataset<Row> raw = spark.read().parquet(files.toArray(new String[0]));
    List<Column> columns = new ArrayList<>();
    List<String> present = List.of(raw.columns());
    for (ArticleField field : ArticleField.values()) {
      String column = settings.columnMap().columnFor(field);
      if (present.contains(column)) {
        columns.add(raw.col(quoteIfNeeded(column)).cast("string").as(field.key()));
      }
    }
    columns.add(functions.input_file_name().as("__input_file"));
    Dataset<Row> selected = raw.select(columns.toArray(new Column[0]));
    StructField[] fields = selected.schema().fields();
    Encoder<Row> encoder = Encoders.row(IngestRows.SCHEMA);
    return selected.mapPartitions(
        (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>)
            it -> {
              ArticlePreparer preparer = new ArticlePreparer(settings);
              ObjectMapper json = new ObjectMapper();
              return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                  return it.hasNext();
                }

                @Override
                public Row next() {
                  Row row = it.next();
                  EnumMap<ArticleField, String> values = new EnumMap<>(ArticleField.class);
                  Map<String, String> payload = new LinkedHashMap<>();
                  String file = null;
                  for (int i = 0; i < fields.length; i++) {
                    String name = fields[i].name();
                    String value = row.isNullAt(i) ? null : row.getString(i);
                    if (name.equals("__input_file")) {
                      file = value;
                    } else if (value != null) {
                      values.put(ArticleField.byKey(name).orElseThrow(), value);
                      payload.put(name, value);
                    }
                  }
                  return IngestRows.toRow(
                      preparer.prepare(
                          SourceRecord.parsed(file, null, null, values, toJson(json, payload))));
                }
              };
            },
        encoder);
  }

  private static String quoteIfNeeded(String column) {
    return column.matches("[A-Za-z_][A-Za-z0-9_]*")
        ? column
        : "`" + column.replace("`", "``") + "`";
  }

  private static String toJson(ObjectMapper json, Map<String, String> payload) {
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      return payload.toString();
    }
  }
}
