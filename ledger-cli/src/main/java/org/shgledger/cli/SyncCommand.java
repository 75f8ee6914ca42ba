package org.shgledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Lang;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.SyncLog;
import org.shgledger.store.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg sync clone|push|pull|status}: books kept offline on a coordinator's laptop and synced
 * with the NGO's server when the network allows (issue 17, docs/sync.md). What they print is in the
 * user's language ({@code sync.*} labels, {@code --lang}).
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Keep groups' books offline in a field file and sync them with shg serve (docs/sync.md).",
      "Example: shg sync clone https://books.example.org SHG01 SHG02 --db field.db --token shg_…"
    },
    subcommands = {SyncCommand.CloneBooks.class, SyncCommand.Push.class, SyncCommand.Pull.class,
        SyncCommand.Status.class})
final class SyncCommand extends CommandGroup {

  /** The environment variable a token may come from instead of {@code --token}. */
  static final String TOKEN_VARIABLE = "SHG_TOKEN";

  /** What every sync command shares: the field file and the language of its words. */
  abstract static class Local implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Option(names = "--lang", paramLabel = "LANG", converter = Lang.Converter.class,
        completionCandidates = Lang.Codes.class,
        description = "The language of what the command prints: ${COMPLETION-CANDIDATES}. Default: the locale's"
            + " language (LC_ALL, else LC_MESSAGES, else LANG) when there are labels in it, else en.")
    Lang lang;

    Labels labels() {
      return Labels.of(lang != null ? lang : Lang.ofEnvironment(System::getenv));
    }
  }

  /** What the commands that talk to the server share: the token besides. */
  abstract static class Remote extends Local {
    @Option(names = "--token", paramLabel = "TOKEN",
        description = "Your bearer token from shg user add (default: the environment variable SHG_TOKEN)."
            + " It is never stored in the field file.")
    String token;

    SyncClient client(Labels labels) {
      String given = token != null ? token : System.getenv(TOKEN_VARIABLE);
      if (given == null || given.isBlank()) {
        throw new ParameterException(spec.commandLine(), labels.get("sync.no_token"));
      }
      return new SyncClient(SyncClient.http(), given.strip(), labels);
    }

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Labels labels = labels();
      try {
        run(out, labels);
      } catch (SyncClient.SyncFailure e) {
        spec.commandLine().getErr().println("shg: " + labels.format("sync.failed", e.getMessage()));
        return ExitCodes.IO_ERROR;
      } finally {
        out.flush();
      }
      return ExitCodes.OK;
    }

    abstract void run(PrintWriter out, Labels labels);
  }

  static void printVerified(PrintWriter out, List<Verification> verified, Labels labels) {
    for (Verification v : verified) {
      out.println(labels.format("sync.verified", v.book(), v.entriesChecked(), v.headHash(),
          v.registryEventsChecked(), v.registryHeadHash()));
    }
  }

  /** {@code shg sync clone SERVER_URL GROUP… --db FILE --token TOKEN}. */
  @Command(name = "clone", mixinStandardHelpOptions = true,
      description = {"Copy groups' books from the server into a new field file (written whole, then renamed"
          + " into place); prints each book's chain heads, which equal the server's.",
          "Example: shg sync clone https://books.example.org SHG01 SHG02 --db field.db --token shg_…"})
  static final class CloneBooks extends Remote {
    @Parameters(index = "0", paramLabel = "SERVER_URL", description = "The server, such as https://books.example.org.")
    String server;

    @Parameters(index = "1..*", paramLabel = "GROUP", arity = "1..*", converter = BookIdConverter.class,
        description = "The groups to copy.")
    List<BookId> groups;

    @Override
    void run(PrintWriter out, Labels labels) {
      String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
      printVerified(out, client(labels).cloneInto(base, groups, db.file()), labels);
    }
  }

  /** {@code shg sync push --db FILE --token TOKEN}. */
  @Command(name = "push", mixinStandardHelpOptions = true,
      description = {"Send the operations recorded in the field file to the server, in order, batched and"
          + " compressed; each is accepted (once, however often it is sent) or refused with the server's"
          + " reason (shg sync status lists them). Interrupted, run it again: nothing is lost or doubled.",
          "Example: SHG_TOKEN=shg_… shg sync push --db field.db"})
  static final class Push extends Remote {
    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + SyncClient.BATCH,
        description = "Operations per request (default ${DEFAULT-VALUE}).")
    int batch;

    @Override
    void run(PrintWriter out, Labels labels) {
      if (batch < 1 || batch > org.shgledger.server.SyncWire.MAX_OPERATIONS) {
        throw new ParameterException(spec.commandLine(), labels.format("sync.batch_range",
            org.shgledger.server.SyncWire.MAX_OPERATIONS));
      }
      SyncClient.Pushed pushed = client(labels).push(db.file(), batch, -1);
      out.println(labels.format("sync.pushed", pushed.sent(), pushed.accepted(), pushed.repeats(), pushed.refused())
          + (pushed.refused() > 0 ? labels.get("sync.pushed_refused") : ""));
    }
  }

  /** {@code shg sync pull --db FILE --token TOKEN}. */
  @Command(name = "pull", mixinStandardHelpOptions = true,
      description = {"Replace the field file's books with the server's (a new file renamed into place), keeping"
          + " the list of operations and their answers. Operations not yet pushed are replayed on the"
          + " server's books and stay pending; if the server's books refuse one, nothing is written and the"
          + " refusal is named.",
          "Example: shg sync pull --db field.db --token shg_…"})
  static final class Pull extends Remote {
    @Override
    void run(PrintWriter out, Labels labels) {
      SyncClient.Pulled pulled = client(labels).pull(db.file());
      printVerified(out, pulled.verified(), labels);
      if (pulled.replayed() + pulled.repeats() > 0) {
        out.println(labels.format("sync.replayed", pulled.replayed(), pulled.repeats()));
      }
    }
  }

  /** {@code shg sync status --db FILE}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {"List the field file's groups and servers, then every operation recorded in it: pending,"
          + " accepted, or refused with the server's reason.",
          "Example: shg sync status --db field.db"})
  static final class Status extends Local {
    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Labels labels = labels();
      if (!Files.exists(db.file())) {
        throw new org.shgledger.LedgerException(labels.format("sync.no_file", db.file()));
      }
      try (LedgerStore store = LedgerStore.openSqlite(db.file())) {
        for (SyncLog.Remote remote : SyncLog.remotes(store)) {
          out.println(labels.format("sync.remote", remote.book(), remote.serverUrl(), remote.pulledAt()));
        }
        int pending = 0;
        int accepted = 0;
        int refused = 0;
        for (SyncLog.Operation op : SyncLog.operations(store)) {
          switch (op.state()) {
            case PENDING -> pending++;
            case ACCEPTED -> accepted++;
            case REFUSED -> refused++;
          }
          if (op.state() != SyncLog.State.ACCEPTED) {
            out.println(labels.get("sync.state." + op.state().name().toLowerCase(Locale.ROOT)) + " " + op.book() + " "
                + op.key() + " " + op.name() + (op.state() == SyncLog.State.REFUSED ? ": " + op.rejection() + ": "
                + op.reason() : ""));
          }
        }
        out.println(labels.format("sync.counts", pending, accepted, refused));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
