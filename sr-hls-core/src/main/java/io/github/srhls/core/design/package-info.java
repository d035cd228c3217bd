/**
 * The typed hardware design: a fixed-point type and, for functions, a function unit for every node of the graph;
 * and the Java model that computes bit for bit what that design computes.
 */
package io.github.srhls.core.design;
