package org.shgledger.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.shgledger.group.Attendance;
import org.shgledger.group.BankLoan;
import org.shgledger.group.Channel;
import org.shgledger.group.EngineMemo;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.PlainText;
import org.shgledger.journal.Rejection;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.MoneyFormats;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;

/**
 * The writes of the API: {@code POST /api/v1/groups/{group}/operations}, one engine operation per
 * request, as a treasurer records it with {@code shg} (docs/server.md, "Operations"), and the two
 * older routes, {@code /savings} and {@code /loans/{loan}/repayments}.
 *
 * <p>A body names its {@code operation} and gives that operation's fields, all strings; a field
 * the operation does not take is a 400 naming it, and so is a missing or malformed one, before
 * anything reaches the engine. The engine then records under the client's entry id, its
 * idempotency key: the same request again finds the first result (200, {@code "repeat": true}),
 * the same id with other content is the engine's named refusal (422), and any refusal writes
 * nothing.
 */
final class Operations {

  /**
   * An operation the API takes: its name in the body, the fields it needs and the ones it may
   * have (besides {@code operation}).
   */
  record Spec(String name, List<String> required, List<String> optional) {
    Set<String> fields() {
      Set<String> all = new LinkedHashSet<>();
      all.add("operation");
      all.addAll(required);
      all.addAll(optional);
      return all;
    }
  }

  private static final List<String> LOAN_TERMS = List.of("monthly-rate", "annual-rate", "method", "instalments",
      "first-due", "frequency", "grace", "instalment-multiple", "rounding", "instalment", "fee");

  private static final List<String> BANK_ACCOUNT = List.of("bank", "ifsc", "account-number", "account-opened");

  /** Every operation, in the order docs/server.md lists them. */
  static final Map<String, Spec> ALL = specs(
      new Spec("save", List.of("id", "date", "member", "amount"), List.of("kind", "channel")),
      new Spec("withdraw", List.of("id", "date", "member", "amount"), List.of("kind", "channel")),
      new Spec("fine", List.of("id", "date", "member", "amount"), List.of("reason", "channel")),
      new Spec("grant", List.of("id", "date", "amount"), List.of("channel")),
      new Spec("expense", List.of("id", "date", "amount", "description"), List.of("channel", "fund")),
      new Spec("income", List.of("id", "date", "amount", "description"), List.of("channel")),
      new Spec("bank-deposit", List.of("id", "date", "amount"), List.of()),
      new Spec("bank-withdraw", List.of("id", "date", "amount"), List.of()),
      new Spec("bank-interest", List.of("id", "date", "amount"), List.of()),
      new Spec("bank-charges", List.of("id", "date", "amount"), List.of()),
      new Spec("bank-loan-receive", List.of("id", "date", "amount"), List.of("annual-rate", "instalments", "method")),
      new Spec("bank-loan-repay", List.of("id", "date"), List.of("principal", "interest")),
      new Spec("federation-loan-receive", List.of("id", "date", "amount"), List.of("channel")),
      new Spec("federation-loan-repay", List.of("id", "date"), List.of("principal", "interest", "channel")),
      new Spec("loan-disburse", List.of("id", "date", "member", "amount", "loan"),
          concat(List.of("channel"), LOAN_TERMS)),
      new Spec("loan-repay", List.of("id", "date", "loan", "amount"), List.of("channel")),
      new Spec("loan-settle", List.of("id", "date", "loan"), List.of("channel", "flat-early-interest")),
      new Spec("loan-penalty", List.of("id", "date", "loan", "amount"), List.of()),
      new Spec("reverse", List.of("id", "entry"), List.of("date", "reason")),
      new Spec("meeting-roll", List.of("date"), List.of("present", "late", "leave", "absent")),
      new Spec("member-add", List.of("member", "name", "joined"), concat(List.of("category"), BANK_ACCOUNT)),
      new Spec("member-bank-account", concat(List.of("member"), BANK_ACCOUNT), List.of()));

