package org.sectortrends.corpus;

/** A record that did not become an article, with the payload truncated to the configured size. */
public record QuarantinedRecord(
    String inputFile,
    Long line,
    Long offset,
    String sourceId,
    QuarantineReason reason,
    String message,
    String payload,
    byte[] rawBytes)
    implements IngestOutcome {}
