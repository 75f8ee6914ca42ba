package org.shgledger.server;

/** A request the server cannot read: a 400 naming the field (or parameter) that is wrong. */
final class BadRequest extends RuntimeException {

  private final String field;

  BadRequest(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field, query parameter or header that is wrong. */
  String field() {
    return field;
  }
}
