package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.poseidon2.Digest;

/**
 * What a receipt says about its program, enough for a verifier without the ELF: the entry pc and
 * the heights and commitments of the program and image tables. The image ID is a hash of these
 * and of the circuit, so a verifier that knows the expected image ID trusts them only when they
 * hash to it.
 */
public record ImageCommitment(int entry, int programLogRows, Digest programRoot, int imageLogRows, Digest imageRoot) {}
