package org.shgledger.group;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.money.MoneyFormats;

/**
 * The engine's operations as the server's API takes them ({@code POST
 * /api/v1/groups/{group}/operations}, docs/server.md "Operations"): one flat object of strings,
 * {@code operation} first. The server's {@code Operations} reads exactly these fields; a test
 * there sends each body this class writes and checks the server records the same entry, so the
 * two stay one encoding. An operation the API does not take (a passbook's bank line, opening
 * balances) has no body: {@link #unsupported}.
 */
public final class OperationBodies {

  private OperationBodies() {}

  /**
   * The body of an operation recorded with {@link SavingsGroups#record(BookId, EntryId, LocalDate, GroupOperation)}.
   *
   * @param book the group, for the message of a refusal, not null
   * @param id the entry id, not null
   * @param date the date, not null
   * @param operation the operation, not null
   * @return the body, not null
   * @throws GroupException {@link GroupRejection#INVALID_AMOUNT} for an operation the API does not
   *     take, which a field copy cannot send
   */
  public static Map<String, String> of(BookId book, EntryId id, LocalDate date, GroupOperation operation) {
    Map<String, String> body = new LinkedHashMap<>();
    if (operation instanceof GroupOperation.Save save) {
      start(body, "save", id, date);
      body.put("member", save.member().value());
      body.put("amount", amount(save.amount()));
      body.put("kind", save.kind() == SavingsKind.COMPULSORY ? "compulsory" : "voluntary");
      body.put("channel", channel(save.channel()));
    } else if (operation instanceof GroupOperation.WelfareContribution welfare) {
      start(body, "save", id, date);
      body.put("member", welfare.member().value());
      body.put("amount", amount(welfare.amount()));
      body.put("kind", "welfare");
      body.put("channel", channel(welfare.channel()));
    } else if (operation instanceof GroupOperation.WithdrawSavings withdraw) {
      start(body, "withdraw", id, date);
      body.put("member", withdraw.member().value());
      body.put("amount", amount(withdraw.amount()));
      body.put("kind", withdraw.kind() == SavingsKind.COMPULSORY ? "compulsory" : "voluntary");
      body.put("channel", channel(withdraw.channel()));
    } else if (operation instanceof GroupOperation.Fine fine) {
      start(body, "fine", id, date);
      body.put("member", fine.member().value());
      body.put("amount", amount(fine.amount()));
      body.put("reason", fine.reason());
      body.put("channel", channel(fine.channel()));
    } else if (operation instanceof GroupOperation.ReceiveGrant grant) {
      start(body, "grant", id, date);
      body.put("amount", amount(grant.amount()));
      body.put("channel", channel(grant.channel()));
    } else if (operation instanceof GroupOperation.PayExpense expense) {
      start(body, "expense", id, date);
      body.put("amount", amount(expense.amount()));
      body.put("description", expense.description());
      body.put("channel", channel(expense.channel()));
    } else if (operation instanceof GroupOperation.WelfarePayment payment) {
      start(body, "expense", id, date);
      body.put("amount", amount(payment.amount()));
      body.put("description", payment.description());
      body.put("channel", channel(payment.channel()));
      body.put("fund", "welfare");
    } else if (operation instanceof GroupOperation.OtherIncome income) {
      start(body, "income", id, date);
      body.put("amount", amount(income.amount()));
      body.put("description", income.description());
      body.put("channel", channel(income.channel()));
    } else if (operation instanceof GroupOperation.BankCash deposit) {
      simple(body, "bank-deposit", id, date, deposit.amount());
    } else if (operation instanceof GroupOperation.WithdrawFromBank withdraw) {
      simple(body, "bank-withdraw", id, date, withdraw.amount());
    } else if (operation instanceof GroupOperation.BankInterest interest) {
      simple(body, "bank-interest", id, date, interest.amount());
    } else if (operation instanceof GroupOperation.BankCharges charges) {
      simple(body, "bank-charges", id, date, charges.amount());
    } else if (operation instanceof GroupOperation.ReceiveBankLoan loan) {
      simple(body, "bank-loan-receive", id, date, loan.amount());
    } else if (operation instanceof GroupOperation.RepayBankLoan repay) {
      start(body, "bank-loan-repay", id, date);
      body.put("principal", amount(repay.principal()));
      body.put("interest", amount(repay.interest()));
    } else if (operation instanceof GroupOperation.ReceiveFederationLoan loan) {
      simple(body, "federation-loan-receive", id, date, loan.amount());
      body.put("channel", channel(loan.channel()));
    } else if (operation instanceof GroupOperation.RepayFederationLoan repay) {
      start(body, "federation-loan-repay", id, date);
      body.put("principal", amount(repay.principal()));
      body.put("interest", amount(repay.interest()));
      body.put("channel", channel(repay.channel()));
    } else {
      throw unsupported(book, operation.getClass().getSimpleName());
    }
    return body;
  }

