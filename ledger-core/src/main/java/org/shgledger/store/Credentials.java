package org.shgledger.store;

import java.util.regex.Pattern;

/**
 * Hides the passwords of database URLs wherever they stand in a text: the password of a URL's user
 * information ({@code //asha:SECRET@host}, or {@code asha:SECRET@host} alone) and the value of any {@code password=} parameter
 * ({@code ?user=asha&password=SECRET}, also {@code sslpassword=}) become {@code ***}. A message or
 * log line that may hold a JDBC URL, or a driver's message quoting one ("Unable to parse URL
 * ..."), passes through {@link #masked(String)} before anyone sees it.
 */
public final class Credentials {

  /** What a password is replaced by. */
  public static final String MASK = "***";

  /**
   * The user information of a URL, {@code USER:PASSWORD@}; the user is kept, and the password is
   * everything from the first colon to the {@code @}, colons included ({@code u:SECRET:more@host}),
   * as RFC 3986 reads it. Not only after {@code //}: a driver that takes it for a host name quotes
   * {@code asha:SECRET@127.0.0.1} alone.
   */
  private static final Pattern USER_PASSWORD = Pattern.compile("([^/\\s:@?#&;=]+:)[^/\\s@?#]+@");

  /** A password parameter, up to the next parameter or the end of the URL. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password=)[^&;\\s'\"]*");

  private Credentials() {}

  /**
   * The text with every password of a database URL in it replaced by {@value #MASK}.
   *
   * @param text a message, a log line or a URL; may be null
   * @return the text masked, or null if it was null
   */
  public static String masked(String text) {
    if (text == null) {
      return null;
    }
    String masked = USER_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
  }
}
