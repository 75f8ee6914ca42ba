package org.shgledger.cli.output;

/**
 * A part of a {@link Report}'s body, in reading order: a {@link Table}, a {@link Note} or a
 * {@link Figure}.
 */
public sealed interface Block permits Table, Note, Figure {}
