package io.github.srhls.core.fixed;

/**
 * A value converted to a type, and whether the conversion overflowed: the rounded value lay outside the target's
 * range, so the overflow mode acted (saturated, zeroed or wrapped). With {@code AP_SAT_SYM} on a signed type the
 * most negative code counts as outside, since it becomes {@code -max}.
 *
 * @param value the converted value, of the target type
 * @param overflowed whether the overflow mode acted
 */
public record CastResult(Fixed value, boolean overflowed) {
}