  /** The fields of {@code POST /savings}. */
  static final Set<String> SAVE_FIELDS = Set.of("id", "member", "amount", "date", "kind", "channel");

  /** The fields of {@code POST /loans/{loan}/repayments}. */
  static final Set<String> REPAY_FIELDS = Set.of("id", "amount", "date", "channel");

  /** The most members on one roll: more than any group has. */
  static final int MAX_ROLL = 100;

  /** What a write answers: the status (201 new, 200 repeat) and the JSON body. */
  record Outcome(int status, String json) {}

  private final LedgerStore store;

  Operations(LedgerStore store) {
    this.store = store;
  }

  /**
   * {@code POST /operations}: reads the body, checks its fields against the operation, and records.
   *
   * @param code the group in the path, not null
   * @param body the request's body, not null
   * @return the outcome, not null
   * @throws BadRequest naming the field that is unknown, missing or malformed
   */
  Outcome perform(BookId code, String body) {
    Map<String, String> fields = Bodies.fields(body, null);
    String name = Bodies.required(fields, "operation");
    Spec spec = ALL.get(name);
    if (spec == null) {
      throw new BadRequest("operation", "unknown operation '" + name + "'; the operations are "
          + String.join(", ", ALL.keySet()));
    }
    Set<String> allowed = spec.fields();
    for (String field : fields.keySet()) {
      if (!allowed.contains(field)) {
        throw new BadRequest(field, "unknown field '" + field + "' for " + name + "; its fields are "
            + String.join(", ", allowed));
      }
    }
    for (String field : spec.required()) {
      Bodies.required(fields, field);
    }
    Request request = new Request(code, name, fields);
    return inOneTransaction(code, () -> switch (name) {
      case "save" -> request.save(request.member(), saveKind(fields), request.channel(Channel.CASH));
      case "withdraw" -> request.entry(() -> new GroupOperation.WithdrawSavings(request.member(),
          savingsKind(fields, SavingsKind.VOLUNTARY), request.amount("amount"), request.channel(Channel.CASH)));
      case "fine" -> request.entry(() -> new GroupOperation.Fine(request.member(), request.amount("amount"),
          request.text("reason"), request.channel(Channel.CASH)));
      case "grant" -> request.entry(() -> new GroupOperation.ReceiveGrant(request.amount("amount"),
          request.channel(Channel.BANK)));
      case "expense" -> request.expense();
      case "income" -> request.entry(() -> new GroupOperation.OtherIncome(request.amount("amount"),
          request.text("description"), request.channel(Channel.CASH)));
      case "bank-deposit" -> request.entry(() -> new GroupOperation.BankCash(request.amount("amount")));
      case "bank-withdraw" -> request.entry(() -> new GroupOperation.WithdrawFromBank(request.amount("amount")));
      case "bank-interest" -> request.entry(() -> new GroupOperation.BankInterest(request.amount("amount")));
      case "bank-charges" -> request.entry(() -> new GroupOperation.BankCharges(request.amount("amount")));
      case "bank-loan-receive" -> request.bankLoan();
      case "bank-loan-repay" -> request.entry(() -> {
        Money[] parts = request.repayment();
        return new GroupOperation.RepayBankLoan(parts[0], parts[1]);
      });
      case "federation-loan-receive" -> request.entry(() -> new GroupOperation.ReceiveFederationLoan(
          request.amount("amount"), request.channel(Channel.BANK)));
      case "federation-loan-repay" -> request.entry(() -> {
        Money[] parts = request.repayment();
        return new GroupOperation.RepayFederationLoan(parts[0], parts[1], request.channel(Channel.BANK));
      });
      case "loan-disburse" -> request.disburse();
      case "loan-repay" -> request.repay(request.loan());
      case "loan-settle" -> request.settle();
      case "loan-penalty" -> request.penalty();
      case "reverse" -> request.reverse();
      case "meeting-roll" -> request.roll();
      case "member-add" -> request.memberAdd();
      case "member-bank-account" -> request.bankAccount();
      default -> throw new IllegalStateException("operation without a handler: " + name);
    });
  }

