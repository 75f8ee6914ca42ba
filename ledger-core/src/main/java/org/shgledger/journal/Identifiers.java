package org.shgledger.journal;

import java.util.Objects;
import java.util.regex.Pattern;

/** Shared checks for the small identifier types; not part of the API. */
final class Identifiers {

  /** Letters, digits and a few separators: safe in file names, CSV cells and ledger exports. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

  private Identifiers() {}

  static String check(String what, String value, int maxLength) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.length() > maxLength) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + maxLength + " characters, got " + value.length() + ": '" + value + "'");
    }
    if (!SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " may hold only letters, digits and . _ : / - (starting with a letter or digit): '"
              + value + "'");
    }
    return value;
  }

  static String checkText(String what, String value, int maxLength) {
    Objects.requireNonNull(value, what);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          what + " must be at most " + maxLength + " characters, got " + value.length());
    }
    return value;
  }
}
