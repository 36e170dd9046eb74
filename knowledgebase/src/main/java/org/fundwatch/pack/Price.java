package org.fundwatch.pack;

import java.math.BigDecimal;

/**
 * The price of a drug, service item or consumable and its cap (最高限价). A charge above the cap is 超标准收费.
 *
 * @param kind drug, item or consumable
 */
public record Price(String code, String kind, String name, String unit, BigDecimal priceYuan,
                    BigDecimal priceCapYuan) {}
