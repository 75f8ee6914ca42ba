/**
 * Made-up books at any size, for demos, tests and benchmarks: {@link
 * org.shgledger.sample.BenchPassbook} writes a group bank statement of any number of lines, line
 * by line, that imports on its own; {@link org.shgledger.sample.BankLayout} writes a statement in
 * one of the banks' layouts the passbook import reads. Everything is deterministic for a seed, and
 * every name is obviously invented.
 *
 * <p><b>Not API.</b> The module {@code org.shgledger.core} does not export this package: it serves
 * {@code shg generate}, the tests and the benchmarks, which run on the class path, and it changes
 * whenever they need it to. An application that wants sample books runs {@code shg generate}.
 */
package org.shgledger.sample;
