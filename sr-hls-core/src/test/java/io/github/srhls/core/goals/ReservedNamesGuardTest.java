package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.srhls.core.model.ReservedNames;
import io.github.srhls.core.model.ReservedNames.Scope;
import io.github.srhls.core.simulation.host.IncludeHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code reserved-names.txt} complete, so a name the model file may use cannot break the generated C++: every
 * identifier of the generated defines.h, top header and testbench and every file-scope name of sr-hls's headers is
 * reserved, and every name the standard headers make visible that g++ refuses as a top function is reserved.
 */
class ReservedNamesGuardTest {
  /** A model whose own names (and so the names derived from them) are recognizable in the generated files. */
  private static final String MODEL = """
      format: sr-hls/v1
      name: probe_model
      inputs: [{name: probe_in, range: [0.5, 2]}]
      outputs: [{name: probe_out, expression: 'sin(probe_in) + exp(probe_in) * log(probe_in) + sqrt(probe_in)'}]
      testbench: {vectors: 2}
      """;
  private static final Pattern OWN = Pattern.compile("(?i).*probe_(model|in|out).*");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @TempDir Path project;
  Path generated;
  Set<String> global;
  Set<String> all;

  @BeforeEach
  void generate() throws IOException {
    TempProject temp = TempProject.with(project, "probe_model.sr.yaml", MODEL);
    temp.generate();
    generated = temp.out().resolve("probe_model");
    global = ReservedNames.of(Scope.GLOBAL);
    all = new TreeSet<>(global);
    all.addAll(ReservedNames.of(Scope.MODEL));
  }

  @Test
  void everyIdentifierOfTheGeneratedHeadersAndTestbenchIsReserved() throws IOException {
    assertTrue(identifiers(fileScope(Files.readString(generated.resolve("probe_model_test.cpp"))))
        .containsAll(List.of("TB_LINE_CAP", "read_vector", "OUTPUT_NAMES", "main")), "the scan sees file scope");
    Set<String> missing = new TreeSet<>();
    for (String file : List.of("firmware/defines.h", "firmware/probe_model.h", "probe_model_test.cpp")) {
      String code = Files.readString(generated.resolve(file));
      // at file scope: macros, types and functions every name must avoid; inside main: what the call sees
      for (String id : identifiers(fileScope(code))) {
        if (!global.contains(id)) {
          missing.add(id + " (file scope of " + file + ")");
        }
      }
      for (String id : identifiers(code)) {
        if (!all.contains(id)) {
          missing.add(id + " (" + file + ")");
        }
      }
    }
    for (String id : identifiers(fileScope(Files.readString(generated.resolve("firmware/probe_model.cpp"))))) {
      if (!global.contains(id)) {
        missing.add(id + " (file scope of firmware/probe_model.cpp)");
      }
    }
    assertEquals(Set.of(), missing, "identifiers of the generated C++ missing from reserved-names.txt");
  }

  @Test
  void everyFileScopeNameOfTheHeadersIsReserved() {
    Set<String> seen = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    for (Map.Entry<String, byte[]> h : IncludeHeaders.builtIn().contents().entrySet()) {
      for (String id : identifiers(fileScope(new String(h.getValue(), StandardCharsets.UTF_8)))) {
        seen.add(id);
        if (!global.contains(id)) {
          missing.add(id + " (" + h.getKey() + ")");
        }
      }
    }
    assertTrue(seen.containsAll(List.of("AP_SAT", "AP_RND_CONV", "srhls", "SRHLS_AP_TYPES_H")), "seen: " + seen);
    assertEquals(Set.of(), missing, "file-scope names of the headers missing from reserved-names.txt");
  }

  /**
   * Declares every identifier the generated testbench can see (after preprocessing, and every macro) as a top
   * function beside the real one, in one g++ run; each declaration g++ refuses is a name that must be reserved.
   */
  @Test
  void everyVisibleNameThatCannotBeATopFunctionIsReserved() throws IOException, InterruptedException {
    assumeTrue(gpp("--version").exit == 0, "g++ is not on the PATH");
    Path include = IncludeHeaders.builtIn().extractTo(project.resolve("include"));
    Path testbench = generated.resolve("probe_model_test.cpp");
    Run preprocessed = gpp("-std=c++14", "-E", "-P", "-I" + include, testbench.toString());
    Run macros = gpp("-std=c++14", "-E", "-dM", "-I" + include, testbench.toString());
    assertEquals(0, preprocessed.exit, preprocessed.output);
    Set<String> candidates = new TreeSet<>();
    candidates.addAll(visible(preprocessed.output));
    Matcher define = Pattern.compile("(?m)^#define ([A-Za-z_][A-Za-z0-9_]*)").matcher(macros.output);
    while (define.find()) {
      candidates.add(define.group(1));
    }
    candidates.removeIf(id -> id.startsWith("_") || id.startsWith("ap_") || OWN.matcher(id).matches()
        || KEYWORDS.contains(id));
    assertTrue(candidates.size() > 500, "the standard headers make hundreds of names visible: " + candidates.size());

    String code = Files.readString(testbench);
    int first = (int) code.lines().count() + 1;
    List<String> lines = new ArrayList<>(candidates);
    StringBuilder probe = new StringBuilder(code);
    for (String id : lines) {
      probe.append("void ").append(id).append("(const input_t x[N_INPUTS], result_t y[N_OUTPUTS]);\n");
    }
    Path probeFile = generated.resolve("probe.cpp");
    Files.writeString(probeFile, probe);
    Run compiled = gpp("-std=c++14", "-fsyntax-only", "-fmax-errors=0", "-I" + include,
        "-I" + generated.resolve("firmware"), probeFile.toString());
    Matcher where = Pattern.compile("probe\\.cpp:(\\d+):\\d+:").matcher(compiled.output);
    Set<String> refused = new TreeSet<>();
    while (where.find()) {
      int line = Integer.parseInt(where.group(1));
      if (line >= first && line < first + lines.size()) {
        refused.add(lines.get(line - first));
      }
    }
    assertTrue(refused.contains("FILE") && refused.contains("std"), "the probe sees collisions: " + refused);
    refused.removeAll(global);
    assertEquals(Set.of(), refused, "names g++ refuses as a top function, missing from reserved-names.txt");
  }

