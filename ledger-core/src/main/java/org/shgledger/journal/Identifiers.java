package org.shgledger.journal;

import java.util.Objects;

/** Shared checks for the small identifier types; not part of the API. */
final class Identifiers {

  private Identifiers() {}

  static String check(String what, String value, int maxLength) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.length() > maxLength) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + maxLength + " characters, got " + value.length() + ": '" + value + "'");
    }
    if (!isSafe(value)) {
      throw new IllegalArgumentException(
          what + " may hold only letters, digits and . _ : / - (starting with a letter or digit): '"
              + value + "'");
    }
    return value;
  }

  /**
   * Letters, digits and a few separators, {@code [A-Za-z0-9][A-Za-z0-9._:/-]*}: safe in file
   * names, CSV cells and ledger exports. A loop rather than a regular expression: every entry id of
   * an import passes here, twice.
   */
  private static boolean isSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alphanumeric = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!alphanumeric && (i == 0 || c != '.' && c != '_' && c != ':' && c != '/' && c != '-')) {
        return false;
      }
    }
    return true;
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
