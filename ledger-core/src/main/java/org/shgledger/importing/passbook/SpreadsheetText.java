package org.shgledger.importing.passbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Writes the first sheet of a bank's spreadsheet as CSV text, row for row, so that the passbook
 * reader reads it as it reads any export: spreadsheet row N is line N of the text and its cells
 * are the fields (column A is field 1), so every message names the sheet's own row and column.
 * Uses Apache POI: an {@code .xlsx} is streamed (its sheet is read as XML events; only the shared
 * strings, which Excel keeps in one table, are held), an {@code .xls} (at most 65,536 rows) is
 * read whole.
 *
 * <p>A cell is written as the treasurer sees it where that is unambiguous and as data where it is
 * not: a number as its value to 15 significant digits, as Excel shows it ({@code 14982.3}, never
 * {@code 14982.300000000001}); a number formatted as a date as an ISO date-time ({@code
 * 2025-04-01T00:00:00}), which every profile reads, since the display format may be a US one and
 * a bare ISO date is not every profile's; text as it
 * is, a line break in it as a space. Rows are padded with empty cells to the width of the widest
 * of the first 200 (the header's), as a spreadsheet saved as CSV is, so that a row is never taken
 * as cut short.
 *
 * <p>Only this class refers to Apache POI, which ledger-core lists as an optional dependency: an
 * application that does not read spreadsheets need not carry it.
 */
final class SpreadsheetText {

  /** How many rows are looked at for the width of the table. */
  private static final int WIDTH_ROWS = 200;

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private final String name;
  private final long maxBytes;
  private final Writer out;
  private final CSVPrinter printer;
  /** The first rows, held until the width is known. */
  private List<List<String>> held = new ArrayList<>();
  private int width;
  private long rowsWritten;
  private long bytes;

  private SpreadsheetText(String name, Writer out, long maxBytes) throws IOException {
    this.name = name;
    this.maxBytes = maxBytes;
    this.out = out;
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
  }

  /**
   * Writes the first sheet of an {@code .xlsx} file as CSV.
   *
   * @param name the file's name for messages, not null
   * @param xlsx the spreadsheet, not null
   * @param csv where to write, not null
   * @param maxBytes the most text to write (the import's file limit)
   * @throws Unreadable with a reason, if the file is no readable spreadsheet or too large
   */
  static void xlsx(String name, Path xlsx, Path csv, long maxBytes) {
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
        Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      SpreadsheetText text = new SpreadsheetText(name, writer, maxBytes);
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      boolean date1904 = date1904(reader);
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      if (!sheets.hasNext()) {
        throw new Unreadable("the spreadsheet has no sheet");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new SheetHandler(text, strings, styles, date1904));
        parser.parse(new InputSource(sheet));
      }
      text.end();
    } catch (Unreadable e) {
      throw e;
    } catch (UncheckedIOException e) {
      throw new Unreadable("cannot read the spreadsheet: " + describe(e.getCause()));
    } catch (Exception e) {
      throw new Unreadable("cannot read the spreadsheet (" + describe(e)
          + "): open it in a spreadsheet program and save it again, as .xlsx or as CSV");
    }
  }

  /**
   * Writes the first sheet of an {@code .xls} (Excel 97 to 2003) file as CSV.
   *
   * @param name the file's name for messages, not null
   * @param xls the spreadsheet, not null
   * @param csv where to write, not null
   * @param maxBytes the most text to write
   * @throws Unreadable with a reason, if the file is no readable spreadsheet or too large
   */
  static void xls(String name, Path xls, Path csv, long maxBytes) {
    try (POIFSFileSystem fs = new POIFSFileSystem(xls.toFile(), true);
        HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false);
        Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      SpreadsheetText text = new SpreadsheetText(name, writer, maxBytes);
      if (workbook.getNumberOfSheets() == 0) {
        throw new Unreadable("the spreadsheet has no sheet");
      }
      Sheet sheet = workbook.getSheetAt(0);
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row.getCell(c)));
          }
        }
        text.row(r + 1, cells);
      }
      text.end();
    } catch (Unreadable e) {
      throw e;
    } catch (OldExcelFormatException e) {
      throw new Unreadable("an Excel 95 or older file, which cannot be read: open it"
          + " in a spreadsheet program and save it as .xlsx or as CSV");
    } catch (EncryptedDocumentException e) {
      throw new Unreadable("the spreadsheet is protected by a password: save it"
          + " without one, as .xlsx or as CSV");
    } catch (Exception e) {
      throw new Unreadable("cannot read the spreadsheet (" + describe(e)
          + "): open it in a spreadsheet program and save it again, as .xlsx or as CSV");
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Whether the workbook counts dates from 1904 (old Mac Excel), from its workbook part. */
  private static boolean date1904(XSSFReader reader) throws Exception {
    try (InputStream workbook = reader.getWorkbookData()) {
      // the workbookPr element is near the start; its attribute says 1 or true
      byte[] start = workbook.readNBytes(16 * 1024);
      String xml = new String(start, StandardCharsets.UTF_8);
      int at = xml.indexOf("date1904=\"");
      return at >= 0 && (xml.startsWith("1", at + 10) || xml.startsWith("true", at + 10));
    }
  }

  /** An .xls cell as text, by the rules of the class comment. */
  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
        : cell.getCellType();
    switch (type) {
      case NUMERIC:
        if (DateUtil.isCellDateFormatted(cell)) {
          return date(cell.getLocalDateTimeCellValue());
        }
        return number(Double.toString(cell.getNumericCellValue()));
      case STRING:
        return cell.getRichStringCellValue().getString();
      case BOOLEAN:
        return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      default:
        return "";
    }
  }

  /** A number as Excel shows it: 15 significant digits, no exponent, no trailing zeros. */
  static String number(String raw) {
    try {
      BigDecimal value = new BigDecimal(raw.strip()).round(new MathContext(15)).stripTrailingZeros();
      return value.signum() == 0 ? "0" : value.toPlainString();
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  static String date(LocalDateTime value) {
    return DATE_TIME.format(value);
  }

  /** Adds row {@code number} (from 1); rows skipped since the last are written empty. */
  void row(long number, List<String> cells) throws IOException {
    while (rowsWritten + heldCount() < number - 1) {
      add(List.of());
    }
    add(cells);
  }

  private int heldCount() {
    return held == null ? 0 : held.size();
  }

  private void add(List<String> cells) throws IOException {
    if (held != null) {
      held.add(cells);
      width = Math.max(width, cells.size());
      if (held.size() == WIDTH_ROWS) {
        flushHeld();
      }
      return;
    }
    write(cells);
  }

  private void flushHeld() throws IOException {
    List<List<String>> rows = held;
    held = null;
    for (List<String> cells : rows) {
      write(cells);
    }
  }

  private void write(List<String> cells) throws IOException {
    List<String> padded = new ArrayList<>(Math.max(width, cells.size()));
    for (String cell : cells) {
      String clean = clean(cell);
      bytes += clean.length() + 1;
      padded.add(clean);
    }
    while (padded.size() < width) {
      padded.add("");
      bytes++;
    }
    if (bytes > maxBytes) {
      throw new Unreadable("the sheet holds more than " + maxBytes + " bytes of text, the most one"
          + " import reads: split it into several files");
    }
    if (padded.isEmpty()) {
      out.write('\n');
    } else {
      printer.printRecord(padded);
    }
    rowsWritten++;
  }

  /** A cell's text on one line, without control characters (a line break is a space). */
  private static String clean(String cell) {
    String text = cell;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '\uFEFF') {
        StringBuilder b = new StringBuilder(text.length());
        for (int j = 0; j < text.length(); j++) {
          char d = text.charAt(j);
          b.append(d < 0x20 || d == '\uFEFF' ? ' ' : d);
        }
        return b.toString().strip();
      }
    }
    return text.strip();
  }

  void end() throws IOException {
    if (held != null) {
      flushHeld();
    }
    printer.flush();
    out.flush();
  }

  /** Why a spreadsheet cannot be read, in words for the treasurer. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /**
   * Reads a sheet's XML ({@code <row r="3"><c r="B3" t="s" s="2"><v>7</v></c>...}) row by row.
   */
  private static final class SheetHandler extends DefaultHandler {
    private final SpreadsheetText text;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final StringBuilder value = new StringBuilder();
    private List<String> cells;
    private long rowNumber;
    private int column;
    private String type;
    private String style;
    private boolean inValue;
    private boolean inInline;

    SheetHandler(SpreadsheetText text, ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904) {
      this.text = text;
      this.strings = strings;
      this.styles = styles;
      this.date1904 = date1904;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      String element = localName.isEmpty() ? qName : localName;
      switch (element) {
        case "row" -> {
          String r = attributes.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
          cells = new ArrayList<>();
        }
        case "c" -> {
          String ref = attributes.getValue("r");
          column = ref == null ? cells.size() : columnOf(ref);
          type = attributes.getValue("t");
          style = attributes.getValue("s");
          value.setLength(0);
        }
        case "v" -> inValue = true;
        case "is" -> inInline = true;
        case "t" -> inValue = inInline;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        value.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      String element = localName.isEmpty() ? qName : localName;
      switch (element) {
        case "v", "t" -> inValue = false;
        case "is" -> inInline = false;
        case "c" -> {
          while (cells.size() < column) {
            cells.add("");
          }
          cells.add(cellText());
        }
        case "row" -> {
          try {
            text.row(rowNumber, cells);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        default -> { }
      }
    }

    private String cellText() {
      String raw = value.toString();
      if (type == null || type.equals("n")) {
        if (raw.isEmpty()) {
          return "";
        }
        if (style != null && isDate(Integer.parseInt(style))) {
          return date(DateUtil.getLocalDateTime(Double.parseDouble(raw), date1904));
        }
        return number(raw);
      }
      switch (type) {
        case "s":
          return raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
        case "b":
          return raw.equals("1") ? "TRUE" : "FALSE";
        case "e":
          return "";
        default: // str (a formula's text), inlineStr
          return raw;
      }
    }

    private boolean isDate(int styleIndex) {
      if (styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
        return false;
      }
      XSSFCellStyle cellStyle = styles.getStyleAt(styleIndex);
      return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }

    /** The column of a reference such as {@code B3}, from 0. */
    private static int columnOf(String ref) {
      int column = 0;
      for (int i = 0; i < ref.length(); i++) {
        char c = Character.toUpperCase(ref.charAt(i));
        if (c < 'A' || c > 'Z') {
          break;
        }
        column = column * 26 + (c - 'A' + 1);
      }
      return Math.max(0, column - 1);
    }
  }
}
