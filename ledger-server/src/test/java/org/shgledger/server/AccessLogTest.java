package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the server's log says about a request that failed inside it. */
class AccessLogTest {

  @Test
  void aFailureNamesItsRouteExceptionsAndFramesButNeverTheirMessages() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AccessLog log = new AccessLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    RuntimeException failure = new IllegalStateException("member M07 Sunita Devi",
        new java.sql.SQLException("jdbc:postgresql://db/books?password=secret"));

    log.failure("/api/v1/groups/{group}/savings", failure);

    String written = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(written.startsWith("error route=/api/v1/groups/{group}/savings"), written);
    assertTrue(written.contains("exception=java.lang.IllegalStateException"), written);
    assertTrue(written.contains("exception=java.sql.SQLException"), written);
    assertTrue(written.contains("at org.shgledger.server.AccessLogTest."), written);
    assertFalse(written.contains("Sunita") || written.contains("M07") || written.contains("secret"), written);
  }
}