  /**
   * Runs a request's reads and its write as one transaction of the group's book: the group, the
   * entry id's repeat check and the engine's rules then read each row once (the store keeps what a
   * transaction has read), where four reads of the group and two of the id were separate round
   * trips (docs/performance.md, "The server under load"). Nothing is written unless all of it
   * succeeds, as before.
   */
  private <T> T inOneTransaction(BookId code, Supplier<T> work) {
    return store.engine().atomically(code, work);
  }

  /**
   * {@code POST /savings}: {@code shg save --id}, compulsory or voluntary savings.
   *
   * @param code the group in the path, not null
   * @param body the request's body, not null
   * @return the outcome, not null
   */
  Outcome save(BookId code, String body) {
    Map<String, String> fields = Bodies.fields(body, SAVE_FIELDS);
    return inOneTransaction(code, () -> save(new Request(code, null, fields), fields));
  }

  private Outcome save(Request request, Map<String, String> fields) {
    request.id();
    MemberId member = request.member();
    request.date("date");
    String kindWord = fields.getOrDefault("kind", "compulsory");
    SavingsKind kind = switch (kindWord) {
      case "compulsory" -> SavingsKind.COMPULSORY;
      case "voluntary" -> SavingsKind.VOLUNTARY;
      default -> throw new BadRequest("kind", "kind is compulsory or voluntary, not '" + kindWord + "'");
    };
    Channel channel = request.channel(Channel.CASH);
    Money amount = request.amount("amount");
    return request.entry(() -> new GroupOperation.Save(member, kind, amount, channel));
  }

  /**
   * {@code POST /loans/{loan}/repayments}: {@code shg loan repay --id}.
   *
   * @param code the group in the path, not null
   * @param loan the loan in the path, not null
   * @param body the request's body, not null
   * @return the outcome, not null
   */
  Outcome repay(BookId code, String loan, String body) {
    Map<String, String> fields = Bodies.fields(body, REPAY_FIELDS);
    LoanId id = loanId("loan", loan);
    return inOneTransaction(code, () -> new Request(code, null, fields).repay(id));
  }

  /** {@code compulsory}, {@code voluntary} or {@code welfare}, as {@code shg save --kind}. */
  private static String saveKind(Map<String, String> fields) {
    String word = fields.getOrDefault("kind", "compulsory");
    if (!List.of("compulsory", "voluntary", "welfare").contains(word)) {
      throw new BadRequest("kind", "kind is compulsory, voluntary or welfare, not '" + word + "'");
    }
    return word;
  }

  private static SavingsKind savingsKind(Map<String, String> fields, SavingsKind otherwise) {
    String word = fields.get("kind");
    if (word == null) {
      return otherwise;
    }
    return switch (word) {
      case "compulsory" -> SavingsKind.COMPULSORY;
      case "voluntary" -> SavingsKind.VOLUNTARY;
      default -> throw new BadRequest("kind", "kind is compulsory or voluntary, not '" + word + "'");
    };
  }

  /** One request's fields over the group's books: reads each field as the operation needs it. */
  private final class Request {
    private final BookId code;
    private final String operation;
    private final Map<String, String> fields;
    private Group group;

    Request(BookId code, String operation, Map<String, String> fields) {
      this.code = code;
      this.operation = operation;
      this.fields = fields;
    }

    private SavingsGroups engine() {
      return store.engine();
    }

    /** The group; an unknown one is the engine's 404 before any field that needs its currency. */
    private Group group() {
      if (group == null) {
        group = engine().group(code);
      }
      return group;
    }

    EntryId id() {
      return entryId("id", Bodies.required(fields, "id"));
    }

    LocalDate date(String field) {
      String text = Bodies.required(fields, field);
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new BadRequest(field, field + " is yyyy-mm-dd, not '" + text + "'");
      }
    }

    MemberId member() {
      return memberId("member", Bodies.required(fields, "member"));
    }