  /** The identifiers of preprocessed code that are declared somewhere in it (every identifier, to be safe). */
  private static Set<String> visible(String preprocessed) {
    return identifiers(preprocessed);
  }

  /** The code outside every brace, parenthesis and template argument list, without macro bodies. */
  private static String fileScope(String code) {
    String plain = stripped(code);
    StringBuilder b = new StringBuilder();
    int braces = 0;
    int parens = 0;
    int angles = 0;
    String previous = "";
    boolean enumBody = false;
    for (String line : plain.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("#")) {
        Matcher m = Pattern.compile("^#\\s*(?:define|ifndef|undef)\\s+([A-Za-z_][A-Za-z0-9_]*)").matcher(t);
        if (m.find()) {
          b.append(m.group(1)).append('\n');
        }
        continue;
      }
      Matcher tokens = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|::|<<|>>|<=|>=|.").matcher(line);
      while (tokens.find()) {
        String tok = tokens.group();
        switch (tok) {
          case "{" -> {
            braces++;
            enumBody = braces == 1 && previous.equals("enum");
          }
          case "}" -> {
            braces--;
            enumBody = false;
          }
          case ";" -> angles = braces == 0 && parens == 0 ? 0 : angles;  // a statement ends every list
          case "(" -> parens++;
          case ")" -> parens--;
          case "<" -> angles += braces == 0 && parens == 0 ? 1 : 0;
          case ">" -> angles -= braces == 0 && parens == 0 && angles > 0 ? 1 : 0;
          default -> {
            boolean member = previous.equals("::") || previous.equals(".");
            boolean atFileScope = braces == 0 && parens == 0 && angles == 0;
            if (IDENTIFIER.matcher(tok).matches() && !member && (atFileScope || (enumBody && parens == 0))) {
              b.append(tok).append('\n');
            }
          }
        }
        if (!tok.isBlank()) {
          // an enum's name sits between the keyword and the brace; remember the keyword across it
          previous = previous.equals("enum") && IDENTIFIER.matcher(tok).matches() ? "enum" : tok;
        }
      }
    }
    return b.toString();
  }

  /** Identifiers of the code, without keywords, without the probe model's own names and what derives from them. */
  private static Set<String> identifiers(String code) {
    Set<String> ids = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(stripped(code).replaceAll("#\\s*[a-z]+", " "));
    while (m.find()) {
      String id = m.group();
      if (!KEYWORDS.contains(id) && !id.startsWith("_") && !id.startsWith("ap_") && !OWN.matcher(id).matches()) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Code without comments, string and character literals, and number suffixes (1.0f, 0x7f, 1e-5, 10ll). */
  private static String stripped(String code) {
    String s = code.replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("//[^\n]*", " ")
        .replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"")
        .replaceAll("'(?:\\\\.|[^'\\\\\n])*'", "''")
        .replaceAll("(?m)^\\s*#\\s*(?:include|error|pragma|if|elif)\\b[^\n]*", " ");
    return s.replaceAll("\\b[0-9][A-Za-z0-9_.]*", " ");
  }

  /** The keywords, and the preprocessor's {@code defined}: words of the code, not names it declares. */
  private static final Set<String> KEYWORDS = Stream.concat(ReservedNames.keywords().stream(), Stream.of("defined"))
      .collect(Collectors.toUnmodifiableSet());

  private record Run(int exit, String output) {}

  private Run gpp(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("g++"));
    cmd.addAll(List.of(args));
    Path out = project.resolve("gpp-" + System.nanoTime() + ".out");
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    } catch (IOException e) {
      return new Run(-1, e.getMessage());
    }
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("g++ did not finish in 300 s: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(out));
  }
}
