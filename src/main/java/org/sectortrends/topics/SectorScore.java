package org.sectortrends.topics;

/**
 * The sector a bag of terms belongs to, with the strength of the evidence.
 *
 * <p>{@code score} is the share of the total term weight that falls on the sector's keywords
 * (each keyword hit multiplied by the keyword's own weight), so it lies in [0, 1]: 0.4 means 40%
 * of the weight of the article or topic is sector vocabulary. {@code matchedKeywords} counts
 * the distinct keywords of the winning sector that were present.
 *
 * <p>Example: {@code SectorScore[sectorId=semiconductor, koreanName=반도체, score=0.5,
 * matchedKeywords=2]} for the terms {@code {hbm=1, 삼성전자=1, 실적=2}}.
 */
public record SectorScore(String sectorId, String koreanName, double score, int matchedKeywords) {}
