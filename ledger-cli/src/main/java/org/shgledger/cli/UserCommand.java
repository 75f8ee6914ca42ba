package org.shgledger.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shgledger.LedgerException;
import org.shgledger.journal.BookId;
import org.shgledger.server.Language;
import org.shgledger.server.Role;
import org.shgledger.server.ServerBooks;
import org.shgledger.server.User;
import org.shgledger.server.UserStore;
import org.shgledger.unit.UnitCode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg user add|revoke|list}: the users of {@code shg serve}, kept in the books' database
 * (docs/server.md). A new user's token and password are printed once and stored only as hashes.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
      "The users of shg serve and what their role lets them see (docs/server.md).",
      "Example: shg user add meena --role coordinator --unit CL-NORTH"
    },
    subcommands = {UserCommand.Add.class, UserCommand.Revoke.class, UserCommand.ListUsers.class})
final class UserCommand extends CommandGroup {

  /** What every user command shares: the database and opening the users in it. */
  abstract static class UsersCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Override
    public final Integer call() {
      db.openExisting().close();
      String url = spec.findOption("--db-url").getValue();
      try (ServerBooks books = ServerBooks.open(url != null ? url : "jdbc:sqlite:" + db.file(), db.dateLimits(),
          Clock.systemUTC())) {
        run(books, spec.commandLine().getOut());
      } catch (IllegalArgumentException e) {
        // the users' own refusals: a name taken, no such user (exit 3, one line)
        throw new LedgerException(e.getMessage(), e);
      }
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }

    abstract void run(ServerBooks books, PrintWriter out);
  }

  /** A role's word: admin, coordinator, treasurer, auditor, donor. */
  static final class RoleWord extends Words.ValueWord<Role> {
    RoleWord() {
      super(Role::of);
    }
  }

  /** A language's code: en, hi, bn. */
  static final class LanguageWord extends Words.ValueWord<Language> {
    LanguageWord() {
      super(Language::of);
    }
  }

  /** {@code shg user add NAME --role ROLE [--unit UNIT | --group GROUP] [--password] [--lang LANG]}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a user: prints her bearer token as the last word, so that a script can take it, and with "
            + "--password a one-time password too. Neither is stored, only their hashes: keep them now.",
        "A coordinator has a --unit (and sees the units under it), a treasurer a --group; an auditor "
            + "or a donor may have a --unit; an admin has neither.",
        "Example: shg user add meena --role coordinator --unit CL-NORTH"
      })
  static final class Add extends UsersCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Her login: letters, digits, . _ @ -.")
    String name;

    @Option(names = "--role", required = true, converter = RoleWord.class, paramLabel = "ROLE",
        description = "admin, coordinator, treasurer, auditor or donor.")
    Role role;

    @ArgGroup(exclusive = true)
    Limit limit = new Limit();

    @Option(names = "--password", description = "Also issue a one-time password (stored as Argon2id), to sign in to the pages.")
    boolean password;

    @Option(names = "--lang", converter = LanguageWord.class, defaultValue = "en", paramLabel = "LANG",
        description = "The language of her pages: en, hi or bn. Default: ${DEFAULT-VALUE}.")
    Language language;

    /** The unit or the group the role is limited to. */
    static final class Limit {
      @Option(names = "--unit", converter = UnitCommand.UnitCodeWord.class, paramLabel = "UNIT",
          description = "Her unit (coordinator; auditor or donor, optional).")
      UnitCode unit;

      @Option(names = "--group", converter = VerifyCommand.BookIdConverter.class, paramLabel = "GROUP",
          description = "Her group (treasurer).")
      BookId group;
    }

    @Override
    void run(ServerBooks books, PrintWriter out) {
      User user;
      try {
        user = new User(name, role, Optional.ofNullable(limit.unit), Optional.ofNullable(limit.group));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      // an unknown unit or group is refused (exit 4) before a user is added for it
      user.unit().ifPresent(unit -> books.store().units().unit(unit));
      user.group().ifPresent(group -> books.store().engine().group(group));
      UserStore.Issued issued = books.users().add(user, password, language);
      out.println("added " + user.name() + ", " + user.role().word()
          + user.unit().map(u -> " of unit " + u.value()).orElse("")
          + user.group().map(g -> " of group " + g.value()).orElse(""));
      if (issued.password() != null) {
        out.println("password (shown once): " + issued.password());
      }
      out.println("token (shown once): " + issued.token());
    }
  }

  /** {@code shg user revoke NAME}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = {"Revoke a user: her tokens stop working at once, on every server.",
        "Example: shg user revoke meena"})
  static final class Revoke extends UsersCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The user.")
    String name;

    @Override
    void run(ServerBooks books, PrintWriter out) {
      boolean wasActive = books.users().revoke(name);
      out.println(wasActive ? "revoked " + name : name + " was revoked already");
    }
  }

  /** {@code shg user list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {"List the users: name, role, unit or group, whether active, when added. No secrets.",
        "Example: shg user list"})
  static final class ListUsers extends UsersCommand {
    @Override
    void run(ServerBooks books, PrintWriter out) {
      for (UserStore.Listed listed : books.users().list()) {
        User user = listed.user();
        String limit = user.unit().map(u -> "unit " + u.value())
            .or(() -> user.group().map(g -> "group " + g.value())).orElse("-");
        out.println(String.join("\t", user.name(), user.role().word(), limit,
            listed.active() ? "active" : "revoked", listed.createdAt()));
      }
    }
  }
}
