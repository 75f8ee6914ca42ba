package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Many shg processes started at the same instant race to delete each other's unpacked SQLite
 * library; the loser's "SEVERE: Failed to delete old native lib" and its stack trace reached
 * standard error though nothing failed (the adversarial suite saw it in 7 of ~1,600 commands).
 */
class NativeLibraryLogTest {

  @Test
  void theLoadersCleanupIsSilencedAndNoOtherLogger() {
    Shg.quietNativeLibraryCleanup();

    assertEquals(Level.OFF, Logger.getLogger("org.sqlite.SQLiteJDBCLoader").getLevel());
    assertEquals(null, Logger.getLogger("org.sqlite.core.NativeDB").getLevel(), "other loggers as they were");
  }
}
