package io.l2prover.chain.crypto;

import io.l2prover.chain.types.U256;

/** A recoverable secp256k1 ECDSA signature: {@code r}, {@code s} and the parity of R's y. */
public record Signature(int yParity, U256 r, U256 s) {}
