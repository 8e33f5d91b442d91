package org.sectortrends.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.sectortrends.corpus.InputFormat;
import org.sectortrends.corpus.InputPlan;
import org.sectortrends.corpus.InputSplit;

/**
 * The likely fix for an input that was mostly quarantined, from the quarantine reasons and the
 * files read. A wrong {@code --format} is the most common cause (a CSV file read as JSONL
 * quarantines every row as {@code malformed_json}), then an unmapped body or date column.
 *
 * <p>Example: {@code --format jsonl} for {@code news.csv} gives "--format jsonl was given for files
 * whose extension says csv (e.g. news.csv): drop --format or give --format csv".
 */
final class IngestAdvice {

  private IngestAdvice() {}

  static String likelyFix(
      Map<String, Long> quarantined, Optional<InputFormat> given, InputPlan plan) {
    if (given.isPresent()) {
      Map<InputFormat, String> byExtension = new TreeMap<>();
      Stream.concat(plan.splits().stream().map(InputSplit::path), plan.parquetFiles().stream())
          .forEach(
              file -> {
                String name = new Path(file).getName();
                InputFormat.fromFileName(name)
                    .filter(f -> f != given.get())
                    .ifPresent(f -> byExtension.putIfAbsent(f, name));
              });
      if (!byExtension.isEmpty()) {
        Map.Entry<InputFormat, String> first = byExtension.entrySet().iterator().next();
        String format = first.getKey().name().toLowerCase(java.util.Locale.ROOT);
        return "Likely fix: --format "
            + given.get().name().toLowerCase(java.util.Locale.ROOT)
            + " was given for files whose extension says "
            + format
            + " (e.g. "
            + first.getValue()
            + "): drop --format or give --format "
            + format
            + ".";
      }
    }
    String top =
        quarantined.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("");
    return switch (top) {
      case "malformed_json", "malformed_csv", "record_too_large" ->
          "Likely fix: the records do not parse in the format read"
              + given
                  .map(f -> " (--format " + f.name().toLowerCase(java.util.Locale.ROOT) + ")")
                  .orElse(" (from the file extension)")
              + "; give the right --format (jsonl, csv, tsv, parquet, text).";
      case "missing_field", "empty_body", "empty_record" ->
          "Likely fix: no body was found; name the input columns with --column-map body=COLUMN,title=COLUMN,published_at=COLUMN.";
      case "unparseable_date", "date_out_of_range" ->
          "Likely fix: map the date column with --column-map published_at=COLUMN and check its values.";
      case "body_too_short" -> "Likely fix: lower --min-body-chars if short bodies are expected.";
      case "invalid_utf8", "binary_content", "unreadable_input" ->
          "Likely fix: the input is not readable UTF-8 text; convert it (e.g. iconv -f cp949 -t utf-8) or check the files.";
      default ->
          "Check the quarantine reasons above; raise --max-quarantine-ratio to accept such an input.";
    };
  }
}
