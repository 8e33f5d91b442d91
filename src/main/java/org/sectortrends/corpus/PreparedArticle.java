package org.sectortrends.corpus;

import java.time.Instant;
import java.time.LocalDate;

/** A record that passed every check: normalized, with byline and date resolved and an id. */
public record PreparedArticle(
    String articleId,
    String sourceId,
    String url,
    String outlet,
    String reporter,
    String title,
    String body,
    String section,
    Instant publishedAt,
    LocalDate publishedDate,
    String dateSource,
    int charCount,
    String contentHash,
    String inputFile,
    Long inputLine)
    implements IngestOutcome {}
