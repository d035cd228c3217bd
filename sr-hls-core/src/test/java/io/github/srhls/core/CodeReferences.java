package io.github.srhls.core;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which classes each class of a code base refers to, for {@link LayerRules}: read from the compiled classes'
 * constant pools, and from the sources' imports.
 *
 * <p>Why our own reader and not ArchUnit: the rule is one ordered table of packages, and the references it needs
 * are all in a class file's constant pool (the classes it names, and the descriptors and generic signatures of its
 * fields, methods and annotations), which takes fifty lines to read with the JDK alone: no dependency, nothing to
 * download, and the plugin module's test uses the same reader. The class files are the main source; the imports
 * add what compiled code does not show: a class named only in documentation ({@code {@link}}, {@code @throws}),
 * which a reader of the source still sees as a dependency, and a constant whose value the compiler copied into
 * the class that uses it (javac, from JDK 9 on, still names the constant's class in the constant pool; the
 * language does not require it).
 *
 * <p>Names are dotted binary names of top-level classes: a nested class ({@code Outer$Inner}, lambdas' and
 * anonymous classes' too) counts as its top-level class, and a class's references to itself are left out.
 */
public final class CodeReferences {

  /** A class, an array of classes, or a class inside a descriptor or generic signature: {@code Lpkg/Name;}. */
  private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

  /** {@code import [static] a.b.C[.D][.*];} */
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;",
      Pattern.MULTILINE);

  private CodeReferences() {}

  /** Every class file below {@code classes} (a compiler's output directory): class to the classes it uses. */
  public static Map<String, Set<String>> inClassFiles(Path classes) {
    Map<String, Set<String>> references = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        if (file.getFileName().toString().equals("module-info.class")) {
          continue;
        }
        ClassFile read = read(Files.readAllBytes(file));
        String self = topLevel(read.name());
        Set<String> used = references.computeIfAbsent(self, k -> new TreeSet<>());
        read.references().stream().map(CodeReferences::topLevel).filter(n -> !n.equals(self)).forEach(used::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return references;
  }

  /**
   * Every Java source below {@code sources}: class (named by its file) to what it imports. An import names a
   * class as its packages followed by the class, so the name is cut after the first segment that starts with a
   * capital; an on-demand import {@code a.b.*} is recorded as {@code a.b.*}.
   */
  public static Map<String, Set<String>> inImports(Path sources) {
    Map<String, Set<String>> references = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String relative = sources.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        String self = relative.substring(0, relative.length() - ".java".length());
        Set<String> used = references.computeIfAbsent(self, k -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String imported = importedClass(m.group(1), m.group().contains(".*"));
          if (!imported.equals(self)) {
            used.add(imported);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return references;
  }

  /** A class file's own name and every class named in its constant pool, both in internal form (slashes). */
  record ClassFile(String name, Set<String> references) {}

  /** Reads the constant pool (JVMS 4.4) and {@code this_class} of a class file. */
  static ClassFile read(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
        case 15 -> in.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, member refs, NameAndType, (Invoke)Dynamic
        case 5, 6 -> { // Long and Double take two entries
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    in.readUnsignedShort(); // access flags
    String self = utf8[classNames[in.readUnsignedShort()]];
    Set<String> references = new TreeSet<>();
    for (int i = 1; i < count; i++) {
      if (classNames[i] != 0) {
        String name = utf8[classNames[i]];
        if (name.startsWith("[")) {
          addDescriptorClasses(name, references); // an array class is named by its descriptor
        } else {
          references.add(name);
        }
      } else if (utf8[i] != null) {
        addDescriptorClasses(utf8[i], references); // descriptors and signatures of fields, methods, annotations
      }
    }
    references.remove(self);
    return new ClassFile(self, references);
  }

  private static void addDescriptorClasses(String text, Set<String> into) {
    Matcher m = IN_DESCRIPTOR.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  /** {@code a/b/C$D$1} to {@code a.b.C}. */
  static String topLevel(String internalName) {
    String dotted = internalName.replace('/', '.');
    int nested = dotted.indexOf('$', dotted.lastIndexOf('.') + 1);
    return nested < 0 ? dotted : dotted.substring(0, nested);
  }

  private static String importedClass(String name, boolean onDemand) {
    String[] segments = name.split("\\.");
    StringBuilder b = new StringBuilder();
    for (String segment : segments) {
      b.append(b.isEmpty() ? "" : ".").append(segment);
      if (Character.isUpperCase(segment.charAt(0))) {
        return b.toString();
      }
    }
    return onDemand ? b + ".*" : b.toString();
  }
}
