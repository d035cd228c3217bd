package io.github.srhls.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Packages in ordered layers, lowest first: a package may use the packages of lower layers only, not those of a
 * higher layer and not those of its own layer unless that pair is allowed, and every package must be in the
 * table. With those rules a cycle can only come from allowed pairs, and is reported too.
 *
 * @param root the package the table's names are relative to ({@code io.github.srhls.core}); classes outside it
 *     are not checked
 * @param layers package names relative to {@code root} ({@code toolchain.amd.detect}), lowest layer first; a
 *     package that has no classes (yet) is allowed
 * @param allowedWithinLayer pairs {@code "a -> b"}: package {@code a} may use package {@code b} of its own layer
 */
public record LayerRules(String root, List<List<String>> layers, Set<String> allowedWithinLayer) {

  public LayerRules {
    layers = layers.stream().map(List::copyOf).toList();
    allowedWithinLayer = Set.copyOf(allowedWithinLayer);
    Set<String> seen = new TreeSet<>();
    for (List<String> layer : layers) {
      for (String name : layer) {
        if (!seen.add(name)) {
          throw new IllegalArgumentException("package " + name + " is in more than one layer");
        }
      }
    }
    for (String pair : allowedWithinLayer) {
      String[] ends = pair.split(" -> ");
      if (ends.length != 2 || layerOf(layers, ends[0]) < 0 || layerOf(layers, ends[0]) != layerOf(layers, ends[1])) {
        throw new IllegalArgumentException("'" + pair + "' is not 'a -> b' of two packages of one layer");
      }
    }
  }

  /**
   * What breaks the rules, one message per offending reference (the first class, in name order, for a pair of
   * packages), per package missing from the table and per cycle; empty when the references keep to them.
   *
   * @param references class to the classes it uses (dotted binary names, as {@link CodeReferences} gives them)
   */
  public List<String> violations(Map<String, Set<String>> references) {
    Set<String> unplaced = new TreeSet<>();
    Map<String, String> firstUse = new TreeMap<>(); // "a -> b" of allowed pairs, to the first use seen
    Map<String, Set<String>> allowedEdges = new TreeMap<>();
    Map<String, String> broken = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> entry : new TreeMap<>(references).entrySet()) {
      String from = entry.getKey();
      String fromPackage = packageOf(from);
      if (fromPackage == null) {
        continue;
      }
      if (layer(fromPackage) < 0) {
        unplaced.add(unplaced(fromPackage, from));
      }
      for (String to : new TreeSet<>(entry.getValue())) {
        String toPackage = packageOf(to);
        if (toPackage == null || toPackage.equals(fromPackage)) {
          continue;
        }
        if (layer(toPackage) < 0) {
          unplaced.add(unplaced(toPackage, to));
          continue;
        }
        if (layer(fromPackage) < 0) {
          continue;
        }
        String pair = fromPackage + " -> " + toPackage;
        int fromLayer = layer(fromPackage);
        int toLayer = layer(toPackage);
        if (toLayer > fromLayer) {
          broken.putIfAbsent(pair, describe(from, fromPackage, to, toPackage)
              + ": a package may use only packages of lower layers");
        } else if (toLayer == fromLayer && !allowedWithinLayer.contains(pair)) {
          broken.putIfAbsent(pair, describe(from, fromPackage, to, toPackage)
              + ": packages of one layer may not use each other unless the pair is allowed");
        } else {
          firstUse.putIfAbsent(pair, from + " uses " + to);
          allowedEdges.computeIfAbsent(fromPackage, k -> new TreeSet<>()).add(toPackage);
        }
      }
    }
    List<String> violations = new ArrayList<>(unplaced);
    violations.addAll(broken.values());
    violations.addAll(cycles(allowedEdges, firstUse));
    return violations;
  }

  /** The layer of a package (relative name), or -1 when it is in none. */
  public int layer(String name) {
    return layerOf(layers, name);
  }

  /** A class's package relative to the root ({@code ""} for the root itself), or null outside the root. */
  String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot); // also right for an on-demand import's a.b.*
    if (pkg.equals(root)) {
      return "";
    }
    return pkg.startsWith(root + ".") ? pkg.substring(root.length() + 1) : null;
  }

  private String describe(String from, String fromPackage, String to, String toPackage) {
    return from + " (" + shown(fromPackage) + ", layer " + layer(fromPackage) + ") depends on " + to + " ("
        + shown(toPackage) + ", layer " + layer(toPackage) + ")";
  }

  private String unplaced(String pkg, String example) {
    return "package " + shown(pkg) + " (" + example + ") is in no layer of the table: add it to the layer where"
        + " it belongs in the pipeline";
  }

  private String shown(String pkg) {
    return pkg.isEmpty() ? root : pkg;
  }

  private static int layerOf(List<List<String>> layers, String name) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).contains(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Each cycle once, as the path of packages from its smallest name, with the first class on each edge. */
  private static List<String> cycles(Map<String, Set<String>> edges, Map<String, String> firstUse) {
    List<String> found = new ArrayList<>();
    Set<String> reported = new TreeSet<>();
    for (String start : edges.keySet()) {
      Map<String, String> parent = new HashMap<>();
      List<String> queue = new ArrayList<>(List.of(start));
      // breadth first from start, for the shortest way back to it
      for (int i = 0; i < queue.size(); i++) {
        String at = queue.get(i);
        for (String next : edges.getOrDefault(at, Set.of())) {
          if (next.equals(start)) {
            List<String> path = new ArrayList<>(List.of(start));
            for (String p = at; !p.equals(start); p = parent.get(p)) {
              path.add(1, p);
            }
            path.add(start);
            String key = new TreeSet<>(path).toString();
            if (path.stream().skip(1).allMatch(p -> p.compareTo(start) >= 0) && reported.add(key)) {
              List<String> uses = new ArrayList<>();
              for (int k = 0; k + 1 < path.size(); k++) {
                uses.add(firstUse.get(path.get(k) + " -> " + path.get(k + 1)));
              }
              found.add("package cycle " + String.join(" -> ", path) + " (" + String.join("; ", uses) + ")");
            }
            queue.clear();
            break;
          }
          if (!parent.containsKey(next) && !next.equals(start)) {
            parent.put(next, at);
            queue.add(next);
          }
        }
      }
    }
    return found;
  }
}
