package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Channel;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.EntryId;
import org.shgledger.server.Role;
import org.shgledger.server.ServerBooks;
import org.shgledger.server.User;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.SyncLog;
import org.shgledger.store.Verification;

/**
 * Kill -9 of {@code shg sync push} and {@code shg sync pull} as real processes against a real
 * {@code shg serve} on loopback: run again, the push records each operation exactly once, and an
 * interrupted pull leaves a file that verifies (the old one or the new one, never half of each).
 */
class SyncKillTest {

  @TempDir Path folder;

  private Process shg(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.shgledger.cli.Shg"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void aPushOrPullKilledAnywhereAndRunAgainLosesAndDoublesNothing() throws Exception {
    Path serverDb = folder.resolve("server.db");
    String token;
    try (ServerBooks books = ServerBooks.open("jdbc:sqlite:" + serverDb, org.shgledger.group.DateLimits.standard(),
        java.time.Clock.systemUTC())) {
      SyncSimulationTest.setUp(books.store());
      token = books.users().add(new User("meena", Role.ADMIN, Optional.empty(), Optional.empty()), false).token();
    }
    Process serve = shg("serve", "--db", serverDb.toString(), "--port", "0");
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      while (url == null) {
        String line = lines.readLine();
        if (line == null) {
          break;
        }
        Matcher m = Pattern.compile("listening on (http://\\S+?)/ ").matcher(line);
        if (m.find()) {
          url = m.group(1);
        }
      }
      assertTrue(url != null, "shg serve started");
      Thread drain = new Thread(() -> {
        try {
          lines.lines().forEach(l -> {});
        } catch (java.io.UncheckedIOException e) {
          // the server stopped
        }
      });
      drain.setDaemon(true);
      drain.start();

      Path field = folder.resolve("field.db");
      assertEquals(0, Run.shg("sync", "clone", url, "SHG01", "--db", field.toString(), "--token", token).exitCode());
      int count = 300;
      try (LedgerStore store = LedgerStore.openSqlite(field)) {
        for (int i = 0; i < count; i++) {
          store.engine().record(SyncSimulationTest.SHG, EntryId.of("K-" + i), LocalDate.of(2024, 6, 1).plusDays(i % 60),
              new GroupOperation.Save(MemberId.of("M0" + (1 + i % 4)), SavingsKind.COMPULSORY,
                  Money.ofMajor(SyncSimulationTest.INR, 10), Channel.CASH));
        }
      }
      Random random = new Random(17);
      int kills = 0;
      for (int attempt = 0; attempt < 4; attempt++) {
        Process push = shg("sync", "push", "--db", field.toString(), "--token", token, "--batch", "3");
        Thread.sleep(300 + random.nextInt(1500));
        if (push.isAlive()) {
          push.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
          kills++;
        }
      }
      Process last = shg("sync", "push", "--db", field.toString(), "--token", token);
      assertTrue(last.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, last.exitValue(), new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      try (LedgerStore store = LedgerStore.openSqlite(field)) {
        List<SyncLog.Operation> ops = SyncLog.operations(store);
        assertEquals(count, ops.size());
        assertTrue(ops.stream().allMatch(op -> op.state() == SyncLog.State.ACCEPTED), "all accepted");
      }

      // pulls killed at random moments: the file always verifies, and a last pull ends at the server's heads
      for (int attempt = 0; attempt < 3; attempt++) {
        Process pull = shg("sync", "pull", "--db", field.toString(), "--token", token);
        Thread.sleep(200 + random.nextInt(1200));
        if (pull.isAlive()) {
          pull.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          kills++;
        }
        try (LedgerStore store = LedgerStore.openSqlite(field)) {
          assertTrue(store.journal().verify(SyncSimulationTest.SHG).isOk());
          assertEquals(count, SyncLog.operations(store).size());
        }
      }
      Run pulled = Run.shg("sync", "pull", "--db", field.toString(), "--token", token);
      assertEquals(0, pulled.exitCode(), pulled.err());
      serve.destroy();
      assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
      try (LedgerStore server = LedgerStore.openSqlite(serverDb); LedgerStore copy = LedgerStore.openSqlite(field)) {
        Verification truth = server.journal().verify(SyncSimulationTest.SHG);
        assertTrue(truth.isOk());
        assertEquals(count, server.journal().entries(SyncSimulationTest.SHG).stream()
            .filter(e -> e.id().value().startsWith("K-")).count(), "each exactly once");
        assertEquals(truth.headHash(), copy.journal().verify(SyncSimulationTest.SHG).headHash());
      }
      System.out.println("sync kill test: " + kills + " processes killed with SIGKILL");
    } finally {
      serve.destroyForcibly();
    }
  }
}
