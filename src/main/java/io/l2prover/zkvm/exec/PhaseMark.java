package io.l2prover.zkvm.exec;

/**
 * A guest's phase marker (the zkVM-only {@code phase} call, a7 = 0x1000): from this cycle on, the
 * guest says it is in phase {@code id}.
 *
 * @param id the guest's phase number, a0 of the call read as unsigned (0..2^32-1); its meaning
 *     belongs to the guest
 * @param cycle instructions retired before the marking ecall, which itself counts to the new phase
 */
public record PhaseMark(long id, long cycle) {}
