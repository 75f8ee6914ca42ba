/**
 * The NGO programme's registers and indicators, kept beside the groups' books: members' children
 * and their schooling, training sessions, what each loan was for; the indicators a coordinator
 * reports to donors against targets; and the privacy rules that keep those reports from pointing
 * at anyone.
 *
 * <ul>
 *   <li>{@link org.shgledger.programme.Programme} records children, school status changes,
 *       trainings and loan purposes, checked against the books, in a {@link
 *       org.shgledger.programme.ProgrammeRegister};
 *   <li>{@link org.shgledger.programme.ProgrammeIndicators} computes an {@link
 *       org.shgledger.programme.IndicatorReport} over a list of groups on a day; {@link
 *       org.shgledger.programme.Targets} adds targets; {@link
 *       org.shgledger.programme.SmallCells} withholds small counts and what would give them away;
 *   <li>{@link org.shgledger.programme.Pseudonyms} gives members stable keyed pseudonyms for
 *       member-level exports to auditors;
 *   <li>{@link org.shgledger.programme.Incidents} keeps the community safety register (incidents
 *       counted, never told) in an {@link org.shgledger.programme.IncidentRegister}; {@link
 *       org.shgledger.programme.IncidentReport} counts them per quarter and {@link
 *       org.shgledger.programme.IncidentCells} withholds what could point at a survivor;
 *   <li>{@link org.shgledger.programme.Livelihoods} keeps members' income-generating activities
 *       and their income readings in a {@link org.shgledger.programme.LivelihoodRegister}, and
 *       {@link org.shgledger.programme.Outreach} a unit's advocacy events, counts only, in an
 *       {@link org.shgledger.programme.OutreachRegister};
 *   <li>{@link org.shgledger.programme.Pace} says what a commitment's targets still need each year.
 * </ul>
 *
 * <p>docs/programme.md states every indicator's rule; docs/privacy.md lists the personal data
 * kept, why, who sees it, and what donor reports show.
 */
package org.shgledger.programme;
