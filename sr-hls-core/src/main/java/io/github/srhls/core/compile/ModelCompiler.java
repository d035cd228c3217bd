package io.github.srhls.core.compile;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Expr;
import io.github.srhls.core.expr.ExprException;
import io.github.srhls.core.expr.ExprParser;
import io.github.srhls.core.expr.Scope;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.CustomOperator;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.GraphBuilder;
import io.github.srhls.core.ir.Lowering;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import io.github.srhls.core.model.ExpressionSource;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OperatorSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.PrecisionSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.model.PysrSource;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.HallOfFameLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Compiles a model file's outputs into one graph: parse, check, select, expand, lower. */
public final class ModelCompiler {
  private final Path projectDirectory;

  public ModelCompiler(Path projectDirectory) {
    this.projectDirectory = projectDirectory;
  }

  public CompiledModel compile(ModelSpec spec) {
    Map<String, Integer> arities = new LinkedHashMap<>();
    for (OperatorSpec op : spec.operators()) {
      arities.put(op.name(), op.params().size());
    }
    Map<String, CustomOperator> customs = new LinkedHashMap<>();
    Map<String, OperatorSpec> declared = new HashMap<>();
    // one copy of the operator table for every body: a scope of its own per body made reading n operators O(n^2)
    Scope operatorsOnly = Scope.of(List.of(), arities);
    for (OperatorSpec op : spec.operators()) {
      Expr body = parse(op.body(), new BodyScope(Scope.of(op.params(), Map.of()), operatorsOnly), op.bodyStart(),
          "in the body of custom operator '" + op.name() + "'");
      ZeroDivisors.check(body, op.body(), op.bodyStart(), "in the body of custom operator '" + op.name() + "'");
      customs.put(op.name(), new CustomOperator(op.name(), op.params(), body));
      declared.put(op.name(), op);
    }
    OperatorExpansion expansion = OperatorExpansion.of(customs, declared);

    GraphBuilder builder = new GraphBuilder();
    Lowering lowering = new Lowering(builder, customs);
    List<String> inputNames = spec.inputNames();
    Scope scope = new ModelScope(inputNames, arities, false);
    List<Integer> outputs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    // outputs may choose different rows of one hall of fame: each file is read once, and listed once
    Map<Path, HallOfFame> hallsOfFame = new LinkedHashMap<>();
    for (OutputSpec out : spec.outputs()) {
      Expr expr;
      if (out.source() instanceof ExpressionSource src) {
        expr = parse(src.text(), scope, src.textStart(), "in output '" + out.name() + "'");
        expansion.check(expr, src.textStart(), "output '" + out.name() + "'");
        ZeroDivisors.check(expr, src.text(), src.textStart(), "in output '" + out.name() + "'", customs);
        texts.add(src.text());
      } else {
        PysrSource src = (PysrSource) out.source();
        Path csv = HallOfFameLocator.locate(src.file(), src.output(), projectDirectory.toAbsolutePath().normalize());
        HallOfFame.Row row = src.select().select(
            hallsOfFame.computeIfAbsent(csv, c -> HallOfFame.read(c, ProjectPaths.shown(c, projectDirectory))));
        SourcePosition at = new SourcePosition(ProjectPaths.shown(csv, projectDirectory), row.line(), row.column());
        expr = parse(row.equation(), src.oneBasedVariables() ? new ModelScope(inputNames, arities, true) : scope, at,
            "in output '" + out.name() + "' (hall-of-fame row of complexity " + row.complexity() + ")");
        expansion.check(expr, at, "output '" + out.name() + "'");
        ZeroDivisors.check(expr, row.equation(), at, "in output '" + out.name() + "'", customs);
        texts.add(row.equation());
      }
      outputs.add(lowering.lower(expr));
    }
    List<Path> referenced = new ArrayList<>(hallsOfFame.keySet());
    if (spec.testbench().inputs() != null) {
      referenced.add(spec.testbench().inputs());
    }
    if (spec.testbench().labels() != null) {
      referenced.add(spec.testbench().labels());
    }
    List<String> outputNames = spec.outputs().stream().map(OutputSpec::name).toList();
    // a subexpression names its node through the same simplifying constructor, so it finds the node the outputs use
    List<Integer> named = new ArrayList<>();
    for (PrecisionSpec.NodeType n : spec.precision().nodes()) {
      Expr expr = parse(n.expression(), scope, n.at(), "in precision.nodes");
      expansion.check(expr, n.at(), "a precision.nodes entry");
      named.add(lowering.lower(expr));
    }
    Graph graph = builder.build(inputNames, outputNames, outputs);
    boolean[] live = graph.live();
    Map<Integer, FixedType> nodeTypes = new HashMap<>();
    for (int k = 0; k < named.size(); k++) {
      PrecisionSpec.NodeType n = spec.precision().nodes().get(k);
      int id = named.get(k);
      if (!live[id] || !(graph.node(id) instanceof Node.Op)) {
        throw SrHlsException.at(n.at(), "precision.nodes: '" + n.expression() + "' is not an operation any output"
            + " computes (after folding and sharing it is " + NodeText.of(graph, id) + "); write a subexpression"
            + " of an output, such as one listed in sr-hls-design.json");
      }
      if (nodeTypes.put(id, n.type()) != null) {
        throw SrHlsException.at(n.at(), "precision.nodes: '" + n.expression() + "' is the same node as an earlier"
            + " entry; give each node one type");
      }
    }
    return new CompiledModel(spec, graph, texts, referenced, nodeTypes);
  }

  /** An operator body's names: its parameters, and the model's operators. */
  private record BodyScope(Scope params, Scope operators) implements Scope {
    @Override
    public OptionalInt variable(String name) {
      return params.variable(name);
    }

    @Override
    public OptionalInt customArity(String name) {
      return operators.customArity(name);
    }

    @Override
    public Collection<String> variableNames() {
      return params.variableNames();
    }

    @Override
    public Collection<String> customNames() {
      return operators.customNames();
    }
  }

  private static Expr parse(String text, Scope scope, SourcePosition start, String context) {
    try {
      return ExprParser.parse(text, scope);
    } catch (ExprException e) {
      throw SrHlsException.at(start.plusColumns(e.start()),
          e.message() + " " + context + "\n" + e.excerpt(text));
    }
  }
}
