package io.l2prover.guest;

import io.l2prover.chain.witness.GuestInput;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.protocol.ProverInput;
import io.l2prover.util.Bytes;
import java.util.List;

/**
 * Turns a Response's input into what the block guest reads on fd 0 (docs/guest-input.md): the
 * chain id from the witness's chain config, the parent header, the block, the nodes and codes.
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
    return new GuestInput(number.longValue(), chain(input.parentHeader()), chain(input.block()),
        chainAll(input.witness().nodes()), chainAll(input.witness().codes()));
  }

  /** The guest's fd-0 bytes for {@code input}. */
  public static byte[] encode(ProverInput input) {
    return GuestInputEncoder.encode(from(input));
  }

  private static io.l2prover.chain.types.Bytes chain(Bytes bytes) {
    return io.l2prover.chain.types.Bytes.of(bytes.toArray());
  }

  private static List<io.l2prover.chain.types.Bytes> chainAll(List<Bytes> items) {
    return items.stream().map(GuestInputs::chain).toList();
  }
}
