package org.shgledger.importing.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/** The group the register files belong to, and helpers to write files. */
final class RegisterFixtures {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");

  private RegisterFixtures() {}

  static Group group() {
    return group(SHG);
  }

  /** The same group under another code. */
  static Group group(BookId code) {
    return new Group(code, "Roshni Mahila Samooh", INR, LocalDate.of(2024, 4, 1), MeetingFrequency.MONTHLY,
        rupees("100"), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
  }

  static Money rupees(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }

  /** A copy of a test resource in a directory, so messages name a plain file. */
  static Path resource(Path directory, String name) {
    try (var in = RegisterFixtures.class.getResourceAsStream(name)) {
      Path file = directory.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path directory, String name, String text) {
    try {
      return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
