package io.github.srhls.core.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Identifiers the generated C++ and the headers it sees already use (the list {@code reserved-names.txt}, kept
 * complete by a test that scans the generated files and headers and compiles every visible name as a top function).
 * A name among them would make g++ or the vendor's compiler fail in a file the user never wrote.
 */
public final class ReservedNames {
  /** Where a reserved name may not be used. */
  public enum Scope {
    /** Model, input and output names: macros, file-scope declarations, namespaces. */
    GLOBAL,
    /** The model name only: the testbench's variables around the call of the top function, and file names. */
    MODEL
  }

  private static final Map<Scope, Set<String>> NAMES = load();

  private ReservedNames() {}

  /** The reserved names of one scope, sorted. */
  public static Set<String> of(Scope scope) {
    return NAMES.get(scope);
  }

  /** The C++ keywords and alternative tokens, refused as names before the reserved list is consulted. */
  public static Set<String> keywords() {
    return Names.CPP_KEYWORDS;
  }

  /**
   * The Verilog and SystemVerilog keywords (IEEE 1800-2017), refused as model, input and output names: the RTL
   * back end's module and ports carry them.
   */
  public static Set<String> verilogKeywords() {
    return VerilogKeywords.ALL;
  }

  /** Whether a model name (all scopes) or an input or output name ({@link Scope#GLOBAL}) may not be used. */
  static boolean reservedFor(String name, boolean modelName) {
    return NAMES.get(Scope.GLOBAL).contains(name) || (modelName && NAMES.get(Scope.MODEL).contains(name));
  }

  private static Map<Scope, Set<String>> load() {
    Map<Scope, Set<String>> names = new LinkedHashMap<>();
    names.put(Scope.GLOBAL, new TreeSet<>());
    names.put(Scope.MODEL, new TreeSet<>());
    try (InputStream in = ReservedNames.class.getResourceAsStream("reserved-names.txt")) {
      if (in == null) {
        throw new IllegalStateException("reserved-names.txt is missing from the sr-hls jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Scope scope = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.equals("[global]") || line.equals("[model]")) {
          scope = line.equals("[global]") ? Scope.GLOBAL : Scope.MODEL;
        } else if (scope == null) {
          throw new IllegalStateException("reserved-names.txt: a name before the first section: " + line);
        } else {
          names.get(scope).add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    return Collections.unmodifiableMap(names);
  }
}
