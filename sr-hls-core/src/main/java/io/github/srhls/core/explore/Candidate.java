package io.github.srhls.core.explore;

/**
 * One row of an output's hall of fame, built alone as the model's only output and costed.
 *
 * @param output the output's name
 * @param row the 0-based row in file order (PySR's {@code equations_} index)
 * @param complexity PySR's complexity
 * @param loss PySR's loss
 * @param equation the equation as written in the file
 * @param failure why the row could not be built (parse, plan or RTL), in one line; null when it was
 * @param maxAbsError the largest |fixed point - float64| over the testbench vectors; null when failed
 * @param rmsError the root mean square of that difference; null when failed
 * @param cost the design's estimate; null when failed
 * @param labels its figures against {@code testbench.labels}; null without labels
 */
public record Candidate(String output, int row, int complexity, double loss, String equation, String failure,
    Double maxAbsError, Double rmsError, DesignCost cost, ParetoDocument.CandidateLabels labels) {

  public boolean ok() {
    return failure == null;
  }
}
