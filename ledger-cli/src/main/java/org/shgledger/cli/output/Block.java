package org.shgledger.cli.output;

/**
 * A part of a {@link Report}'s body, in reading order: a {@link Table}, a {@link Note}, a
 * {@link Figure} or the {@link Signatures} of a printed report.
 */
public sealed interface Block permits Table, Note, Figure, Signatures {}
