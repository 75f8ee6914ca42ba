package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Many shg processes started at the same instant race to delete each other's unpacked SQLite
 * library; the loser's "SEVERE: Failed to delete old native lib" and its stack trace reached
 * standard error though nothing failed (the adversarial suite saw it in 7 of ~1,600 commands).
 * sqlite-jdbc logs through SLF4J when SLF4J is on the class path, as it is in shg.jar: that one
 * logger is off in simplelogger.properties, and every other is as it was. (shg no longer also sets
 * the java.util.logging logger of the same name: sqlite-jdbc never uses it beside SLF4J, and
 * starting java.util.logging cost every start its time.)
 */
class NativeLibraryLogTest {

  @Test
  void theLoadersCleanupIsSilencedAndNoOtherLogger() {
    assertEquals("org.sqlite.util.LoggerFactory$SLF4JLogger",
        org.sqlite.util.LoggerFactory.getLogger(org.sqlite.SQLiteJDBCLoader.class).getClass().getName(),
        "sqlite-jdbc logs through SLF4J, where shg's setting is");
    assertFalse(LoggerFactory.getLogger("org.sqlite.SQLiteJDBCLoader").isErrorEnabled());
    assertTrue(LoggerFactory.getLogger("org.sqlite.core.NativeDB").isWarnEnabled(), "other loggers as they were");
  }
}
