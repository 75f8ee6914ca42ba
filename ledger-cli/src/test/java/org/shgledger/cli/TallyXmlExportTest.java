package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * {@code shg export --format tally-xml} on the seed group SHG01 (a year and more of meetings,
 * loans, bank lines and a year end): the document is well-formed XML that validates against the
 * schema written from Tally's integration documentation ({@code tally-import.xsd}), every voucher
 * balances in Tally's signs, each ledger's vouchers add up to the account's trial balance, the
 * voucher types follow cash and bank, the ledgers sit under Tally's groups and carry no member's
 * name, and text a person typed comes back as typed.
 */
class TallyXmlExportTest {

  private static final String CASH = "1000";
  private static final String BANK = "1100";

  @TempDir static Path dir;
  static Path seedDb;
  static String xml;
  static Document document;

  @BeforeAll
  static void export() throws Exception {
    seedDb = dir.resolve("seed.db");
    SeedBooks.build(SeedBooks.groups().get(0), seedDb);
    Run run = Run.shg("export", "SHG01", "--format", "tally-xml", "--db", seedDb.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    xml = run.out();
    document = parse(xml);
  }

  @Test
  void isWellFormedAndValidAgainstTheSchemaWrittenFromTallysDocumentation() throws Exception {
    URL xsd = TallyXmlExportTest.class.getResource("tally-import.xsd");
    assertNotNull(xsd, "tally-import.xsd on the test class path");
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException e) {
      fail("the export does not match tally-import.xsd: " + e.getMessage());
    }
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml.substring(0, 60));
    assertEquals("Import Data", text(document.getDocumentElement(), "TALLYREQUEST"));
    assertEquals("Roshni Mahila Samooh", text(document.getDocumentElement(), "SVCURRENTCOMPANY"));
  }

  @Test
  void everyVoucherBalancesWithDebitsNegativeAndDeemedPositive() {
    List<Element> vouchers = elements(document.getDocumentElement(), "VOUCHER");
    assertFalse(vouchers.isEmpty());
    List<String> problems = new ArrayList<>();
    for (Element voucher : vouchers) {
      String number = text(voucher, "VOUCHERNUMBER");
      BigDecimal sum = BigDecimal.ZERO;
      for (Element line : elements(voucher, "ALLLEDGERENTRIES.LIST")) {
        BigDecimal amount = new BigDecimal(text(line, "AMOUNT"));
        sum = sum.add(amount);
        String deemedPositive = text(line, "ISDEEMEDPOSITIVE");
        if (amount.signum() == 0 || deemedPositive.equals("Yes") != (amount.signum() < 0)) {
          problems.add(number + ": " + text(line, "LEDGERNAME") + " " + amount + " deemed positive " + deemedPositive);
        }
        if (amount.scale() != 2) {
          problems.add(number + ": " + amount + " is not to the paisa");
        }
      }
      if (sum.signum() != 0) {
        problems.add(number + " sums to " + sum);
      }
      if (!voucher.getAttribute("VCHTYPE").equals(text(voucher, "VOUCHERTYPENAME"))) {
        problems.add(number + ": VCHTYPE " + voucher.getAttribute("VCHTYPE") + " is not its VOUCHERTYPENAME");
      }
    }
    assertEquals(List.of(), problems);
    // one voucher per journal entry
    Set<String> entries = new LinkedHashSet<>();
    for (CSVRecord row : ReportOutput.csvTables(
        Run.shg("export", "SHG01", "--format", "gl-csv", "--db", seedDb.toString()).out()).get(0)) {
      entries.add(row.get("entry"));
    }
    assertEquals(List.copyOf(entries), vouchers.stream().map(v -> text(v, "VOUCHERNUMBER")).toList());
  }

  @Test
  void eachLedgersVouchersAddUpToItsTrialBalance() {
    Map<String, BigDecimal> byLedger = new TreeMap<>();
    for (Element line : elements(document.getDocumentElement(), "ALLLEDGERENTRIES.LIST")) {
      byLedger.merge(code(text(line, "LEDGERNAME")), new BigDecimal(text(line, "AMOUNT")), BigDecimal::add);
    }
    Set<String> ledgers = new LinkedHashSet<>();
    for (Element ledger : elements(document.getDocumentElement(), "LEDGER")) {
      ledgers.add(code(ledger.getAttribute("NAME")));
    }
    assertEquals(ledgers, byLedger.keySet(), "a ledger for each account used, and only those");

    Run trialBalance = Run.shg("trial-balance", "SHG01", "--members", "--format", "csv", "--db", seedDb.toString());
    assertEquals(ExitCodes.OK, trialBalance.exitCode(), trialBalance.err());
    Map<String, BigDecimal> net = new HashMap<>();
    for (CSVRecord row : ReportOutput.csvTables(trialBalance.out()).get(0)) {
      net.put(row.get("code"), new BigDecimal(row.get("debit")).subtract(new BigDecimal(row.get("credit"))));
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> ledger : byLedger.entrySet()) {
      // Tally's sign is the opposite of a debit balance's; the trial balance leaves out zeros
      BigDecimal expected = net.getOrDefault(ledger.getKey(), BigDecimal.ZERO).negate();
      if (expected.compareTo(ledger.getValue()) != 0) {
        problems.add(ledger.getKey() + ": vouchers " + ledger.getValue() + ", trial balance " + expected.negate());
      }
    }
    for (String code : net.keySet()) {
      boolean aLedger = byLedger.containsKey(code);
      boolean itsSubLedgersAre = byLedger.keySet().stream().anyMatch(ledger -> ledger.startsWith(code + ":"));
      if (!aLedger && !itsSubLedgersAre) {
        problems.add(code + " has a balance and no ledger");
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(byLedger.size() > 10, byLedger.toString());
  }

  @Test
  void voucherTypesFollowTheCashAndBank() {
    Map<String, Integer> seen = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Element voucher : elements(document.getDocumentElement(), "VOUCHER")) {
      String type = voucher.getAttribute("VCHTYPE");
      seen.merge(type, 1, Integer::sum);
      BigDecimal intoCashAndBank = BigDecimal.ZERO;
      boolean cashOrBank = false;
      boolean others = false;
      for (Element line : elements(voucher, "ALLLEDGERENTRIES.LIST")) {
        String code = code(text(line, "LEDGERNAME"));
        if (code.equals(CASH) || code.equals(BANK)) {
          cashOrBank = true;
          intoCashAndBank = intoCashAndBank.subtract(new BigDecimal(text(line, "AMOUNT")));
        } else {
          others = true;
        }
      }
      String expected = !cashOrBank ? "Journal" : !others ? "Contra"
          : intoCashAndBank.signum() > 0 ? "Receipt" : intoCashAndBank.signum() < 0 ? "Payment" : "Journal";
      if (!expected.equals(type)) {
        problems.add(text(voucher, "VOUCHERNUMBER") + " is a " + type + ", not a " + expected);
      }
    }
    assertEquals(List.of(), problems);
    // the seed group has no journal voucher: the small book's year end is one (below)
    assertTrue(seen.keySet().containsAll(Set.of("Contra", "Payment", "Receipt")), seen.toString());
  }

  @Test
  void ledgersSitUnderTallysGroupsAndAreNamedWithoutMembersNames() {
    Map<String, String> groups = Map.ofEntries(Map.entry("1000", "Cash-in-Hand"), Map.entry("1100", "Bank Accounts"),
        Map.entry("1200", "Loans & Advances (Asset)"), Map.entry("1300", "Deposits (Asset)"),
        Map.entry("2000", "Current Liabilities"), Map.entry("2100", "Current Liabilities"),
        Map.entry("2200", "Loans (Liability)"), Map.entry("2300", "Loans (Liability)"),
        Map.entry("3000", "Capital Account"), Map.entry("3100", "Reserves & Surplus"),
        Map.entry("3200", "Reserves & Surplus"), Map.entry("4000", "Direct Incomes"),
        Map.entry("4100", "Indirect Incomes"), Map.entry("4200", "Indirect Incomes"),
        Map.entry("4300", "Indirect Incomes"), Map.entry("4400", "Indirect Incomes"),
        Map.entry("5000", "Direct Expenses"), Map.entry("5100", "Indirect Expenses"),
        Map.entry("5200", "Indirect Expenses"), Map.entry("9999", "Suspense A/c"));
    Map<String, String> chartNames = Map.of("1200", "Loans to members", "2000", "Members' compulsory savings",
        "2100", "Members' voluntary savings");
    List<String> problems = new ArrayList<>();
    int subLedgers = 0;
    for (Element ledger : elements(document.getDocumentElement(), "LEDGER")) {
      String name = ledger.getAttribute("NAME");
      String code = code(name);
      String control = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
      if (!name.equals(text(ledger, "NAME")) || !"Create".equals(ledger.getAttribute("ACTION"))) {
        problems.add(name + ": NAME or ACTION");
      }
      if (!groups.get(control).equals(text(ledger, "PARENT"))) {
        problems.add(name + " is under " + text(ledger, "PARENT"));
      }
      if (!code.equals(control)) {
        subLedgers++;
        if (!name.equals(code + " " + chartNames.get(control))) {
          problems.add(name + " is not named by its code and its control account");
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(subLedgers > 5, "sub-ledgers: " + subLedgers);
    Run members = Run.shg("member", "list", "SHG01", "--format", "csv", "--db", seedDb.toString());
    assertEquals(ExitCodes.OK, members.exitCode(), members.err());
    List<String> leaked = new ArrayList<>();
    for (CSVRecord member : ReportOutput.csvTables(members.out()).get(0)) {
      String memberName = member.get("name");
      for (Element ledger : elements(document.getDocumentElement(), "LEDGER")) {
        if (!memberName.isBlank() && ledger.getAttribute("NAME").contains(memberName)) {
          leaked.add(memberName);
        }
      }
    }
    assertEquals(List.of(), leaked);
  }

  @Test
  void textAPersonTypedComesBackAsTypedAndTheExportIsTheSameEveryTime() throws Exception {
    String db = dir.resolve("escape.db").toString();
    String groupName = "Asha & \"Ujala\" <Samooh>";
    String description = "tea & <biscuits> for the \"meeting\"";
    for (String[] command : List.of(
        new String[] {"group", "create", "ESC", "--name", groupName, "--formed", "2024-04-01", "--monthly-savings", "100"},
        new String[] {"member", "add", "ESC", "M01", "--name", "Member One", "--joined", "2024-04-01"},
        new String[] {"save", "ESC", "M01", "--amount", "500", "--date", "2024-04-10"},
        new String[] {"expense", "ESC", "--amount", "12.34", "--description", description, "--date", "2024-04-11"},
        new String[] {"year-end", "ESC", "--date", "2025-03-31"})) {
      String[] withDb = GoldenOutputTest.withDb(command, db);
      Run run = Run.shg(withDb);
      assertEquals(ExitCodes.OK, run.exitCode(), String.join(" ", command) + ": " + run.err());
    }
    Run first = Run.shg("export", "ESC", "--format", "tally-xml", "--db", db);
    assertEquals(ExitCodes.OK, first.exitCode(), first.err());
    Document small = parse(first.out());
    assertEquals(groupName, text(small.getDocumentElement(), "SVCURRENTCOMPANY"));
    List<Element> vouchers = elements(small.getDocumentElement(), "VOUCHER");
    assertEquals(3, vouchers.size());
    Element expense = vouchers.get(1);
    assertAll(
        () -> assertEquals("Receipt", vouchers.get(0).getAttribute("VCHTYPE")),
        () -> assertEquals("Journal", vouchers.get(2).getAttribute("VCHTYPE")),
        () -> assertEquals("Payment", expense.getAttribute("VCHTYPE")),
        () -> assertEquals("20240411", text(expense, "DATE")),
        () -> assertTrue(text(expense, "NARRATION").contains(description), text(expense, "NARRATION")),
        () -> assertEquals("-12.34", text(elements(expense, "ALLLEDGERENTRIES.LIST").get(0), "AMOUNT")),
        () -> assertFalse(first.out().contains("Member One"), "a member's name"));
    assertEquals(first.out(), Run.shg("export", "ESC", "--format", "tally-xml", "--db", db).out());
  }

  @Test
  void controlCharactersAndUnpairedSurrogatesCannotBreakTheXml() {
    assertEquals("a b c", TallyXmlExport.text("a\u0001b\n\t c"));
    assertEquals("x y", TallyXmlExport.text(" x\uD800y "));
    assertEquals("\uD83D\uDE00 ok", TallyXmlExport.text("\uD83D\uDE00\u0000ok"));
  }

  /** The code a ledger is named by: its name up to the first space. */
  private static String code(String ledgerName) {
    int space = ledgerName.indexOf(' ');
    return space < 0 ? ledgerName : ledgerName.substring(0, space);
  }

  private static Document parse(String text) throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // a test reads its own output, but never lets a document reach out
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  private static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    List<Element> elements = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** The text of the first descendant of that name. */
  private static String text(Element parent, String name) {
    Node node = parent.getElementsByTagName(name).item(0);
    assertNotNull(node, name + " in " + parent.getTagName());
    return node.getTextContent();
  }
}
