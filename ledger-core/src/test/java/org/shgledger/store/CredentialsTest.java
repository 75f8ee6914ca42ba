package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords of database URLs are masked wherever they stand in a message; nothing else changes. */
class CredentialsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "jdbc:postgresql://asha:SECRET@db.example/shg | jdbc:postgresql://asha:***@db.example/shg",
    "jdbc:postgresql://u:S3cr3tPW:extra@127.0.0.1:1/x | jdbc:postgresql://u:***@127.0.0.1:1/x",
    "jdbc:postgresql://db/shg?user=asha&password=SECRET&ssl=true"
        + " | jdbc:postgresql://db/shg?user=asha&password=***&ssl=true",
    "jdbc:postgresql://db/shg?PASSWORD=SECRET | jdbc:postgresql://db/shg?PASSWORD=***",
    "jdbc:postgresql://db/shg?sslpassword=SECRET | jdbc:postgresql://db/shg?sslpassword=***",
    "Unable to parse URL jdbc:postgresql://a:SECRET@h:x/d?password=SECRET2 now"
        + " | Unable to parse URL jdbc:postgresql://a:***@h:x/d?password=*** now",
    "java.net.UnknownHostException: asha:SECRET@127.0.0.1 | java.net.UnknownHostException: asha:***@127.0.0.1",
    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres | jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
    "SQLite database /home/asha/shg.db | SQLite database /home/asha/shg.db",
    "mail asha@example.org at https://example.org/x | mail asha@example.org at https://example.org/x"
  })
  void masksPasswordsAndNothingElse(String text, String masked) {
    assertEquals(masked, Credentials.masked(text));
  }

  @Test
  void noTextStaysNoText() {
    assertNull(Credentials.masked(null));
  }
}
