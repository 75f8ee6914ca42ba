/**
 * Money: Joda-Money's {@link org.joda.money.Money} is the only money type; this package adds the
 * one rounding policy ({@link org.shgledger.money.RoundingPolicy}), the allocator that splits an
 * amount without losing a paisa ({@link org.shgledger.money.Allocator}) and Indian-style amount
 * formatting ({@link org.shgledger.money.MoneyFormats}).
 */
package org.shgledger.money;
