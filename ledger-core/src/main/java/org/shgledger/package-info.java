/**
 * shg-ledger: a double-entry ledger and savings-group engine for Self Help Groups.
 *
 * <p>Packages are named after the concepts they hold: {@link org.shgledger.money} (amounts,
 * rounding and allocation) and {@link org.shgledger.journal} (books, accounts and the append-only
 * journal of balanced entries).
 */
package org.shgledger;
