/**
 * The intermediate representation: one DAG over all outputs of a model, built by simplifying constructors
 * (folding, sharing, canonical product chains, power chains), and its double-precision meaning.
 */
package io.github.srhls.core.ir;
