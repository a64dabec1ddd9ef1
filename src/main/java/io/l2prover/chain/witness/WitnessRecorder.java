package io.l2prover.chain.witness;

import io.l2prover.util.Bytes;
import java.util.List;

/**
 * Builds a block's EVM execution witness the way issue 14 prescribes, with one EVM (the block
 * guest's): runs the guest (in the executor, through a {@link GuestRunner}) on an input of version 3 with an empty witness, the
 * guest asking the host's {@link StateOracle} for every trie node and code it reads; what it asked
 * for is the witness of the version 2 input that is proven, which asks the same questions and
 * finds the same answers in its witness (docs/guest-input.md).
 */
public final class WitnessRecorder {

  private final GuestRunner guest;

  public WitnessRecorder(GuestRunner guest) {
    this.guest = guest;
  }

  /**
   * Runs block {@code block} (RLP) on {@code parentHeader} (RLP) over the state in {@code store}.
   * The store is not changed: {@link Recording#commitTo} adds the new state once the block is taken.
   */
  public Recording record(long chainId, Bytes parentHeader, Bytes block, StateStore store) {
    GuestInput oracleInput = new GuestInput(chainId, parentHeader, block, List.of(), List.of(), GuestInput.ORACLE);
    StateOracle oracle = new StateOracle(store);
    GuestRun run = guest.run(GuestInputEncoder.encode(oracleInput), oracle);
    GuestInput witnessed = new GuestInput(chainId, parentHeader, block, oracle.nodesAsked(), oracle.codesAsked(),
        GuestInput.EVM);
    return new Recording(run, witnessed, oracle.result(), oracle.nodesMade(), oracle.codesMade());
  }
}