  /**
   * The body of a bank loan received with its terms.
   *
   * @param terms the loan's terms, not null
   * @return the body, not null
   */
  public static Map<String, String> bankLoan(BankLoan terms) {
    Map<String, String> body = new LinkedHashMap<>();
    simple(body, "bank-loan-receive", terms.receipt(), terms.received(), terms.principal());
    body.put("annual-rate", terms.annualRatePercent().toPlainString());
    body.put("instalments", Integer.toString(terms.instalments()));
    body.put("method", terms.method().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    return body;
  }

  /**
   * The body of a loan repayment.
   *
   * @param id the entry id, not null
   * @param loan the loan, not null
   * @param date the date, not null
   * @param amount the amount, not null
   * @param channel cash or bank, not null
   * @return the body, not null
   */
  public static Map<String, String> repay(EntryId id, LoanId loan, LocalDate date, Money amount, Channel channel) {
    Map<String, String> body = new LinkedHashMap<>();
    start(body, "loan-repay", id, date);
    body.put("loan", loan.value());
    body.put("amount", amount(amount));
    body.put("channel", channel(channel));
    return body;
  }

  /**
   * The body of a loan settled early.
   *
   * @param id the entry id, not null
   * @param loan the loan, not null
   * @param date the date, not null
   * @param channel cash or bank, not null
   * @param rule the interest a flat loan settled early owes, not null
   * @return the body, not null
   */
  public static Map<String, String> settle(EntryId id, LoanId loan, LocalDate date, Channel channel,
      FlatEarlyInterest rule) {
    Map<String, String> body = new LinkedHashMap<>();
    start(body, "loan-settle", id, date);
    body.put("loan", loan.value());
    body.put("channel", channel(channel));
    body.put("flat-early-interest", rule == FlatEarlyInterest.FULL ? "full" : "none");
    return body;
  }

  /**
   * The body of a penalty charged on a loan.
   *
   * @param id the penalty's id, not null
   * @param loan the loan, not null
   * @param date the date, not null
   * @param amount the amount, not null
   * @return the body, not null
   */
  public static Map<String, String> penalty(EntryId id, LoanId loan, LocalDate date, Money amount) {
    Map<String, String> body = new LinkedHashMap<>();
    start(body, "loan-penalty", id, date);
    body.put("loan", loan.value());
    body.put("amount", amount(amount));
    return body;
  }

  /**
   * The body of a reversal.
   *
   * @param id the reversal's entry id, not null
   * @param original the entry it reverses, not null
   * @param date its date, not null
   * @return the body, not null
   */
  public static Map<String, String> reverse(EntryId id, EntryId original, LocalDate date) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("operation", "reverse");
    body.put("id", id.value());
    body.put("entry", original.value());
    body.put("date", date.toString());
    return body;
  }

