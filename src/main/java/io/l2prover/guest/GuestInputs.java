package io.l2prover.guest;

import io.l2prover.chain.witness.GuestInput;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.protocol.ProverInput;

/**
 * Turns a Response's input into what the block guest reads on fd 0 (docs/guest-input.md): the
 * chain id from the witness's chain config, the parent header, the block, the nodes and codes,
 * as input version 2: the protocol's witness is an execution witness (ethrex's
 * {@code ExecutionWitness}), so the guest runs the EVM on it where the block needs it; on a block
 * of value transfers versions 1 and 2 take the same path.
 */
public final class GuestInputs {

  private GuestInputs() {}

  /**
   * @throws IllegalArgumentException when the chain config has no numeric {@code chainId}
   */
  public static GuestInput from(ProverInput input) {
    Object chainId = input.witness().chainConfig().getValue("chainId");
    if (!(chainId instanceof Number number) || number.longValue() <= 0) {
      throw new IllegalArgumentException("input.witness.chain_config.chainId must be a positive integer, got "
          + chainId);
    }
    return new GuestInput(number.longValue(), input.parentHeader(), input.block(),
        input.witness().nodes(), input.witness().codes(), GuestInput.EVM);
  }

  /** The guest's fd-0 bytes for {@code input}. */
  public static byte[] encode(ProverInput input) {
    return GuestInputEncoder.encode(from(input));
  }
}
