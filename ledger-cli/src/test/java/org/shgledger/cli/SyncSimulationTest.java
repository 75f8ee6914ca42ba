package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.LedgerException;
import org.shgledger.group.Channel;
import org.shgledger.group.DateLimits;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.server.LedgerServer;
import org.shgledger.server.Role;
import org.shgledger.server.ServerBooks;
import org.shgledger.server.User;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.SyncLog;
import org.shgledger.store.Verification;

/**
 * The sync simulation (issue 17, docs/sync.md), deterministic from a seed in the spirit of
 * TigerBeetle's simulator: three field copies of one group and an in-process server on loopback;
 * random operations recorded offline on each copy (savings, voluntary withdrawals, fines,
 * expenses, loan repayments; some refused by the server because another copy spent the cash
 * first); every request through a faulty transport that drops requests, drops responses,
 * duplicates requests and delays them (a delayed request reaches the server later, after other
 * devices' requests: reordered); pushes that crash after k answers and start again from the file.
 * At the end: every operation is accepted exactly once or refused with a reason, the server's books
 * verify, and every copy after a pull has the server's chain heads.
 *
 * <p>Seeds: {@value #CI_SEEDS} in the normal build; {@code -Dsync.seeds=N} runs N (and {@code
 * -Dsync.seed=S} one), as {@code mvn -B -o test -pl ledger-cli -am -Dtest=SyncSimulationTest
 * -Dsync.seeds=200 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SyncSimulationTest {

  static final int CI_SEEDS = 6;
  static final int DEVICES = 3;
  static final int STEPS = 60;
  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  static final List<MemberId> MEMBERS = List.of(MemberId.of("M01"), MemberId.of("M02"), MemberId.of("M03"),
      MemberId.of("M04"));
  static final LoanId LOAN = LoanId.of("L1");
  /** Ids that devices give new members offline: two devices may give one id to two women. */
  static final List<MemberId> JOINING = List.of(MemberId.of("M05"), MemberId.of("M06"));

  @TempDir Path folder;

  /** The faults a transport injects, counted. */
  enum Fault { DROP_REQUEST, DROP_RESPONSE, DUPLICATE, DELAY, CRASH, NOT_REPLAYED }

  /** A request held back by the network, delivered to the server later. */
  record Held(String method, String url, String token, byte[] body) {}

  /** The network between the devices and the server: real HTTP, with faults from the seed. */
  static final class FaultyNetwork {
    final Random random;
    final SyncClient.Transport http = SyncClient.http();
    final List<Held> delayed = new ArrayList<>();
    final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
    boolean calm;

    FaultyNetwork(Random random) {
      this.random = random;
    }

    void count(Fault fault) {
      faults.merge(fault, 1, Integer::sum);
    }

    SyncClient.Transport transport() {
      return (method, url, token, body) -> {
        if (!calm) {
          int roll = random.nextInt(100);
          if (roll < 8) {
            count(Fault.DROP_REQUEST);
            throw new IOException("simulated: request dropped");
          }
          if (roll < 16) {
            count(Fault.DROP_RESPONSE);
            http.send(method, url, token, body);
            throw new IOException("simulated: response dropped");
          }
          if (roll < 22) {
            count(Fault.DUPLICATE);
            http.send(method, url, token, body);
            return http.send(method, url, token, body);
          }
          if (roll < 30 && body != null) {
            count(Fault.DELAY);
            delayed.add(new Held(method, url, token, body));
            throw new IOException("simulated: request delayed past the client's timeout");
          }
        }
        return http.send(method, url, token, body);
      };
    }

    /** Delivers some held requests now, in a random order: after requests sent since. */
    void deliverSome(boolean all) throws IOException {
      while (!delayed.isEmpty() && (all || random.nextBoolean())) {
        Held held = delayed.remove(random.nextInt(delayed.size()));
        http.send(held.method(), held.url(), held.token(), held.body());
      }
    }
  }

  @Test
  void everyOperationIsAcceptedOnceOrRefusedAndEveryCopyEndsAsTheServer() throws Exception {
    String one = System.getProperty("sync.seed");
    int seeds = Integer.getInteger("sync.seeds", CI_SEEDS);
    List<Long> run = new ArrayList<>();
    if (one != null) {
      run.add(Long.parseLong(one));
    } else {
      for (long seed = 1; seed <= seeds; seed++) {
        run.add(seed);
      }
    }
    Map<Fault, Integer> total = new EnumMap<>(Fault.class);
    int operations = 0;
    int refusals = 0;
    for (long seed : run) {
      int[] counts = simulate(seed, total);
      operations += counts[0];
      refusals += counts[1];
    }
    System.out.println("sync simulation: seeds " + run.get(0) + ".." + run.get(run.size() - 1) + " (" + run.size()
        + "), operations " + operations + ", refused " + refusals + ", faults " + total);
  }

  private int[] simulate(long seed, Map<Fault, Integer> total) throws Exception {
    Path dir = Files.createDirectories(folder.resolve("seed-" + seed));
    Random random = new Random(seed);
    FaultyNetwork network = new FaultyNetwork(random);
    String context = "seed " + seed;
    try (ServerBooks books = ServerBooks.open("jdbc:sqlite:" + dir.resolve("server.db"), DateLimits.standard(),
        Clock.systemUTC());
        LedgerServer server = LedgerServer.start(books, new ServeCommand.Reports(), "127.0.0.1", 0,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      setUp(books.store());
      String token = books.users().add(new User("coord", Role.ADMIN, Optional.empty(), Optional.empty()), false)
          .token();
      String url = "http://127.0.0.1:" + server.port();
      List<Path> files = new ArrayList<>();
      for (int d = 0; d < DEVICES; d++) {
        Path file = dir.resolve("field-" + d + ".db");
        network.calm = true; // the clones are made in the office
        new SyncClient(network.transport(), token).cloneInto(url, List.of(SHG), file);
        files.add(file);
      }
      network.calm = false;
      int[] made = new int[DEVICES];
      for (int step = 0; step < STEPS; step++) {
        int d = random.nextInt(DEVICES);
        Path file = files.get(d);
        SyncClient client = new SyncClient(network.transport(), token);
        int action = random.nextInt(10);
        try {
          if (action < 6) {
            record(file, d, made[d]++, step, random);
          } else if (action < 8) {
            int stopAfter = random.nextInt(4) == 0 ? random.nextInt(3) : -1;
            if (stopAfter >= 0) {
              network.count(Fault.CRASH);
            }
            client.push(file, 1 + random.nextInt(4), stopAfter);
          } else if (action < 9) {
            client.pull(file);
          } else {
            network.deliverSome(false);
          }
        } catch (SyncClient.SyncFailure e) {
          // the network failed: the device tries again later
        } catch (SyncClient.NotReplayed e) {
          // the server's books refuse a pending operation: the device pushes to have it answered
          network.count(Fault.NOT_REPLAYED);
        }
      }
      // the evening: the network is good again and every late request arrives
      network.calm = true;
      network.deliverSome(true);
      int operations = 0;
      int refused = 0;
      int joins = 0;
      for (Path file : files) {
        new SyncClient(network.transport(), token).push(file, SyncClient.BATCH, -1);
      }
      Verification truth = books.store().journal().verify(SHG);
      assertTrue(truth.isOk(), context + ": " + truth);
      for (Path file : files) {
        List<Verification> pulled = new SyncClient(network.transport(), token).pull(file).verified();
        assertEquals(truth.headHash(), pulled.get(0).headHash(), context + ": " + file);
        assertEquals(truth.registryHeadHash(), pulled.get(0).registryHeadHash(), context);
        try (LedgerStore copy = LedgerStore.openSqlite(file)) {
          for (SyncLog.Operation op : SyncLog.operations(copy)) {
            operations++;
            boolean onServer;
            if (op.name().equals("member-add")) {
              // accepted: the server's member is this one; refused: another person holds the id
              joins++;
              Optional<Member> there = books.store().engine().registry().member(SHG,
                  MemberId.of(op.key().substring("member:".length())));
              onServer = there.isPresent() && op.body().contains("\"name\":\"" + there.get().name() + "\"");
            } else {
              onServer = books.store().journal().entry(SHG, EntryId.of(op.key())).isPresent();
            }
            switch (op.state()) {
              case ACCEPTED -> assertTrue(onServer, context + ": accepted but not on the server: " + op);
              case REFUSED -> {
                refused++;
                assertTrue(!onServer, context + ": refused but on the server: " + op);
                assertTrue(op.rejection() != null && op.reason() != null, context + ": " + op);
              }
              case PENDING -> throw new AssertionError(context + ": still pending after the evening's push: " + op);
            }
          }
        }
      }
      // exactly once: the server has one entry per accepted key (the journal keeps ids unique), and
      // nothing else but the setup
      long fieldEntries = books.store().journal().entries(SHG).stream()
          .filter(e -> e.id().value().startsWith("D")).count();
      assertEquals(operations - refused - (joins - refusedJoins(files)), fieldEntries, context);
      assertTrue(books.store().engine().registry().members(SHG).size() <= MEMBERS.size() + JOINING.size(), context);
      network.faults.forEach((fault, n) -> total.merge(fault, n, Integer::sum));
      return new int[] {operations, refused};
    }
  }

  static void setUp(LedgerStore store) {
    SavingsGroups groups = store.engine();
    Group group = new Group(SHG, "Simulation Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY,
        Money.ofMajor(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
    groups.createGroup(group);
    for (MemberId member : MEMBERS) {
      groups.addMember(SHG, Member.joining(member, "Member " + member, MemberCategory.ADULT_WOMAN, FORMED));
      groups.record(SHG, EntryId.of("SETUP-" + member), FORMED,
          new GroupOperation.Save(member, SavingsKind.VOLUNTARY, Money.ofMajor(INR, 300), Channel.CASH));
    }
    groups.disburseLoan(SHG, EntryId.of("SETUP-LOAN"), LOAN, MEMBERS.get(0),
        group.loanDefaults().termsFor(Money.ofMajor(INR, 1000), FORMED, group.rounding()), Channel.CASH);
  }

  /** One operation recorded offline on a device; the engine there may refuse it, and then nothing is kept. */
  private static void record(Path file, int device, int n, int step, Random random) {
    EntryId id = EntryId.of("D" + device + "-" + n);
    LocalDate date = FORMED.plusDays(30 + step);
    Money amount = Money.ofMajor(INR, 10L * (1 + random.nextInt(30)));
    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      SavingsGroups groups = store.engine();
      List<Member> members = groups.membersOn(SHG, date);
      MemberId member = members.get(random.nextInt(members.size())).id();
      if (random.nextInt(8) == 0) {
        // a new member joins at the meeting; half the time the device names her as another device
        // would (the same woman: one member), else as only this device does (another woman: refused)
        MemberId joining = JOINING.get(random.nextInt(JOINING.size()));
        String name = random.nextBoolean() ? "Member " + joining : "Member " + joining + " of device " + device;
        groups.addMember(SHG, Member.joining(joining, name, MemberCategory.ADULT_WOMAN, FORMED.plusDays(30)));
        return;
      }
      switch (random.nextInt(5)) {
        case 0 -> groups.record(SHG, id, date, new GroupOperation.Save(member, SavingsKind.COMPULSORY, amount,
            Channel.CASH));
        case 1 -> groups.record(SHG, id, date, new GroupOperation.WithdrawSavings(member, SavingsKind.VOLUNTARY,
            amount, Channel.CASH));
        case 2 -> groups.record(SHG, id, date, new GroupOperation.Fine(member, Money.ofMajor(INR, 5), "late",
            Channel.CASH));
        case 3 -> groups.record(SHG, id, date, new GroupOperation.PayExpense(amount.multipliedBy(3), "stationery",
            Channel.CASH));
        default -> groups.repayLoan(SHG, id, LOAN, date, Money.ofMajor(INR, 50), Channel.CASH);
      }
    } catch (LedgerException e) {
      // refused on the device itself (not enough savings or cash there): nothing recorded, nothing to send
    }
  }

  /** The members' joinings the server refused, across the devices' files. */
  private static int refusedJoins(List<Path> files) {
    int refused = 0;
    for (Path file : files) {
      try (LedgerStore copy = LedgerStore.openSqlite(file)) {
        refused += (int) SyncLog.operations(copy).stream()
            .filter(op -> op.name().equals("member-add") && op.state() == SyncLog.State.REFUSED).count();
      }
    }
    return refused;
  }

  static String describe(Map<Fault, Integer> faults) {
    return faults.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
