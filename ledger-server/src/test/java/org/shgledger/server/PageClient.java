package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part in the pages' tests, without a browser: it keeps the cookies the server sets
 * (whether or not they are marked Secure, which a real browser sends over HTTPS only), follows no
 * redirect, and posts forms.
 */
final class PageClient {

  private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|form|key)\" value=\"([^\"]*)\"");

  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;
  final Map<String, String> cookies = new LinkedHashMap<>();

  PageClient(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /** Signs in through the form, as a person would; returns the answer to the form's POST. */
  HttpResponse<String> signIn(String name, String password) {
    HttpResponse<String> form = get("/sign-in");
    assertEquals(200, form.statusCode(), form.body());
    return post("/sign-in", Map.of("form", hidden(form.body(), "form"), "name", name, "password", password));
  }

  /** Signs in and expects it to work. */
  PageClient signedIn(String name, String password) {
    HttpResponse<String> answer = signIn(name, password);
    assertEquals(303, answer.statusCode(), answer.body());
    return this;
  }

  /** The session's CSRF token, read from the sign-out form of the page of one's groups. */
  String csrf() {
    return hidden(get("/").body(), "csrf");
  }

  static String hidden(String html, String name) {
    Matcher matcher = HIDDEN.matcher(html);
    while (matcher.find()) {
      if (matcher.group(1).equals(name)) {
        return matcher.group(2);
      }
    }
    throw new AssertionError("no hidden field " + name + " in\n" + html);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
      request.header("Cookie", header.toString());
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals);
        String value = pair.substring(equals + 1);
        if (value.isEmpty()) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
