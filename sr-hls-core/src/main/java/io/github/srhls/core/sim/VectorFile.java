package io.github.srhls.core.sim;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A testbench data file: one vector per line, values separated by spaces or tabs, each in a form
 * {@link Double#parseDouble} reads exactly ({@code Double.toString} or C's {@code %.17g}). Blank lines are
 * skipped.
 *
 * @param file where it was read from
 * @param vectors the values, one array per vector, each as wide as the file's declared width
 */
public record VectorFile(Path file, List<double[]> vectors) {

  public VectorFile {
    vectors = List.copyOf(vectors);
  }

  /**
   * Reads a file whose every vector has {@code width} values.
   *
   * @throws SrHlsException naming the file, line and column of the first bad value, or the line of the first
   *     vector of the wrong width
   */
  public static VectorFile read(Path file, int width) {
    List<double[]> vectors = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        double[] values = parseLine(file, lineNumber, line);
        if (values.length == 0) {
          continue;
        }
        if (values.length != width) {
          throw SrHlsException.at(new SourcePosition(file, lineNumber, 0),
              "expected " + width + " values per line, found " + values.length);
        }
        vectors.add(values);
      }
    } catch (NoSuchFileException e) {
      throw new SrHlsException(file + " does not exist");
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new VectorFile(file, vectors);
  }

  int size() {
    return vectors.size();
  }

  private static double[] parseLine(Path file, int lineNumber, String line) {
    List<Double> values = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && isSeparator(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < line.length() && !isSeparator(line.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      String token = line.substring(start, i);
      try {
        values.add(parse(token));
      } catch (NumberFormatException e) {
        throw SrHlsException.at(new SourcePosition(file, lineNumber, start + 1), "'" + token + "' is not a number");
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Like {@link Double#parseDouble}, plus the spellings C's printf uses for special values. */
  private static double parse(String token) {
    return switch (token.toLowerCase(java.util.Locale.ROOT)) {
      case "nan", "-nan", "+nan" -> Double.NaN;
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> {
        if (token.endsWith("f") || token.endsWith("F") || token.endsWith("d") || token.endsWith("D")) {
          // parseDouble accepts Java type suffixes; a data file never has them
          throw new NumberFormatException(token);
        }
        yield Double.parseDouble(token);
      }
    };
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
