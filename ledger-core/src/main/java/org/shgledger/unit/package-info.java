/**
 * The NGO units that mentor groups (federations holding clusters holding groups), managed by
 * {@link org.shgledger.unit.Units}, and what a unit's groups add up to: consolidated statements
 * ({@link org.shgledger.unit.UnitReports}) and each group's scorecard and readiness for a bank
 * loan ({@link org.shgledger.unit.Grading}). docs/units.md gives the rules.
 */
package org.shgledger.unit;
