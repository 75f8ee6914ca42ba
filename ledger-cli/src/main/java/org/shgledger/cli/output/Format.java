package org.shgledger.cli.output;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The formats a report can be written in: {@code --format text|csv|json|html} (docs/formats.md). */
public enum Format {
  /** Aligned tables for people, Indian digit grouping: a terminal or a printer. */
  TEXT,
  /** RFC 4180 CSV for spreadsheets: the tables only, plain numbers, formulas neutralised. */
  CSV,
  /** JSON for programs: stable field names, amounts as strings. */
  JSON,
  /** One self-contained printable HTML page. */
  HTML;

  /**
   * The format's name on the command line.
   *
   * @return {@code text}, {@code csv}, {@code json} or {@code html}
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The writer of reports in this format.
   *
   * @param lang the reader's language, which HTML declares, not null
   * @return the renderer, not null
   */
  public Renderer renderer(Lang lang) {
    return switch (this) {
      case TEXT -> new TextRenderer();
      case CSV -> new CsvRenderer();
      case JSON -> new JsonRenderer();
      case HTML -> new HtmlRenderer(lang);
    };
  }

  /** Reads {@code --format}, in any case, naming the choices when the word is not one of them. */
  public static final class Converter implements ITypeConverter<Format> {
    /** Creates the converter; picocli calls this. */
    public Converter() {}

    @Override
    public Format convert(String value) {
      for (Format format : values()) {
        if (format.word().equalsIgnoreCase(value.strip())) {
          return format;
        }
      }
      throw new TypeConversionException("'" + value + "' is not a format; use text, csv, json or html");
    }
  }

  /** The words {@code --format} takes, for help and shell completion. */
  public static final class Words implements Iterable<String> {
    /** Creates the list; picocli calls this. */
    public Words() {}

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(Format::word).iterator();
    }
  }
}
