package io.l2prover.zkvm.stark.backend;

/**
 * Everything the quotient evaluation reads, as plain arrays (so a GPU backend can copy it as is).
 *
 * <p>The trace LDEs are row-major over the coset {@code shift * <W>} of size
 * 2^(logRows + logBlowup) in bit-reversed row order (as {@link ComputeBackend#cosetLde} returns
 * them). The quotient domain is its first 2^logQuotientSize rows, which are the coset
 * {@code shift * <W'>} of that size, again bit-reversed; the next row of point j (x·ω, ω the
 * trace-domain generator) is row {@code bitrev(bitrev(j) + 2^logBlowup)} over the full LDE.
 *
 * <p>{@code code}, {@code registers}, {@code outputs} and {@code when} are a compiled constraint
 * program (io.l2prover.zkvm.stark.air.ConstraintProgram: 4 ints per instruction). Extension
 * values (challenges, aux publics, α powers) are 4 ints each. The selector arrays hold, per
 * quotient-domain point x, the first-row, last-row and transition selectors and 1/Z_H(x).
 */
public record QuotientTask(
    int[] code,
    int registers,
    int[] outputs,
    int[] when,
    int logRows,
    int logBlowup,
    int logQuotientSize,
    int[] preprocessed,
    int preprocessedWidth,
    int[] main,
    int mainWidth,
    int[] aux,
    int auxWidth,
    int[] publicValues,
    int[] challenges,
    int[] auxPublics,
    int[] alphaPowers,
    int[] firstRow,
    int[] lastRow,
    int[] transition,
    int[] inverseVanishing) {}
