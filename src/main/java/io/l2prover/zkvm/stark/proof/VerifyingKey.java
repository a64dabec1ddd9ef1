package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.stark.poseidon2.Digest;

/**
 * What a verifier must know besides the proof: the AIR instance (name, digest of its constraint
 * set, trace height) and the commitment to its preprocessed columns (null when it has none),
 * derived from the AIR itself.
 */
public record VerifyingKey(String airName, int logRows, Digest preprocessedRoot, Digest constraintDigest) {}