    LoanId loan() {
      return loanId("loan", Bodies.required(fields, "loan"));
    }

    Channel channel(Channel otherwise) {
      String word = fields.get("channel");
      if (word == null) {
        return otherwise;
      }
      return switch (word) {
        case "cash" -> Channel.CASH;
        case "bank" -> Channel.BANK;
        default -> throw new BadRequest("channel", "channel is cash or bank, not '" + word + "'");
      };
    }

    /** A positive amount in the group's currency. */
    Money amount(String field) {
      Money amount = zeroOrMore(field, Bodies.required(fields, field));
      if (amount.isZero()) {
        throw new BadRequest(field, field + " must be more than zero, not " + fields.get(field));
      }
      return amount;
    }

    Money zeroOrMore(String field, String text) {
      Money amount;
      try {
        amount = MoneyFormats.parse(text.strip(), group().currency());
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new BadRequest(field, field + ": " + e.getMessage());
      }
      if (amount.isNegative()) {
        throw new BadRequest(field, field + " must be more than zero, not " + text);
      }
      return amount;
    }

    /** A free text (a reason, a description): one line, at most the engine's length; empty if absent. */
    String text(String field) {
      String text = fields.getOrDefault(field, "").strip();
      if (text.length() > GroupOperation.MAX_TEXT_LENGTH) {
        throw new BadRequest(field, field + " is at most " + GroupOperation.MAX_TEXT_LENGTH + " characters, not "
            + text.length());
      }
      try {
        return PlainText.checkDescription(field, text);
      } catch (IllegalArgumentException e) {
        throw new BadRequest(field, e.getMessage());
      }
    }

    int count(String field, int least) {
      String text = fields.get(field).strip();
      int value;
      try {
        value = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new BadRequest(field, field + " is a whole number, not '" + text + "'");
      }
      if (value < least || value > 10_000) {
        throw new BadRequest(field, field + " is " + least + " to 10000, not " + value);
      }
      return value;
    }

