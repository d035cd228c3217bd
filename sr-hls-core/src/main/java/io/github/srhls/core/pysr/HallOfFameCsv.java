package io.github.srhls.core.pysr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.NumberLiteral;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Reads hall-of-fame CSVs with Jackson's CSV parser, keeping each field's line and column so that later errors
 * (a bad number, an equation that does not parse) point into the file.
 */
final class HallOfFameCsv {
  private static final String EXPECTED = "a PySR hall of fame starts with the header 'Complexity,Loss,Equation'"
      + " (PySR 0.10 and later) or 'Complexity|MSE|Equation' (PySR 0.3 to 0.9)";

  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  /** One CSV field and where its text starts. */
  private record Field(String text, int line, int column) {}

  private final Path file;
  private final String text;

  private HallOfFameCsv(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  /** @param shownAs the file as messages (and the hall of fame's {@code file}) name it */
  static HallOfFame read(Path csv, Path shownAs) {
    Path file = shownAs;
    HallOfFame.SIZE_LIMIT.check(csv, file);
    String text;
    try {
      text = Files.readString(csv, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SrHlsException(file + ": hall-of-fame file not found; check the 'pysr: file:' path of the model");
    } catch (CharacterCodingException e) {
      throw new SrHlsException(file + ": is not UTF-8 text; " + EXPECTED);
    } catch (IOException e) {
      throw new SrHlsException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    // a byte-order mark (left by re-saving the file in a spreadsheet) is not content, as in model files
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new SrHlsException(file + ": the file is empty; " + EXPECTED);
    }
    return new HallOfFameCsv(file, text).rows();
  }

  private HallOfFame rows() {
    List<List<Field>> records = records(separator());
    List<Field> header = records.get(0);
    int complexity = column(header, "complexity");
    int loss = Math.max(column(header, "loss"), column(header, "mse"));
    int equation = column(header, "equation");
    if (complexity < 0 || loss < 0 || equation < 0) {
      throw SrHlsException.at(new SourcePosition(file, 1, 1), "the header '" + firstLine()
          + "' lacks a Complexity, Loss (or MSE) or Equation column; " + EXPECTED);
    }
    int needed = Math.max(complexity, Math.max(loss, equation)) + 1;
    List<HallOfFame.Row> rows = new ArrayList<>();
    for (List<Field> fields : records.subList(1, records.size())) {
      if (fields.size() < needed) {
        Field first = fields.get(0);
        throw SrHlsException.at(new SourcePosition(file, first.line(), 1), "this row has " + fields.size()
            + " field(s) but the header names " + header.size() + "; expected complexity, loss and quoted equation");
      }
      Field eq = fields.get(equation);
      rows.add(new HallOfFame.Row(complexity(fields.get(complexity)), loss(fields.get(loss)), eq.text(),
          eq.line(), eq.column()));
    }
    if (rows.isEmpty()) {
      throw SrHlsException.at(new SourcePosition(file, 1, 0),
          "the file has a header but no equations; was the PySR run stopped before its first iteration?");
    }
    return new HallOfFame(file, rows);
  }

  /** PySR 0.3-0.9 wrote '|'-separated files; later ones use commas. The header line tells which. */
  private char separator() {
    return firstLine().indexOf('|') >= 0 ? '|' : ',';
  }

  private String firstLine() {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  private List<List<Field>> records(char separator) {
    List<List<Field>> records = new ArrayList<>();
    try (CsvParser parser = CSV.createParser(text)) {
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"'));
      // WRAP_AS_ARRAY gives one outer array holding one array per record
      List<Field> current = new ArrayList<>();
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          current.add(field(parser.getText(), parser.currentTokenLocation()));
        } else if (token == JsonToken.END_ARRAY && !current.isEmpty()) {
          records.add(current);
          current = new ArrayList<>();
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw SrHlsException.at(new SourcePosition(file, at == null ? 0 : Math.max(0, at.getLineNr()),
          at == null ? 0 : Math.max(0, at.getColumnNr())), "not a valid CSV file: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SrHlsException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    return records;
  }

  /** Jackson locates a quoted field at its quote; the text, which positions refer to, starts one further. */
  private Field field(String value, JsonLocation at) {
    int offset = (int) at.getCharOffset();
    boolean quoted = offset >= 0 && offset < text.length() && text.charAt(offset) == '"';
    return new Field(value, at.getLineNr(), at.getColumnNr() + (quoted ? 1 : 0));
  }

  private static int column(List<Field> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).text().strip().toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private int complexity(Field field) {
    String value = field.text().strip();
    if (value.matches("\\d{1,9}")) {
      return Integer.parseInt(value);
    }
    throw SrHlsException.at(new SourcePosition(file, field.line(), field.column()),
        "bad complexity '" + value + "'; expected a whole number such as 7");
  }

  private double loss(Field field) {
    OptionalDouble value = NumberLiteral.parse(field.text().strip());
    if (value.isPresent()) {
      return value.getAsDouble();
    }
    throw SrHlsException.at(new SourcePosition(file, field.line(), field.column()),
        "bad loss '" + field.text().strip() + "'; expected a finite number such as 0.25, 1.5e-3 or 1.0f-5");
  }
}
