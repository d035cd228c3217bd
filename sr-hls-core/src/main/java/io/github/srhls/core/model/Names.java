package io.github.srhls.core.model;

import io.github.srhls.core.diag.Echo;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules for names that become C++ identifiers, HDL port names, file names and Tcl words.
 */
final class Names {
  static final int MAX_LENGTH = 64;

  /** C++20 keywords and alternative tokens, and C's {@code restrict}. */
  static final Set<String> CPP_KEYWORDS = Set.of(
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
      "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
      "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
      "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
      "requires", "restrict", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast",
      "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid",
      "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor",
      "xor_eq");

  private Names() {}

  /**
   * A C identifier that is no C++ keyword, at most {@value #MAX_LENGTH} characters.
   *
   * @param what what the name is, for the message ("input name")
   * @param at where the name's text starts
   */
  static void checkIdentifier(String name, String what, SourcePosition at) {
    if (name.isEmpty()) {
      throw SrHlsException.at(at, what + " is empty; write a C identifier such as jet_tagger");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      if (!(letter || (digit && i > 0))) {
        throw SrHlsException.at(at.plusColumns(i), what + " '" + Echo.of(name) + "' is not a C identifier"
            + (i == 0 && digit ? " (it starts with a digit)" : " ('" + c + "' at character " + (i + 1) + ")")
            + "; use ASCII letters, digits and '_', starting with a letter");
      }
    }
    if (CPP_KEYWORDS.contains(name)) {
      throw SrHlsException.at(at, what + " '" + name + "' is a C++ keyword; choose another name (C++ keywords: "
          + String.join(", ", new TreeSet<>(CPP_KEYWORDS)) + ")");
    }
    if (name.length() > MAX_LENGTH) {
      throw SrHlsException.at(at, what + " '" + Echo.of(name) + "' has " + name.length() + " characters; at most "
          + MAX_LENGTH + " are allowed");
    }
  }

  /**
   * A name that also becomes an HDL port or top-level symbol: no {@code ap_} prefix (the vendor's ports and types
   * use it), no leading {@code _} (reserved in C++ at global scope) and no Verilog or SystemVerilog keyword (the RTL
   * back end's module and port names).
   */
  static void checkPortName(String name, String what, SourcePosition at) {
    checkIdentifier(name, what, at);
    if (name.startsWith("ap_")) {
      throw SrHlsException.at(at, what + " '" + name + "' starts with 'ap_', which the vendor's tools use for"
          + " their own ports and types; choose another name");
    }
    if (name.startsWith("_")) {
      throw SrHlsException.at(at, what + " '" + name + "' starts with '_', which C++ reserves; start it with a letter");
    }
    if (VerilogKeywords.ALL.contains(name)) {
      throw SrHlsException.at(at, what + " '" + name + "' is a Verilog/SystemVerilog keyword, and the RTL back end"
          + " names its module and ports after the model, inputs and outputs; choose another name, e.g. '" + name
          + "_" + (what.startsWith("input") ? "in" : what.startsWith("output") ? "out" : "model") + "'. The keywords"
          + " (IEEE 1800-2017) are listed under Names in the model files documentation");
    }
    if (ReservedNames.reservedFor(name, false)) {
      throw reserved(name, what, at, "the generated C++ or a header it includes already uses it");
    }
  }

  private static SrHlsException reserved(String name, String what, SourcePosition at, String why) {
    return SrHlsException.at(at, what + " '" + name + "' is reserved: " + why + " (a macro, type, namespace or"
        + " function of that name), so g++ would fail in a generated file; choose another name, e.g. '"
        + name.toLowerCase(java.util.Locale.ROOT) + "_model'. The reserved names are listed under Names in the model"
        + " files documentation");
  }

  /** The model name: the top function, IP and file name. */
  static void checkModelName(String name, SourcePosition at) {
    if (name.equals("main")) {
      throw SrHlsException.at(at, "the model name cannot be 'main', the testbench's entry point; choose another");
    }
    checkPortName(name, "the model name", at);
    if (ReservedNames.reservedFor(name, true)) {
      throw reserved(name, "the model name", at, "the testbench calls the top function where a variable of that name"
          + " is in scope, or firmware/" + name + ".h would take the place of a header");
    }
  }
}
