package io.l2prover.zkvm.stark.examples;

import io.l2prover.zkvm.stark.air.Air;

/** An AIR that can also generate a valid trace of any supported height, for tests and benchmarks. */
public interface ExampleAir extends Air {

  /** A valid trace of 2^logRows rows; {@code seed} picks the pseudo-random content where there is any. */
  ExampleTrace generate(int logRows, long seed);
}
