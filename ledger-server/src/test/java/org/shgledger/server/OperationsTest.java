package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.journal.EntryId;

/**
 * {@code POST /api/v1/groups/{group}/operations}: every engine operation a treasurer records with
 * {@code shg}, each under the client's entry id (docs/server.md, "Operations"). A new one is 201, the
 * same again 200 with {@code "repeat": true} and nothing recorded; a field the operation does not
 * take, or lacks, is a 400 naming it; the engine's refusal is its named rejection; nothing is
 * written on any error.
 */
class OperationsTest {

  static final String OPERATIONS = "/api/v1/groups/SHG01/operations";

  @TempDir Path folder;
  TestServer server;

  /** The server under test; a subclass puts it on another database. */
  TestServer open(ReportSource reports) {
    return TestServer.sqlite(folder, reports);
  }

  @BeforeEach
  void start() {
    server = open(TestServer.echo());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** A JSON object of string fields, given as name, value, name, value ... */
  static String body(String... pairs) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      json.append(i == 0 ? "" : ", ").append('"').append(pairs[i]).append("\": \"")
          .append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }
    return json.append('}').toString();
  }

  int entries() {
    return server.books.store().journal().entries(TestServer.SHG01).size();
  }

  HttpResponse<String> post(String body) {
    return server.send("POST", OPERATIONS, Role.TREASURER, body);
  }

  /** Records an operation, checks it is new, sends it again and checks it is a repeat that records nothing. */
  HttpResponse<String> recordTwice(String body, boolean entry) {
    int before = entries();
    HttpResponse<String> first = post(body);
    assertEquals(201, first.statusCode(), body + " -> " + first.body());
    assertTrue(first.body().contains("\"repeat\" : false"), first.body());
    assertEquals(before + (entry ? 1 : 0), entries(), body);
    HttpResponse<String> again = post(body);
    assertEquals(200, again.statusCode(), body + " again -> " + again.body());
    assertEquals(first.body().replace("\"repeat\" : false", "\"repeat\" : true"), again.body());
    assertEquals(before + (entry ? 1 : 0), entries(), body + " again records nothing");
    return first;
  }

  @Test
  void everyOperationRecordsOnceUnderItsId() {
    List<String> ops = new ArrayList<>();
    recordTwice(body("operation", "save", "id", "OP-SAVE", "date", "2024-05-04", "member", "M02", "amount", "200"), true);
    recordTwice(body("operation", "save", "id", "OP-WELFARE", "date", "2024-05-04", "member", "M03", "amount", "10",
        "kind", "welfare"), true);
    recordTwice(body("operation", "withdraw", "id", "OP-WITHDRAW", "date", "2024-05-04", "member", "M01",
        "amount", "50", "kind", "compulsory"), true);
    HttpResponse<String> fine = recordTwice(body("operation", "fine", "id", "OP-FINE", "date", "2024-05-04",
        "member", "M03", "amount", "10", "reason", "late"), true);
    assertTrue(fine.body().contains("\"operation\" : \"fine\""), fine.body());
    assertTrue(fine.body().contains("\"account\" : \"4100\""), fine.body());
    recordTwice(body("operation", "grant", "id", "OP-GRANT", "date", "2024-05-05", "amount", "5000"), true);
    recordTwice(body("operation", "expense", "id", "OP-EXPENSE", "date", "2024-05-05", "amount", "60",
        "description", "cash book"), true);
    recordTwice(body("operation", "expense", "id", "OP-WELFAREPAY", "date", "2024-05-05", "amount", "5",
        "description", "help", "fund", "welfare"), true);
    recordTwice(body("operation", "income", "id", "OP-INCOME", "date", "2024-05-05", "amount", "200",
        "description", "membership fees"), true);
    for (String bank : List.of("bank-deposit", "bank-withdraw", "bank-interest", "bank-charges")) {
      recordTwice(body("operation", bank, "id", "OP-" + bank, "date", "2024-05-06", "amount", "42.50"), true);
    }
    recordTwice(body("operation", "bank-loan-receive", "id", "OP-BANKLOAN", "date", "2024-05-10", "amount", "50000",
        "annual-rate", "12", "instalments", "12", "method", "emi"), true);
    assertTrue(server.books.store().engine().registry().bankLoans(TestServer.SHG01).stream()
        .anyMatch(loan -> loan.receipt().equals(EntryId.of("OP-BANKLOAN"))), "the bank loan's terms are kept");
    recordTwice(body("operation", "bank-loan-repay", "id", "OP-BANKLOANREPAY", "date", "2024-06-10",
        "principal", "4000", "interest", "450"), true);
    recordTwice(body("operation", "federation-loan-receive", "id", "OP-FEDLOAN", "date", "2024-05-10",
        "amount", "20000"), true);
    recordTwice(body("operation", "federation-loan-repay", "id", "OP-FEDLOANREPAY", "date", "2024-06-10",
        "principal", "2000", "interest", "200", "channel", "bank"), true);
    recordTwice(body("operation", "loan-disburse", "id", "OP-LOAN", "date", "2024-05-12", "member", "M02",
        "amount", "600", "loan", "L2", "method", "emi", "instalments", "6", "monthly-rate", "2", "fee", "6"), true);
    assertEquals(MemberId.of("M02"), server.books.store().engine().registry().loan(TestServer.SHG01, LoanId.of("L2"))
        .orElseThrow().member());
    recordTwice(body("operation", "loan-repay", "id", "OP-REPAY", "date", "2024-06-12", "loan", "L2",
        "amount", "112"), true);
    recordTwice(body("operation", "loan-penalty", "id", "OP-PENALTY", "date", "2024-06-13", "loan", "L2",
        "amount", "20"), false);
    recordTwice(body("operation", "loan-settle", "id", "OP-SETTLE", "date", "2024-06-20", "loan", "L2"), true);
    HttpResponse<String> reversal = recordTwice(body("operation", "reverse", "id", "OP-FINE-REV", "entry", "OP-FINE",
        "reason", "wrong member"), true);
    assertTrue(reversal.body().contains("\"date\" : \"2024-05-04\""), "the entry's own date: " + reversal.body());
    assertTrue(server.books.store().journal().reversalOf(TestServer.SHG01, EntryId.of("OP-FINE")).isPresent());
    HttpResponse<String> roll = recordTwice(body("operation", "meeting-roll", "date", "2024-05-04",
        "present", "M01,M02", "late", "M03"), false);
    assertTrue(roll.body().contains("\"not_on_roll\" : [ ]"), roll.body());
    assertTrue(server.books.store().engine().registry().meeting(TestServer.SHG01, java.time.LocalDate.of(2024, 5, 4))
        .isPresent());
    for (String name : Operations.ALL.keySet()) {
      ops.add(name);
    }
    assertEquals(22, ops.size(), "every operation is exercised above or in membersJoinAndOpenAccountsOnce");
    assertTrue(server.books.store().journal().verify(TestServer.SHG01).isOk());
  }

  @Test
  void membersJoinAndOpenAccountsOnce() {
    HttpResponse<String> joined = recordTwice(body("operation", "member-add", "member", "M09", "name", "Rani Devi",
        "joined", "2024-05-04", "category", "adolescent-girl"), false);
    assertTrue(joined.body().contains("\"member\" : \"M09\""), joined.body());
    var registry = server.books.store().engine().registry();
    var member = registry.member(TestServer.SHG01, MemberId.of("M09")).orElseThrow();
    assertEquals(List.of("Rani Devi", java.time.LocalDate.of(2024, 5, 4), org.shgledger.group.MemberCategory.ADOLESCENT_GIRL),
        List.of(member.name(), member.joined(), member.category()));
    HttpResponse<String> other = post(body("operation", "member-add", "member", "M09", "name", "Sita Devi",
        "joined", "2024-05-04"));
    assertEquals(422, other.statusCode(), other.body());
    assertTrue(other.body().contains("\"error\" : \"MEMBER_EXISTS\""), other.body());
    // the full number is masked at once; the masked form (what a field copy sends) is the same account
    recordTwice(body("operation", "member-bank-account", "member", "M09", "bank", "State Bank of India",
        "ifsc", "sbin0001234", "account-number", "30012345678", "account-opened", "2024-05-01"), false);
    assertEquals("XXXXXXX5678", registry.member(TestServer.SHG01, MemberId.of("M09")).orElseThrow().bankAccount()
        .orElseThrow().maskedNumber());
    HttpResponse<String> masked = post(body("operation", "member-bank-account", "member", "M09",
        "bank", "State Bank of India", "ifsc", "SBIN0001234", "account-number", "XXXXXXX5678",
        "account-opened", "2024-05-01"));
    assertEquals(200, masked.statusCode(), masked.body());
    recordTwice(body("operation", "member-add", "member", "M10", "name", "Gita Devi", "joined", "2024-05-04",
        "bank", "Canara Bank", "ifsc", "CNRB0001234", "account-number", "XXXX4321", "account-opened", "2024-04-20"),
        false);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(body("operation", "member-add", "member", "M11", "name", "Asha", "joined", "2024-05-04", "bank", "SBI"),
        "ifsc");
    bad.put(body("operation", "member-add", "member", "M11", "name", "Asha", "joined", "2024-05-04",
        "category", "man"), "category");
    bad.put(body("operation", "member-bank-account", "member", "M09", "bank", "SBI", "ifsc", "SBIN0001234",
        "account-number", "12345", "account-opened", "2024-05-01"), "account-number");
    bad.put(body("operation", "member-bank-account", "member", "M09", "bank", "SBI", "ifsc", "SBIN01",
        "account-number", "123456789", "account-opened", "2024-05-01"), "ifsc");
    for (Map.Entry<String, String> c : bad.entrySet()) {
      HttpResponse<String> response = post(c.getKey());
      assertEquals(400, response.statusCode(), c.getKey() + " -> " + response.body());
      assertTrue(response.body().contains("\"field\" : \"" + c.getValue() + "\""), response.body());
    }
    assertTrue(registry.member(TestServer.SHG01, MemberId.of("M11")).isEmpty());
  }

  @Test
  void theSameIdWithOtherContentIsTheEnginesRefusal() {
    assertEquals(201, post(body("operation", "fine", "id", "F-1", "date", "2024-05-04", "member", "M03",
        "amount", "10")).statusCode());
    int before = entries();
    HttpResponse<String> other = post(body("operation", "fine", "id", "F-1", "date", "2024-05-04", "member", "M03",
        "amount", "20"));
    assertEquals(422, other.statusCode(), other.body());
    assertTrue(other.body().contains("\"error\" : \"ENTRY_EXISTS_WITH_DIFFERENT_CONTENT\""), other.body());
    HttpResponse<String> otherOperation = post(body("operation", "income", "id", "F-1", "date", "2024-05-04",
        "amount", "10", "description", "fees"));
    assertEquals(422, otherOperation.statusCode(), otherOperation.body());
    assertEquals(before, entries());
  }

  @Test
  void aFieldTheOperationDoesNotTakeOrLacksIs400NamingIt() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(body("id", "X", "date", "2024-05-04"), "operation");
    cases.put(body("operation", "lend", "id", "X"), "operation");
    cases.put(body("operation", "fine", "id", "X", "date", "2024-05-04", "member", "M01", "amount", "1",
        "kind", "voluntary"), "kind");
    cases.put(body("operation", "loan-repay", "id", "X", "date", "2024-05-04", "amount", "1"), "loan");
    cases.put(body("operation", "bank-deposit", "id", "X", "amount", "1"), "date");
    cases.put(body("operation", "expense", "id", "X", "date", "2024-05-04", "amount", "1"), "description");
    cases.put(body("operation", "bank-loan-receive", "id", "X", "date", "2024-05-04", "amount", "1",
        "annual-rate", "12"), "instalments");
    cases.put(body("operation", "bank-loan-repay", "id", "X", "date", "2024-05-04"), "principal");
    cases.put(body("operation", "loan-disburse", "id", "X", "date", "2024-05-04", "member", "M01", "amount", "100",
        "loan", "L9", "method", "weekly"), "method");
    cases.put(body("operation", "loan-disburse", "id", "X", "date", "2024-05-04", "member", "M01", "amount", "100",
        "loan", "L9", "method", "open", "instalments", "3"), "instalments");
    cases.put(body("operation", "loan-disburse", "id", "X", "date", "2024-05-04", "member", "M01", "amount", "100",
        "loan", "L9", "instalments", "three"), "instalments");
    cases.put(body("operation", "meeting-roll", "date", "2024-05-04"), "present");
    cases.put(body("operation", "meeting-roll", "date", "2024-05-04", "present", "M01", "absent", "M01"), "absent");
    cases.put(body("operation", "meeting-roll", "id", "X", "date", "2024-05-04", "present", "M01"), "id");
    cases.put(body("operation", "fine", "id", "X", "date", "2024-05-04", "member", "M01", "amount", "1",
        "reason", "line\nbreak"), "reason");
    cases.put(body("operation", "save", "id", "X", "date", "2024-05-04", "member", "M01", "amount", "1",
        "channel", "upi"), "channel");
    cases.put("{\"operation\": \"save\", \"operation\": \"fine\"}", "operation");
    int before = entries();
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      HttpResponse<String> response = post(bad.getKey());
      assertEquals(400, response.statusCode(), bad.getKey() + " -> " + response.body());
      assertTrue(response.body().contains("\"field\" : \"" + bad.getValue() + "\""), bad.getKey() + " -> " + response.body());
    }
    assertEquals(before, entries());
  }

  @Test
  void anOperationTheEngineRefusesIs422WithItsNameAndWritesNothing() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(body("operation", "bank-withdraw", "id", "R-1", "date", "2024-05-04", "amount", "10"),
        "INSUFFICIENT_BANK_BALANCE");
    cases.put(body("operation", "withdraw", "id", "R-2", "date", "2024-05-04", "member", "M02", "amount", "10"),
        "INSUFFICIENT_SAVINGS");
    cases.put(body("operation", "loan-disburse", "id", "R-3", "date", "2024-05-04", "member", "M02", "amount", "100",
        "loan", "L1"), "LOAN_EXISTS");
    cases.put(body("operation", "reverse", "id", "R-4", "entry", "NO-SUCH-ENTRY"), "REVERSED_ENTRY_NOT_FOUND");
    cases.put(body("operation", "save", "id", "R-5", "date", "2020-01-01", "member", "M02", "amount", "10"),
        "DATE_BEFORE_FORMATION");
    cases.put(body("operation", "loan-repay", "id", "R-6", "date", "2024-05-04", "loan", "L1", "amount", "90000"),
        "REPAYMENT_EXCEEDS_DEBT");
    int before = entries();
    for (Map.Entry<String, String> refused : cases.entrySet()) {
      HttpResponse<String> response = post(refused.getKey());
      assertTrue(response.statusCode() == 422 || response.statusCode() == 404, refused.getKey() + " -> " + response.body());
      assertTrue(response.body().contains("\"error\" : \"" + refused.getValue() + "\""),
          refused.getKey() + " -> " + response.body());
    }
    assertEquals(before, entries());
    assertTrue(server.books.store().engine().registry().loan(TestServer.SHG01, LoanId.of("L9")).isEmpty());
  }

  @Test
  void sqlAndHtmlLookingTextIsStoredAsGivenAndReturnedAsAPlainJsonString() {
    String id = "X');DROP-TABLE-entry;--";
    String reason = "<script>alert('x')</script>\"; DROP TABLE journal_entry; --";
    HttpResponse<String> response = post(body("operation", "fine", "id", "HTML-1", "date", "2024-05-04",
        "member", "M03", "amount", "10", "reason", reason));
    assertEquals(201, response.statusCode(), response.body());
    String stored = server.books.store().journal().entry(TestServer.SHG01, EntryId.of("HTML-1")).orElseThrow().memo();
    assertTrue(stored.contains(reason), stored);
    // the JSON writer escapes the quote; the angle brackets are plain characters inside a JSON string
    assertTrue(response.body().contains("<script>alert('x')</script>\\\"; DROP TABLE journal_entry; --"), response.body());
    HttpResponse<String> badId = post(body("operation", "fine", "id", id, "date", "2024-05-04",
        "member", "M03", "amount", "10"));
    assertEquals(400, badId.statusCode(), badId.body());
    assertTrue(badId.body().contains("\"field\" : \"id\""), badId.body());
    assertTrue(server.books.store().journal().verify(TestServer.SHG01).isOk());
  }

  @Test
  void theOpenApiFileDescribesEveryOperation() throws java.io.IOException {
    String openApi;
    try (java.io.InputStream in = LedgerServer.class.getResourceAsStream("openapi.json")) {
      openApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (Operations.Spec spec : Operations.ALL.values()) {
      int at = openApi.indexOf("\"title\": \"" + spec.name() + "\"");
      assertTrue(at > 0, "docs/openapi.json describes " + spec.name());
      for (String field : spec.fields()) {
        assertTrue(openApi.indexOf("\"" + field + "\": {", at) > 0, spec.name() + "'s " + field);
      }
    }
  }
}
