package io.github.srhls.core.compile;

import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.model.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model file compiled to one graph.
 *
 * @param spec the model file as read
 * @param graph one DAG over all outputs
 * @param outputTexts for each output, the expression text it came from (for comments and reports)
 * @param referencedFiles files other than the model file that went into it (hall-of-fame CSVs, vector files),
 *     in a fixed order: part of the digest and of the incremental-build key
 * @param nodeTypes explicit types from {@code precision.nodes}, by node id
 */
public record CompiledModel(ModelSpec spec, Graph graph, List<String> outputTexts, List<Path> referencedFiles,
    Map<Integer, FixedType> nodeTypes) {
  public CompiledModel {
    outputTexts = List.copyOf(outputTexts);
    referencedFiles = List.copyOf(referencedFiles);
    nodeTypes = Map.copyOf(nodeTypes);
  }
}
