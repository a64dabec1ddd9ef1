package io.l2prover.chain.state;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;

/**
 * The checks of a post-merge Cancun header against its parent, as ethrex applies them: parent
 * hash, number, timestamp, gas limit bounds, gas used, extra data size, proof-of-stake constants
 * (EIP-3675), base fee (EIP-1559), withdrawals root presence (EIP-4895), blob gas fields
 * (EIP-4844) and the parent beacon root (EIP-4788).
 */
public final class HeaderValidator {

  private static final int MAX_EXTRA_DATA = 32;
  private static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  private final ChainConfig config;

  public HeaderValidator(ChainConfig config) {
    this.config = config;
  }

  /** Fails with {@link InvalidBlockException} on the first broken rule. */
  public void validate(BlockHeader parent, BlockHeader header) {
    long n = header.number();
    if (header.requestsHash().isPresent()) {
      throw new UnsupportedException("Prague block " + n + " (header carries a requests hash)");
    }
    if (!config.isCancun(header.timestamp())) {
      throw new UnsupportedException("pre-Cancun block " + n + " (only Cancun rules are implemented)");
    }
    require(n, header.parentHash().equals(parent.hash()),
        "parent hash " + header.parentHash() + " is not the hash of block " + parent.number());
    require(n, n == parent.number() + 1, "number follows " + parent.number());
    require(n, header.timestamp() > parent.timestamp(),
        "timestamp " + header.timestamp() + " is not after the parent's " + parent.timestamp());
    require(n, header.gasUsed() <= header.gasLimit(),
        "gas used " + header.gasUsed() + " exceeds the gas limit " + header.gasLimit());
    require(n, FeeRules.gasLimitWithinBounds(header.gasLimit(), parent.gasLimit()),
        "gas limit " + header.gasLimit() + " moves too far from the parent's " + parent.gasLimit());
    require(n, header.extraData().length() <= MAX_EXTRA_DATA,
        "extra data of " + header.extraData().length() + " bytes exceeds " + MAX_EXTRA_DATA);
    require(n, header.difficulty().isZero(), "difficulty must be 0 after the merge (EIP-3675)");
    require(n, header.nonce().equals(ZERO_NONCE),
        "nonce must be 0 after the merge (EIP-3675)");
    require(n, header.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH),
        "ommers hash must be the empty-list hash after the merge (EIP-3675)");
    U256 expectedBaseFee = FeeRules.baseFee(parent);
    U256 baseFee = header.baseFeePerGas().orElse(null);
    require(n, expectedBaseFee.equals(baseFee),
        "base fee " + baseFee + " is not " + expectedBaseFee + " as computed from the parent (EIP-1559)");
    require(n, header.withdrawalsRoot().isPresent(), "withdrawals root missing (EIP-4895)");
    require(n, header.blobGasUsed().isPresent() && header.excessBlobGas().isPresent(),
        "blob gas fields missing (EIP-4844)");
    long expectedExcess = FeeRules.excessBlobGas(parent);
    require(n, header.excessBlobGas().get() == expectedExcess,
        "excess blob gas " + header.excessBlobGas().get() + " is not " + expectedExcess + " (EIP-4844)");
    require(n, header.parentBeaconBlockRoot().isPresent(), "parent beacon block root missing (EIP-4788)");
  }

  private static void require(long blockNumber, boolean rule, String violation) {
    if (!rule) {
      throw new InvalidBlockException(blockNumber, violation);
    }
  }
}