    BigDecimal percent(String field) {
      String text = fields.get(field).strip();
      try {
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1000)) > 0 || value.scale() > 6) {
          throw new BadRequest(field, field + " is a percent from 0 to 1000, not " + text);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new BadRequest(field, field + " is a percent such as 12 or 11.5, not '" + text + "'");
      }
    }

    <E extends Enum<E>> E word(String field, Map<String, E> words) {
      String text = fields.get(field).strip().toLowerCase(Locale.ROOT);
      E value = words.get(text);
      if (value == null) {
        throw new BadRequest(field, field + " is " + String.join(", ", words.keySet()) + ", not '" + fields.get(field) + "'");
      }
      return value;
    }

    /** Every field read before the engine runs, so that a bad one is a 400 and nothing is written. */
    Outcome entry(Supplier<GroupOperation> operationOf) {
      EntryId id = id();
      LocalDate date = date("date");
      GroupOperation made = operationOf.get();
      return recorded(id, () -> engine().record(code, id, date, made));
    }

    Outcome save(MemberId member, String kind, Channel channel) {
      return entry(() -> {
        Money money = amount("amount");
        return switch (kind) {
          case "welfare" -> new GroupOperation.WelfareContribution(member, money, channel);
          case "voluntary" -> new GroupOperation.Save(member, SavingsKind.VOLUNTARY, money, channel);
          default -> new GroupOperation.Save(member, SavingsKind.COMPULSORY, money, channel);
        };
      });
    }

    Outcome expense() {
      String fund = fields.get("fund");
      if (fund != null && !fund.equals("welfare")) {
        throw new BadRequest("fund", "fund is welfare, not '" + fund + "'");
      }
      return entry(() -> fund != null
          ? new GroupOperation.WelfarePayment(amount("amount"), text("description"), channel(Channel.CASH))
          : new GroupOperation.PayExpense(amount("amount"), text("description"), channel(Channel.CASH)));
    }

    /** Principal and interest of a repayment to a lender: either may be zero, not both. */
    Money[] repayment() {
      Money principal = zeroOrMore("principal", fields.getOrDefault("principal", "0"));
      Money interest = zeroOrMore("interest", fields.getOrDefault("interest", "0"));
      if (principal.isZero() && interest.isZero()) {
        throw new BadRequest("principal", "a repayment needs principal or interest (or both) above zero");
      }
      return new Money[] {principal, interest};
    }

    Outcome bankLoan() {
      List<String> terms = List.of("annual-rate", "instalments", "method");
      long given = terms.stream().filter(fields::containsKey).count();
      if (given == 0) {
        return entry(() -> new GroupOperation.ReceiveBankLoan(amount("amount")));
      }
      if (given < terms.size()) {
        String missing = terms.stream().filter(t -> !fields.containsKey(t)).findFirst().orElseThrow();
        throw new BadRequest(missing, "a bank loan's terms are annual-rate, instalments and method together");
      }
      EntryId id = id();
      LocalDate date = date("date");
      Money principal = amount("amount");
      BigDecimal rate = percent("annual-rate");
      int instalments = count("instalments", 1);
      RepaymentMethod method = word("method", METHODS);
      BankLoan loan;
      try {
        loan = new BankLoan(id, date, principal, rate, instalments, method);
      } catch (IllegalArgumentException e) {
        throw new BadRequest("annual-rate", "invalid bank loan: " + e.getMessage());
      }
      return recorded(id, () -> engine().receiveBankLoan(code, loan));
    }

    Outcome disburse() {
      EntryId id = id();
      LocalDate date = date("date");
      MemberId member = member();
      LoanId loan = loan();
      Channel channel = channel(Channel.CASH);
      Money principal = amount("amount");
      Money fee = fields.containsKey("fee") ? zeroOrMore("fee", fields.get("fee")) : Money.zero(group().currency());
      Loan terms = terms(principal, date);
      return recorded(id, () -> engine().disburseLoan(code, id, loan, member, terms, channel, fee));
    }

    /** The group's loan terms with the fields' changes, as {@code shg loan disburse} makes them. */
    private Loan terms(Money principal, LocalDate date) {
      LoanDefaults defaults = group().loanDefaults();
      if (fields.containsKey("monthly-rate") && fields.containsKey("annual-rate")) {
        throw new BadRequest("annual-rate", "give monthly-rate or annual-rate, not both");
      }
      Optional<RepaymentMethod> chosen = defaults.method();
      if (fields.containsKey("method")) {
        chosen = switch (fields.get("method").strip().toLowerCase(Locale.ROOT)) {
          case "flat" -> Optional.of(RepaymentMethod.FLAT);
          case "emi" -> Optional.of(RepaymentMethod.EMI);
          case "equal-principal" -> Optional.of(RepaymentMethod.EQUAL_PRINCIPAL);
          case "open" -> Optional.empty();
          default -> throw new BadRequest("method", "method is flat, emi, equal-principal or open, not '"
              + fields.get("method") + "'");
        };
      }
      if (chosen.isEmpty()) {
        for (String scheduleOnly : List.of("instalments", "first-due", "frequency", "grace", "instalment-multiple",
            "rounding", "instalment")) {
          if (fields.containsKey(scheduleOnly)) {
            throw new BadRequest(scheduleOnly, "an open loan has no instalments: " + scheduleOnly
                + " is for flat, emi and equal-principal");
          }
        }
      }
      if (fields.containsKey("instalment") && fields.containsKey("instalments")) {
        throw new BadRequest("instalment", "instalment fixes the amount and the number of instalments follows: "
            + "give it or instalments");
      }
      InterestRate interest = fields.containsKey("monthly-rate") ? InterestRate.perMonth(percent("monthly-rate"))
          : fields.containsKey("annual-rate") ? InterestRate.perYear(percent("annual-rate")) : defaults.rate();
      int count = fields.containsKey("instalments") ? count("instalments", 1) : defaults.instalments();
      Frequency every = fields.containsKey("frequency") ? word("frequency", FREQUENCIES) : defaults.frequency();
      LocalDate firstDue = fields.containsKey("first-due") ? date("first-due") : null;
      Integer grace = fields.containsKey("grace") ? count("grace", 0) : null;
      Money multiple = fields.containsKey("instalment-multiple") ? amount("instalment-multiple") : null;
      RoundingMode mode = fields.containsKey("rounding") ? word("rounding", ROUNDINGS) : null;
      Money fixed = fields.containsKey("instalment") ? amount("instalment") : null;
      try {
        Loan terms = new LoanDefaults(interest, chosen, count, every, defaults.allocationOrder())
            .termsFor(principal, date, group().rounding());
        if (terms instanceof LoanTerms scheduled) {
          if (firstDue != null) {
            scheduled = scheduled.withFirstDueDate(firstDue);
          }
          if (grace != null) {
            scheduled = scheduled.withInterestOnlyInstalments(grace);
          }
          if (multiple != null) {
            scheduled = scheduled.withInstalmentMultiple(multiple);
          }
          if (mode != null) {
            scheduled = scheduled.withInstalmentRounding(mode).withInterestRounding(RoundingPolicy.minorUnits(mode));
          }
          if (fixed != null) {
            scheduled = scheduled.withFixedInstalment(fixed);
          }
          scheduled.schedule(); // a loan that cannot be repaid as asked is refused here, not later
          terms = scheduled;
        }
        return terms;
      } catch (IllegalArgumentException e) {
        throw new BadRequest("amount", "invalid loan: " + e.getMessage());
      }
    }

    Outcome repay(LoanId loan) {
      EntryId id = id();
      LocalDate date = date("date");
      Channel channel = channel(Channel.CASH);
      Money amount = amount("amount");
      return recorded(id, () -> engine().repayLoan(code, id, loan, date, amount, channel));
    }

    Outcome settle() {
      EntryId id = id();
      LocalDate date = date("date");
      LoanId loan = loan();
      Channel channel = channel(Channel.CASH);
      FlatEarlyInterest rule = fields.containsKey("flat-early-interest")
          ? word("flat-early-interest", Map.of("none", FlatEarlyInterest.NONE, "full", FlatEarlyInterest.FULL))
          : FlatEarlyInterest.NONE;
      return recorded(id, () -> engine().settleLoan(code, id, loan, date, channel, rule));
    }

    /** A penalty is owed, not an entry: its id is the loan event's, and a repeat is found among them. */
    Outcome penalty() {
      EntryId id = id();
      LocalDate date = date("date");
      LoanId loan = loan();
      Money amount = amount("amount");
      boolean repeat = engine().registry().loanEvents(code, loan).stream().anyMatch(e -> e.id().equals(id));
      engine().chargeLoanPenalty(code, id, loan, date, amount);
      return new Outcome(repeat ? 200 : 201, Bodies.object("shg.recorded/1", json -> {
        json.writeStringField("group", code.value());
        json.writeStringField("operation", operation);
        json.writeStringField("id", id.value());
        json.writeStringField("date", date.toString());
        json.writeStringField("loan", loan.value());
        json.writeStringField("amount", MoneyFormats.plain(amount));
        json.writeBooleanField("repeat", repeat);
      }));
    }

    Outcome reverse() {
      EntryId id = id();
      EntryId original = entryId("entry", Bodies.required(fields, "entry"));
      LocalDate given = fields.containsKey("date") ? date("date") : null;
      String why = text("reason");
      JournalEntry reversed = store.journal().entry(code, original).orElseThrow(() -> new JournalException(
          Rejection.REVERSED_ENTRY_NOT_FOUND, "book " + code + ": there is no entry " + original + " to reverse"));
      LocalDate day = given != null ? given : reversed.date();
      String memo = why.isEmpty() ? EngineMemo.REVERSAL.compose(original.value())
          : EngineMemo.REVERSAL_FOR.compose(original.value(), why);
      Optional<JournalEntry> done = store.journal().reversalOf(code, original);
      if (done.isPresent() && done.get().id().equals(id)) {
        // the same reversal again: the first, nothing recorded (the journal refuses a second reversal)
        return new Outcome(200, body(done.get(), true));
      }
      return recorded(id, () -> engine().reverse(code, original, id, day, memo));
    }

    /** A meeting's roll has no entry: its key is the group and the day, as the engine keeps it. */
    Outcome roll() {
      LocalDate date = date("date");
      Map<MemberId, Attendance> roll = new LinkedHashMap<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Map.Entry<String, Attendance> answer : List.of(Map.entry("present", Attendance.PRESENT),
          Map.entry("late", Attendance.LATE), Map.entry("leave", Attendance.LEAVE),
          Map.entry("absent", Attendance.ABSENT))) {
        String field = answer.getKey();
        String list = fields.getOrDefault(field, "").strip();
        int n = 0;
        for (String word : list.isEmpty() ? new String[0] : list.split(",")) {
          MemberId member = memberId(field, word.strip());
          if (roll.put(member, answer.getValue()) != null) {
            throw new BadRequest(field, member + " is on the roll twice");
          }
          if (roll.size() > MAX_ROLL) {
            throw new BadRequest(field, "a roll has at most " + MAX_ROLL + " members");
          }
          n++;
        }
        counts.put(field, n);
      }
      if (roll.isEmpty()) {
        throw new BadRequest("present", "a roll needs at least one of present, late, leave, absent");
      }
      boolean repeat = engine().registry().meeting(code, date).isPresent();
      engine().recordMeeting(new Meeting(code, date, roll));
      List<String> missing = new ArrayList<>();
      for (Member member : engine().membersOn(code, date)) {
        if (!roll.containsKey(member.id())) {
          missing.add(member.id().value());
        }
      }
      return new Outcome(repeat ? 200 : 201, Bodies.object("shg.recorded/1", json -> {
        json.writeStringField("group", code.value());
        json.writeStringField("operation", operation);
        json.writeStringField("date", date.toString());
        json.writeBooleanField("repeat", repeat);
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
          json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeArrayFieldStart("not_on_roll");
        for (String member : missing) {
          json.writeString(member);
        }
        json.writeEndArray();
      }));
    }

    /**
     * A member joins: her id is the key (the same member again is a repeat, another person under
     * her id the engine's {@code MEMBER_EXISTS}); the four bank fields come together or not at all.
     */
    Outcome memberAdd() {
      MemberId member = member();
      LocalDate joined = date("joined");
      MemberCategory category;
      try {
        category = MemberCategory.parse(fields.getOrDefault("category", MemberCategory.ADULT_WOMAN.word()));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("category", e.getMessage());
      }
      Member joining;
      try {
        joining = Member.joining(member, fields.get("name").strip(), category, joined);
      } catch (IllegalArgumentException e) {
        throw new BadRequest("name", e.getMessage());
      }
      long given = BANK_ACCOUNT.stream().filter(fields::containsKey).count();
      if (given > 0 && given < BANK_ACCOUNT.size()) {
        String missing = BANK_ACCOUNT.stream().filter(f -> !fields.containsKey(f)).findFirst().orElseThrow();
        throw new BadRequest(missing, "a bank account is bank, ifsc, account-number and account-opened together");
      }
      if (given > 0) {
        joining = joining.withBankAccount(account());
      }
      Optional<Member> before = engine().registry().member(code, member);
      Member recorded = engine().addMember(code, joining);
      return memberOutcome(member, before.isPresent() && before.get().equals(recorded));
    }

    /** A member's own bank account, recorded or replaced: the same account again is a repeat. */
    Outcome bankAccount() {
      MemberId member = member();
      MemberBankAccount account = account();
      boolean repeat = engine().registry().member(code, member).flatMap(Member::bankAccount)
          .equals(Optional.of(account));
      engine().setBankAccount(code, member, account);
      return memberOutcome(member, repeat);
    }

    /** The account's number as given in full (masked here, never kept) or as masked already. */
    private MemberBankAccount account() {
      LocalDate opened = date("account-opened");
      String number = Bodies.required(fields, "account-number").strip();
      try {
        String bank = Bodies.required(fields, "bank").strip();
        String ifsc = Bodies.required(fields, "ifsc").strip().toUpperCase(Locale.ROOT);
        return number.replaceAll("[ -]", "").matches("[0-9]{6,}") ? MemberBankAccount.of(bank, ifsc, number, opened)
            : new MemberBankAccount(bank, ifsc, number, opened);
      } catch (IllegalArgumentException e) {
        String message = e.getMessage();
        String field = message.startsWith("IFSC") ? "ifsc" : message.startsWith("bank") || message.startsWith("a bank") ? "bank" : "account-number";
        throw new BadRequest(field, message);
      }
    }

    private Outcome memberOutcome(MemberId member, boolean repeat) {
      return new Outcome(repeat ? 200 : 201, Bodies.object("shg.recorded/1", json -> {
        json.writeStringField("group", code.value());
        json.writeStringField("operation", operation);
        json.writeStringField("member", member.value());
        json.writeBooleanField("repeat", repeat);
      }));
    }

    /**
     * Records through the engine under the client's entry id, the idempotency key: the engine finds
     * a repeat by it (same content: the first entry, nothing recorded; other content: refused), in
     * the database, so a repeat sent to another server is found too.
     */
    Outcome recorded(EntryId id, Supplier<JournalEntry> record) {
      boolean known = store.journal().entry(code, id).isPresent();
      JournalEntry entry = record.get();
      return new Outcome(known ? 200 : 201, body(entry, known));
    }

    private String body(JournalEntry entry, boolean repeat) {
      return Bodies.object("shg.recorded/1", json -> {
        json.writeStringField("group", code.value());
        if (operation != null) {
          json.writeStringField("operation", operation);
        }
        json.writeStringField("id", entry.id().value());
        json.writeStringField("date", entry.date().toString());
        json.writeStringField("kind", entry.kind().name());
        json.writeBooleanField("repeat", repeat);
        if (operation != null) {
          json.writeStringField("memo", entry.memo());
        }
        json.writeArrayFieldStart("postings");
        for (var posting : entry.postings()) {
          json.writeStartObject();
          json.writeStringField("account", posting.account().toString());
          json.writeStringField("side", posting.side().name());
          json.writeStringField("amount", MoneyFormats.plain(posting.amount()));
          json.writeEndObject();
        }
        json.writeEndArray();
      });
    }
  }

  private static final Map<String, RepaymentMethod> METHODS = words(RepaymentMethod.values());
  private static final Map<String, Frequency> FREQUENCIES = words(Frequency.values());
  private static final Map<String, RoundingMode> ROUNDINGS = words(
      RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.UP, RoundingMode.DOWN);

  /** An enum's words as the command line reads them: {@code EQUAL_PRINCIPAL} is {@code equal-principal}. */
  @SafeVarargs
  private static <E extends Enum<E>> Map<String, E> words(E... constants) {
    Map<String, E> words = new LinkedHashMap<>();
    Arrays.stream(constants).forEach(c -> words.put(c.name().toLowerCase(Locale.ROOT).replace('_', '-'), c));
    return words;
  }

  static EntryId entryId(String field, String text) {
    try {
      return EntryId.of(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(field, e.getMessage());
    }
  }

  static MemberId memberId(String field, String text) {
    try {
      return MemberId.of(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(field, e.getMessage());
    }
  }

  static LoanId loanId(String field, String text) {
    try {
      return LoanId.of(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(field, e.getMessage());
    }
  }

  private static Map<String, Spec> specs(Spec... specs) {
    Map<String, Spec> all = new LinkedHashMap<>();
    for (Spec spec : specs) {
      all.put(spec.name(), spec);
    }
    return java.util.Collections.unmodifiableMap(all);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
