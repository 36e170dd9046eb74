package org.fundwatch.pack;

/**
 * A Chinese-medicine decoction piece the fund does not pay for: scope 单方 (not paid when used alone or in a
 * prescription made only of such pieces) or 单复方 (never paid).
 */
public record TcmPieceNotPaid(String drugCode, String pieceName, String scope, String constraintText, String source) {}
