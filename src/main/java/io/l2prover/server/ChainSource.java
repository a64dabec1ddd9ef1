package io.l2prover.server;

import io.l2prover.protocol.ProverInput;
import io.l2prover.util.Bytes;
import io.vertx.core.json.JsonObject;

/**
 * The chain a prover server serves: blocks {@code 1..headBlockNumber()} on top of a genesis.
 * {@link #input} may block (it can build a witness); the server calls it on a worker.
 */
public interface ChainSource {

  /** What identifies this chain in the server's state directory, e.g. its genesis hash. */
  String chainId();

  /** The number of the last block; 0 when the chain is only a genesis. */
  long headBlockNumber();

  /** Block {@code number}'s header in the JSON-RPC shape, for SubmitAck. */
  JsonObject header(long number);

  /** What a prover needs to prove block {@code number}. */
  ProverInput input(long number);

  /** The journal a correct block guest commits for block {@code number}. */
  Bytes expectedJournal(long number);

  /** True when {@code number} names a block that can be proven. */
  default boolean contains(long number) {
    return number >= 1 && number <= headBlockNumber();
  }
}
