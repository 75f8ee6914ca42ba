/**
 * Made-up books at any size, for demos, tests and benchmarks: {@link
 * org.shgledger.sample.BenchPassbook} writes a group bank statement of any number of lines, line
 * by line, that imports on its own; {@link org.shgledger.sample.BankLayout} writes a statement in
 * one of the banks' layouts the passbook import reads. Everything is deterministic for a seed, and
 * every name is obviously invented.
 */
package org.shgledger.sample;
