package org.sectortrends.topics;

/**
 * The sector a bag of terms belongs to, with the strength of the evidence.
 *
 * <p>{@code score} is the share of the total evidence that falls on the sector: keyword hits
 * multiplied by the keyword's own weight, company mentions by their entity weight (a company counts
 * as up to three terms, in the total too), so it lies in [0, 1]: 0.4 means 40% of the weight of the
 * article or topic is the sector's vocabulary and companies. {@code matchedKeywords} counts the
 * distinct keywords of the winning sector that were present.
 *
 * <p>Example: {@code SectorScore[sectorId=semiconductor, koreanName=반도체, score=0.5,
 * matchedKeywords=2]} for the terms {@code {hbm=1, 삼성전자=1, 실적=2}} with keywords only.
 */
public record SectorScore(String sectorId, String koreanName, double score, int matchedKeywords) {}