  /**
   * The body of a loan paid out: the terms as the API's fields, the rate as given (per month or
   * per year), the schedule's method, count, frequency, first due date, interest-only instalments,
   * multiple and fixed instalment.
   *
   * @param book the group, for the message of a refusal, not null
   * @param id the entry id, not null
   * @param loan the loan, not null
   * @param member the borrower, not null
   * @param terms the terms, not null
   * @param channel cash or bank, not null
   * @param fee the processing fee, zero for none, not null
   * @return the body, not null
   */
  public static Map<String, String> disburse(BookId book, EntryId id, LoanId loan, MemberId member, Loan terms,
      Channel channel, Money fee) {
    Map<String, String> body = new LinkedHashMap<>();
    start(body, "loan-disburse", id, terms.disbursementDate());
    body.put("member", member.value());
    body.put("amount", amount(terms.principal()));
    body.put("loan", loan.value());
    body.put("channel", channel(channel));
    InterestRate rate = terms.rate();
    body.put(rate.per() == InterestRate.Per.MONTH ? "monthly-rate" : "annual-rate", rate.percent().toPlainString());
    if (terms instanceof LoanTerms scheduled) {
      body.put("method", scheduled.method().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      Optional<Money> fixed = scheduled.fixedInstalment();
      if (fixed.isPresent()) {
        body.put("instalment", amount(fixed.get()));
      } else {
        body.put("instalments", Integer.toString(scheduled.instalmentCount()));
      }
      body.put("frequency", scheduled.frequency().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      body.put("first-due", scheduled.firstDueDate().toString());
      if (scheduled.interestOnlyInstalments() > 0) {
        body.put("grace", Integer.toString(scheduled.interestOnlyInstalments()));
      }
      body.put("instalment-multiple", amount(scheduled.instalmentMultiple()));
    } else {
      body.put("method", "open");
    }
    if (!fee.isZero()) {
      body.put("fee", amount(fee));
    }
    return body;
  }

  /**
   * The body of a meeting's roll.
   *
   * @param meeting the meeting, not null
   * @return the body, not null
   */
  public static Map<String, String> roll(Meeting meeting) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("operation", "meeting-roll");
    body.put("date", meeting.date().toString());
    for (Attendance answer : Attendance.values()) {
      String list = meeting.attendance().entrySet().stream().filter(e -> e.getValue() == answer)
          .map(e -> e.getKey().value()).sorted().reduce((a, b) -> a + "," + b).orElse(null);
      if (list != null) {
        body.put(answer.name().toLowerCase(java.util.Locale.ROOT), list);
      }
    }
    return body;
  }

  /**
   * The key a field copy keeps a member's joining under: one member id, one joining.
   *
   * @param member the member, not null
   * @return {@code member:M05}, not null
   */
  public static String memberKey(MemberId member) {
    return "member:" + member.value();
  }

  /**
   * The key a field copy keeps a member's bank account under; a second account for her is a
   * second version of it, as a roll recorded again is.
   *
   * @param member the member, not null
   * @return {@code member-bank-account:M05}, not null
   */
  public static String bankAccountKey(MemberId member) {
    return "member-bank-account:" + member.value();
  }

  /**
   * The body of a member's joining: what the registry keeps of her (id, name, category, the day
   * she joined) and her bank account if she has one, its number as masked.
   *
   * @param member the member, not yet left, not null
   * @return the body, not null
   */
  public static Map<String, String> member(Member member) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("operation", "member-add");
    body.put("member", member.id().value());
    body.put("name", member.name());
    body.put("category", member.category().word());
    body.put("joined", member.joined().toString());
    member.bankAccount().ifPresent(account -> account(body, account));
    return body;
  }

