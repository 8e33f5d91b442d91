package org.sectortrends.corpus;

/** What became of one input record: an article or a quarantine row, never nothing. */
public sealed interface IngestOutcome permits PreparedArticle, QuarantinedRecord {}
