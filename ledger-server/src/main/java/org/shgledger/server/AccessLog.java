package org.shgledger.server;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * The server's access log: one line a request, {@code key=value} pairs that a log tool splits
 * without a pattern:
 *
 * <pre>{@code
 * access method=GET route=/api/v1/groups/{group}/statement status=200 ms=41 role=coordinator
 * }</pre>
 *
 * <p>No personal data: the route's template, never the path (which holds member ids), no query
 * string, no user's name, no address, no token. The role says who in a way that identifies no one.
 */
final class AccessLog {

  private final PrintStream out;

  AccessLog(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Writes a request's line.
   *
   * @param method the method, not null
   * @param route the route's template, or {@code -} for a path no route has
   * @param status the status sent
   * @param millis how long it took
   * @param role the user's role's word, or {@code -} without a valid token
   */
  void request(String method, String route, int status, float millis, String role) {
    out.println(String.format(Locale.ROOT, "access method=%s route=%s status=%d ms=%.0f role=%s",
        method, route, status, millis, role));
    out.flush();
  }

  /**
   * Writes a request that failed inside the server (500) for the operator: the route's template,
   * then each exception of the cause chain by class, with its stack frames, but never its message,
   * which may quote a member's id, a name or a database URL.
   *
   * @param route the route's template, not null
   * @param failure what was thrown, not null
   */
  void failure(String route, Throwable failure) {
    StringBuilder lines = new StringBuilder("error route=").append(route);
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      lines.append(System.lineSeparator()).append("  exception=").append(cause.getClass().getName());
      for (StackTraceElement frame : cause.getStackTrace()) {
        lines.append(System.lineSeparator()).append("    at ").append(frame);
      }
    }
    out.println(lines);
    out.flush();
  }

  /**
   * Writes a line about the server itself (started, draining, stopped).
   *
   * @param event what happened, key=value words, not null
   */
  void server(String event) {
    out.println("server " + event);
    out.flush();
  }
}
