package io.github.srhls.core.ir;

import java.util.List;

/**
 * The compiled model: one DAG over all outputs, nodes in topological order (operands before users), each shared
 * subexpression present once.
 *
 * @param nodes the nodes; a node's id is its index
 * @param inputNames the model's inputs, in x[] order
 * @param outputNames the model's outputs, in y[] order
 * @param outputs for each output, the id of the node that computes it
 */
public record Graph(List<Node> nodes, List<String> inputNames, List<String> outputNames, List<Integer> outputs) {
  public Graph {
    nodes = List.copyOf(nodes);
    inputNames = List.copyOf(inputNames);
    outputNames = List.copyOf(outputNames);
    outputs = List.copyOf(outputs);
  }

  public Node node(int id) {
    return nodes.get(id);
  }

  public int size() {
    return nodes.size();
  }

  /**
   * Whether each node is needed by some output. Simplification can leave nodes behind that no output uses (an
   * operand folded away after it was added); emitters skip them.
   */
  public boolean[] live() {
    boolean[] live = new boolean[nodes.size()];
    for (int out : outputs) {
      live[out] = true;
    }
    for (int id = nodes.size() - 1; id >= 0; id--) {
      if (live[id] && nodes.get(id) instanceof Node.Op op) {
        for (int a : op.args()) {
          live[a] = true;
        }
      }
    }
    return live;
  }
}
