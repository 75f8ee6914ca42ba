package org.shgledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
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
 * with the NGO's server when the network allows (issue 17, docs/sync.md).
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

  /** What the commands that talk to the server share: the field file and the token. */
  abstract static class Remote implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Option(names = "--token", paramLabel = "TOKEN",
        description = "Your bearer token from shg user add (default: the environment variable SHG_TOKEN)."
            + " It is never stored in the field file.")
    String token;

    SyncClient client() {
      String given = token != null ? token : System.getenv(TOKEN_VARIABLE);
      if (given == null || given.isBlank()) {
        throw new ParameterException(spec.commandLine(), "a token is needed: --token TOKEN or SHG_TOKEN");
      }
      return new SyncClient(SyncClient.http(), given.strip());
    }

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        run(out);
      } catch (SyncClient.SyncFailure e) {
        spec.commandLine().getErr().println("shg: sync failed: " + e.getMessage());
        return ExitCodes.IO_ERROR;
      } finally {
        out.flush();
      }
      return ExitCodes.OK;
    }

    abstract void run(PrintWriter out);
  }

  static void printVerified(PrintWriter out, List<Verification> verified) {
    for (Verification v : verified) {
      out.println(v.book() + ": OK, " + v.entriesChecked() + " entries, head " + v.headHash() + "; registry "
          + v.registryEventsChecked() + " rows, head " + v.registryHeadHash());
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
    void run(PrintWriter out) {
      String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
      printVerified(out, client().cloneInto(base, groups, db.file()));
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
    void run(PrintWriter out) {
      if (batch < 1 || batch > org.shgledger.server.SyncWire.MAX_OPERATIONS) {
        throw new ParameterException(spec.commandLine(), "--batch is 1 to "
            + org.shgledger.server.SyncWire.MAX_OPERATIONS);
      }
      SyncClient.Pushed pushed = client().push(db.file(), batch, -1);
      out.println("sent " + pushed.sent() + ", accepted " + pushed.accepted() + " (" + pushed.repeats()
          + " the server had already), refused " + pushed.refused()
          + (pushed.refused() > 0 ? ": shg sync status shows why" : ""));
    }
  }

  /** {@code shg sync pull --db FILE --token TOKEN}. */
  @Command(name = "pull", mixinStandardHelpOptions = true,
      description = {"Replace the field file's books with the server's (a new file renamed into place), keeping"
          + " the list of operations and their answers. Push first: pull refuses while operations are pending.",
          "Example: shg sync pull --db field.db --token shg_…"})
  static final class Pull extends Remote {
    @Override
    void run(PrintWriter out) {
      printVerified(out, client().pull(db.file()));
    }
  }

  /** {@code shg sync status --db FILE}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {"List the field file's groups and servers, then every operation recorded in it: pending,"
          + " accepted, or refused with the server's reason.",
          "Example: shg sync status --db field.db"})
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.exists(db.file())) {
        throw new org.shgledger.LedgerException(db.file() + " does not exist: shg sync clone makes a field file");
      }
      try (LedgerStore store = LedgerStore.openSqlite(db.file())) {
        for (SyncLog.Remote remote : SyncLog.remotes(store)) {
          out.println(remote.book() + " from " + remote.serverUrl() + ", pulled " + remote.pulledAt());
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
            out.println(op.state().name().toLowerCase(java.util.Locale.ROOT) + " " + op.book() + " " + op.key() + " "
                + op.name() + (op.state() == SyncLog.State.REFUSED ? ": " + op.rejection() + ": " + op.reason() : ""));
          }
        }
        out.println(pending + " pending, " + accepted + " accepted, " + refused + " refused");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
