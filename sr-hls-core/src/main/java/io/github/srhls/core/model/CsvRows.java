package io.github.srhls.core.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of a CSV file of the testbench (vectors, labels), each cell with the line and column it is at, and what
 * reading such a file shares: opening it as UTF-8 text (a {@code .dat} vector file too), the messages when it cannot
 * be read, and the mapping of a header's columns to the model's names.
 */
final class CsvRows implements AutoCloseable {
  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  /** One value as written, and where. */
  record Cell(String text, SourcePosition at) {}

  /** Reading an opened file. */
  interface Reading<T> {
    T from(BufferedReader in) throws IOException;
  }

  private final CsvParser parser;
  private final Path shownAs;
  private boolean rows;

  private CsvRows(CsvParser parser, Path shownAs) throws IOException {
    this.parser = parser;
    this.shownAs = shownAs;
    parser.setSchema(CsvSchema.emptySchema());
    // the parser reads the file as one array of row arrays
    rows = parser.nextToken() == JsonToken.START_ARRAY;
  }

  /** The rows of an opened file, named {@code shownAs} in positions. */
  static CsvRows of(BufferedReader in, Path shownAs) throws IOException {
    return new CsvRows(CSV.createParser(in), shownAs);
  }

  /**
   * Opens {@code file} as UTF-8 text (a byte order mark skipped) and reads it.
   *
   * @param what the file in messages: {@code vector file}, {@code labels file}
   * @throws SrHlsException naming {@code shownAs} when the file is missing, not UTF-8, unreadable or no CSV
   */
  static <T> T read(Path file, Path shownAs, String what, Reading<T> reading) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      return reading.from(in);
    } catch (NoSuchFileException e) {
      throw new SrHlsException(shownAs + ": " + what + " not found");
    } catch (CharacterCodingException e) {
      throw new SrHlsException(shownAs + ": not UTF-8 text; save the " + what + " as UTF-8 (or ASCII)");
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw SrHlsException.at(new SourcePosition(shownAs, l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr()), "CSV syntax error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SrHlsException(shownAs + ": cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  /** The cells of the next row that is not blank, or null after the last. */
  List<Cell> next() throws IOException {
    while (rows && parser.nextToken() == JsonToken.START_ARRAY) {
      List<Cell> cells = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t == JsonToken.VALUE_STRING; t = parser.nextToken()) {
        JsonLocation l = parser.currentTokenLocation();
        cells.add(new Cell(parser.getText(), new SourcePosition(shownAs, l.getLineNr(), l.getColumnNr())));
      }
      if (cells.stream().anyMatch(c -> !c.text().isBlank())) {
        return cells;
      }
    }
    rows = false;
    return null;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /**
   * For each column of a header, the index of the name it names; a name twice is an error.
   *
   * @param unknown the message for a column that names none of {@code names}, given its name
   */
  static int[] columns(List<Cell> header, List<String> names, Function<String, String> unknown) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    int[] column = new int[header.size()];
    Map<String, Cell> seen = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      Cell cell = header.get(c);
      String name = cell.text().strip();
      Integer i = index.get(name);
      if (i == null) {
        throw SrHlsException.at(cell.at(), unknown.apply(name));
      }
      Cell first = seen.putIfAbsent(name, cell);
      if (first != null) {
        throw SrHlsException.at(cell.at(), "column '" + name + "' appears twice in the header (first at column "
            + first.at().column() + ")");
      }
      column[c] = i;
    }
    return column;
  }
}
