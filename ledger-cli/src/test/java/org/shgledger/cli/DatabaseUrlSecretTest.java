package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password in {@code --db-url} never reaches the error stream (issue 13, item 11): not in the
 * one-line message, not in the stack trace of {@code --verbose}. None of these URLs reaches a
 * database, so the test needs no server.
 */
class DatabaseUrlSecretTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "jdbc:postgresql://asha:SECRET@127.0.0.1:5432/test",
    "jdbc:postgresql://asha:SECRET@no-such-host.invalid/test",
    "jdbc:postgresql://127.0.0.1:1/test?user=asha&password=SECRET",
    "jdbc:postgresql://127.0.0.1:not-a-port/test?password=SECRET&user=asha",
    "jdbc:sqlite:/tmp/x.db?password=SECRET"
  })
  void aPasswordInTheUrlIsNeverPrinted(String url) {
    for (List<String> args : List.of(List.of("verify", "--db-url", url),
        List.of("verify", "--db-url", url, "--verbose"))) {
      Run run = Run.shg(args.toArray(String[]::new));

      assertEquals(ExitCodes.IO_ERROR, run.exitCode(), run.err());
      assertTrue(run.errLines()[0].startsWith("shg: input/output error: "), run.err());
      assertFalse(run.err().contains("SECRET"), run.err());
      assertEquals("", run.out());
    }
  }
}
