package org.shgledger.cli.output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A report, independent of how it is written: a title, facts about the whole, and a body of
 * tables, notes, figures and signatures in reading order. A command builds one and hands it to {@link
 * OutputOptions#print(Report)}, which writes it as text, CSV, JSON or HTML (docs/formats.md).
 *
 * <p>Labels, captions, notes and the title are already in the reader's language (see {@link
 * Labels}); keys are stable English and never translated.
 *
 * @param kind the stable name of the kind of report, such as {@code trial-balance}: JSON's {@code
 *     report} field; lower-case letters, digits and {@code -}; not null
 * @param title the title for people, not null
 * @param facts the facts, keys unique, not null
 * @param blocks the body, table keys unique, not null
 */
public record Report(String kind, String title, List<Fact> facts, List<Block> blocks) {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

  /**
   * Creates a report.
   *
   * @throws NullPointerException if any argument, fact or block is null
   * @throws IllegalArgumentException if the kind is malformed or two facts, two tables or two
   *     figures share a key
   */
  public Report {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    facts = List.copyOf(facts);
    blocks = List.copyOf(blocks);
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("a report kind is lower-case letters, digits and -: '" + kind + "'");
    }
    Set<String> factKeys = new HashSet<>();
    for (Fact fact : facts) {
      if (!factKeys.add(fact.key())) {
        throw new IllegalArgumentException("report " + kind + " has two facts " + fact.key());
      }
    }
    Set<String> blockKeys = new HashSet<>();
    for (Block block : blocks) {
      String key = block instanceof Table table ? "table " + table.key()
          : block instanceof Figure figure ? "figure " + figure.key() : null;
      if (key != null && !blockKeys.add(key)) {
        throw new IllegalArgumentException("report " + kind + " has two of " + key);
      }
      if (block instanceof Figure figure && figure.data().isPresent()
          && !blockKeys.add("table " + figure.data().get().key())) {
        throw new IllegalArgumentException("report " + kind + " has two of table " + figure.data().get().key());
      }
    }
  }

  /**
   * The tables of the body, in order, each figure's own table of numbers (its {@link Figure#data()})
   * in the figure's place: what a format without pictures writes.
   *
   * @return the tables, not null
   */
  public List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    for (Block block : blocks) {
      if (block instanceof Table table) {
        tables.add(table);
      } else if (block instanceof Figure figure) {
        figure.data().ifPresent(tables::add);
      }
    }
    return List.copyOf(tables);
  }

  /**
   * Starts a report.
   *
   * @param kind the stable kind, see {@link Report}, not null
   * @param title the title, not null
   * @return a builder, not null
   */
  public static Builder builder(String kind, String title) {
    return new Builder(kind, title);
  }

  /** Collects a report's facts and body in order; {@link #build()} checks them. */
  public static final class Builder {
    private final String kind;
    private final String title;
    private final List<Fact> facts = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();

    private Builder(String kind, String title) {
      this.kind = kind;
      this.title = title;
    }

    /**
     * Adds a fact.
     *
     * @param fact the fact, not null
     * @return this builder
     */
    public Builder fact(Fact fact) {
      facts.add(Objects.requireNonNull(fact, "fact"));
      return this;
    }

    /**
     * Adds a fact with no note.
     *
     * @param key the key, not null
     * @param label the label, not null
     * @param value the value, not null
     * @return this builder
     */
    public Builder fact(String key, String label, Cell value) {
      return fact(Fact.of(key, label, value));
    }

    /**
     * Adds a table, a note or a figure to the body.
     *
     * @param block the block, not null
     * @return this builder
     */
    public Builder add(Block block) {
      blocks.add(Objects.requireNonNull(block, "block"));
      return this;
    }

    /**
     * Adds a note to the body.
     *
     * @param text the note's text, not null
     * @return this builder
     */
    public Builder note(String text) {
      return add(new Note(text));
    }

    /**
     * Adds a note that ends in a hint for the terminal (see {@link Note}).
     *
     * @param text the note's text, not null
     * @param hint the hint, empty for none, not null
     * @return this builder
     */
    public Builder note(String text, String hint) {
      return add(new Note(text, hint));
    }

    /**
     * The report.
     *
     * @return the report, not null
     * @throws IllegalArgumentException as {@link Report#Report}
     */
    public Report build() {
      return new Report(kind, title, facts, blocks);
    }
  }
}