  /**
   * The body of a member's own bank account recorded (or replaced).
   *
   * @param member the member, not null
   * @param account her account, its number masked, not null
   * @return the body, not null
   */
  public static Map<String, String> bankAccount(MemberId member, MemberBankAccount account) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("operation", "member-bank-account");
    body.put("member", member.value());
    account(body, account);
    return body;
  }

  private static void account(Map<String, String> body, MemberBankAccount account) {
    body.put("bank", account.bankName());
    body.put("ifsc", account.ifsc());
    body.put("account-number", account.maskedNumber());
    body.put("account-opened", account.opened().toString());
  }

  /**
   * The refusal of an operation a field copy cannot send.
   *
   * @param book the group, not null
   * @param what the operation, not null
   * @return the exception to throw, not null
   */
  public static GroupException unsupported(BookId book, String what) {
    return new GroupException(GroupRejection.NOT_ON_FIELD_COPY, "book " + book + " is a field copy (shg sync clone):"
        + " " + what + " cannot be sent to the server from it; record it on the server, then shg sync pull");
  }

  /**
   * What an operation brings into the books that later operations name: {@code member:M16} for a
   * member's joining, {@code loan:L7} for a loan paid out; empty for any other. When a push's
   * joining or loan is refused (another device gave the same id to another woman or loan), the
   * operations recorded after it for her or on it were recorded for what the server does not hold
   * under that id, and are refused too ({@link #names}), never applied to the other one.
   *
   * @param body the fields, not null
   * @return the name of what it brings in, in the form {@link #names} gives
   */
  public static Optional<String> creates(Map<String, String> body) {
    String operation = body.get("operation");
    if ("member-add".equals(operation) && body.get("member") != null) {
      return Optional.of("member:" + body.get("member"));
    }
    if ("loan-disburse".equals(operation) && body.get("loan") != null) {
      return Optional.of("loan:" + body.get("loan"));
    }
    return Optional.empty();
  }

  /**
   * The member and the loan an operation names, as {@link #creates} names them.
   *
   * @param body the fields, not null
   * @return {@code member:ID} and {@code loan:ID} for the fields it has, not null
   */
  public static java.util.Set<String> names(Map<String, String> body) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    if (body.get("member") != null) {
      names.add("member:" + body.get("member"));
    }
    if (body.get("loan") != null) {
      names.add("loan:" + body.get("loan"));
    }
    return names;
  }

  /**
   * Reads back the fields of a body written by {@link #json}: a flat object of strings.
   *
   * @param json what {@link #json} wrote, not null
   * @return the fields in order, not null
   * @throws IllegalArgumentException if it is not such an object
   */
  public static Map<String, String> fields(String json) {
    Map<String, String> fields = new LinkedHashMap<>();
    int[] at = {0};
    expect(json, at, '{');
    if (json.startsWith("}", at[0])) {
      at[0]++;
    } else {
      while (true) {
        String name = string(json, at);
        expect(json, at, ':');
        fields.put(name, string(json, at));
        if (!json.startsWith(",", at[0])) {
          break;
        }
        at[0]++;
      }
      expect(json, at, '}');
    }
    if (at[0] != json.length()) {
      throw new IllegalArgumentException("not a body written by OperationBodies.json: text after its end");
    }
    return fields;
  }

  private static void expect(String json, int[] at, char c) {
    if (at[0] >= json.length() || json.charAt(at[0]) != c) {
      throw new IllegalArgumentException("not a body written by OperationBodies.json: '" + c + "' expected at " + at[0]);
    }
    at[0]++;
  }

  private static String string(String json, int[] at) {
    expect(json, at, '"');
    StringBuilder out = new StringBuilder();
    while (at[0] < json.length()) {
      char c = json.charAt(at[0]++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && at[0] < json.length()) {
        char escaped = json.charAt(at[0]++);
        if (escaped == 'u' && at[0] + 4 <= json.length()) {
          out.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
          at[0] += 4;
        } else {
          out.append(escaped);
        }
      } else {
        out.append(c);
      }
    }
    throw new IllegalArgumentException("not a body written by OperationBodies.json: a string not closed");
  }

  /**
   * A body as one line of JSON: {@code {"operation":"save","id":"S1",...}}.
   *
   * @param body the fields, not null
   * @return the JSON, not null
   */
  public static String json(Map<String, String> body) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> field : body.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      quote(out, field.getKey());
      out.append(':');
      quote(out, field.getValue());
    }
    return out.append('}').toString();
  }

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void start(Map<String, String> body, String name, EntryId id, LocalDate date) {
    body.put("operation", name);
    body.put("id", id.value());
    body.put("date", date.toString());
  }

  private static void simple(Map<String, String> body, String name, EntryId id, LocalDate date, Money amount) {
    start(body, name, id, date);
    body.put("amount", amount(amount));
  }

  private static String amount(Money amount) {
    return MoneyFormats.plain(amount);
  }

  private static String channel(Channel channel) {
    return channel == Channel.BANK ? "bank" : "cash";
  }
}
