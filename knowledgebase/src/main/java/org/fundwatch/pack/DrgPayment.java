package org.fundwatch.pack;

import java.math.BigDecimal;

/**
 * A city's DRG relative weight and payment standard. {@code institutionLevel} is {@code null} when the city has
 * one standard for all levels; {@code weight} and {@code standardYuan} are {@code null} for a DRG the city pays by
 * item (按项目据实支付, 无); {@code insuranceType} is 职工 or 居民 when the city publishes separate standards,
 * else {@code null}; {@code standardYuan} is {@code null} when the city publishes weights only.
 *
 * @param city pinyin slug of the city as in the source file name (beijing, changsha, suzhou, wuhan)
 */
public record DrgPayment(String city, String drgCode, String drgName, BigDecimal weight, BigDecimal standardYuan,
                         Integer institutionLevel, String insuranceType, String source) {}
