package org.fundwatch.pack;

/**
 * A surgery in a discount group (手术项目未按规定折价收费): when two or more surgeries of the same group are done
 * through the same incision, the second and later are charged at a discount.
 */
public record SecondarySurgery(String itemCode, String itemName, String surgeryGroup, String constraintText,
                               String source) {}
