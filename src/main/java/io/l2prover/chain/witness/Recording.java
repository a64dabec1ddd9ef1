package io.l2prover.chain.witness;

import io.l2prover.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One witness-recording run of the block guest: its execution (exit 0 valid, 1 invalid, 2
 * unsupported), the version 2 input holding exactly what it asked for, what it computed, and the
 * nodes and codes of the state it produced.
 *
 * @param run the recording run
 * @param input the input to prove: the block with the recorded witness
 * @param result the guest's block result, absent when it stopped before computing one
 * @param nodesMade trie nodes of the new state (state and storage tries) the guest handed back
 * @param codesMade codes the block deployed
 */
public record Recording(GuestRun run, GuestInput input, Optional<BlockResult> result, List<byte[]> nodesMade,
    List<Bytes> codesMade) {

  public Recording {
    nodesMade = List.copyOf(nodesMade);
    codesMade = List.copyOf(codesMade);
  }

  /** Whether the guest took the block (exit 0). */
  public boolean accepted() {
    return run.exitCode() == 0;
  }

  /** The guest's reason on fd 2, trimmed (empty for a valid block). */
  public String reason() {
    return new String(run.stderr(), StandardCharsets.UTF_8).trim();
  }

  /** Adds the block's new state to {@code store}: its parent state stays there too. */
  public void commitTo(StateStore store) {
    nodesMade.forEach(store::addNode);
    codesMade.forEach(store::addCode);
  }
}
