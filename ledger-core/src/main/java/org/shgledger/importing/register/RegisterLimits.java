package org.shgledger.importing.register;

import org.shgledger.importing.ImportLimits;

/**
 * The limits for register files (rosters, meeting registers, opening balances). A register is
 * small: a group of 20 meeting weekly for 50 years writes about 52,000 rows. Its checked rows are
 * held until the whole file is known to be good, so the limits are tighter than a passbook's.
 */
public final class RegisterLimits {

  /** 32 MiB and 200,000 rows; fields, lines and problems as {@link ImportLimits#DEFAULT}. */
  public static final ImportLimits DEFAULT =
      ImportLimits.DEFAULT.withMaxRows(200_000).withMaxFileBytes(32L * 1024 * 1024);

  private RegisterLimits() {}
}
