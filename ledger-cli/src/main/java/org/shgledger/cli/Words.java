package org.shgledger.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shgledger.group.Channel;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.Role;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.EntryId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The words and ids the recording commands read from the command line, each with a picocli
 * converter, so that a wrong one is a usage error (exit 2) whose one line says what is allowed:
 * {@code Invalid value for option '--channel': 'cheque' is not one of cash, bank}.
 *
 * <p>Enum words are the constant's name in lower case with hyphens ({@code adult-woman} for
 * {@code ADULT_WOMAN}), as in {@link LoanScheduleCommand#word(Enum)}.
 */
final class Words {

  private Words() {}

  /**
   * Reads a value type from an option's word with the type's own parser, such as {@code
   * MemberId::of}, and turns its refusal into a usage error with the same message: the rule and its
   * words stay with the type.
   */
  abstract static class ValueWord<T> implements ITypeConverter<T> {
    private final Function<String, T> parse;

    ValueWord(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value.trim());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads the enum constant an option's word names, or says which words there are. */
  abstract static class EnumWord<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    EnumWord(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E constant : type.getEnumConstants()) {
        if (LoanScheduleCommand.word(constant).equals(value.trim().toLowerCase(Locale.ROOT))) {
          return constant;
        }
      }
      throw new TypeConversionException("'" + value + "' is not one of "
          + Arrays.stream(type.getEnumConstants()).map(LoanScheduleCommand::word).collect(Collectors.joining(", ")));
    }
  }

  /** {@code cash} or {@code bank}. */
  static final class ChannelWord extends EnumWord<Channel> {
    ChannelWord() {
      super(Channel.class);
    }
  }

  /** {@code flat}, {@code emi} or {@code equal-principal}: a bank loan's schedule. */
  static final class MethodWord extends EnumWord<org.shgledger.loan.RepaymentMethod> {
    MethodWord() {
      super(org.shgledger.loan.RepaymentMethod.class);
    }
  }

  /** {@code compulsory} or {@code voluntary}. */
  static final class KindWord extends EnumWord<SavingsKind> {
    KindWord() {
      super(SavingsKind.class);
    }
  }

  /** {@code president}, {@code secretary}, {@code treasurer} or {@code signatory}. */
  static final class RoleWord extends EnumWord<Role> {
    RoleWord() {
      super(Role.class);
    }
  }

  /** {@code adult-woman} or {@code adolescent-girl}, and the roster's {@code adult_woman} too. */
  static final class CategoryWord implements ITypeConverter<MemberCategory> {
    @Override
    public MemberCategory convert(String value) {
      try {
        return MemberCategory.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A date as {@code yyyy-mm-dd}, with a reason a treasurer can act on when it is not one. */
  static final class DateWord implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date written yyyy-mm-dd, such as 2024-05-04");
      }
    }
  }

  /** A member id such as {@code M01}; the rule is {@link MemberId}'s. */
  static final class MemberIdWord extends ValueWord<MemberId> {
    MemberIdWord() {
      super(MemberId::of);
    }
  }

  /** A loan id such as {@code 20240504-M02}; the rule is {@link LoanId}'s. */
  static final class LoanIdWord extends ValueWord<LoanId> {
    LoanIdWord() {
      super(LoanId::of);
    }
  }

  /** An entry id such as {@code SHG01-2024-05-04-SAVE-M01}; the rule is {@link EntryId}'s. */
  /**
   * The id of an entry a command is to record ({@code --id}): an entry id outside the importers'
   * namespaces ({@code pb:}, {@code MTG:}, {@code OPEN:}), which are theirs alone, so that a hand
   * entry cannot take an imported line's place (ImportedIds).
   */
  static final class NewEntryIdWord implements ITypeConverter<EntryId> {
    @Override
    public EntryId convert(String value) {
      EntryId id = new EntryIdWord().convert(value);
      String namespace = org.shgledger.importing.ImportedIds.namespaceOf(id.value());
      if (namespace != null) {
        throw new TypeConversionException("ids starting with " + namespace + " are the importers' own"
            + " (an imported line or register row has it): choose another id");
      }
      return id;
    }
  }

  static final class EntryIdWord extends ValueWord<EntryId> {
    EntryIdWord() {
      super(EntryId::of);
    }
  }
}
