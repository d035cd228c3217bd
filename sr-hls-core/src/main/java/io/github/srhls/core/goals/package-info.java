/**
 * The orchestrators behind the goals. Each takes an immutable request and does the whole job; the Maven plugin
 * only maps its parameters to a request and attaches what comes back.
 */
package io.github.srhls.core.goals;
