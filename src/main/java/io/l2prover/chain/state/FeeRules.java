package io.l2prover.chain.state;

import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.U256;
import java.math.BigInteger;

/** Block-level fee and gas-limit rules derived from the parent header. */
public final class FeeRules {

  /** EIP-1559: the gas target is the gas limit divided by this. */
  public static final long ELASTICITY_MULTIPLIER = 2;

  /** EIP-1559: the base fee moves by at most 1/8 per block. */
  public static final long BASE_FEE_MAX_CHANGE_DENOMINATOR = 8;

  /** The gas limit moves by less than parent/1024 per block (Yellow Paper, eq. 47). */
  public static final long GAS_LIMIT_BOUND_DIVISOR = 1024;

  /** The smallest gas limit a block may have. */
  public static final long MIN_GAS_LIMIT = 5000;

  /** EIP-4844 (Cancun): the blob gas target per block. */
  public static final long TARGET_BLOB_GAS_PER_BLOCK = 393_216;

  private FeeRules() {}

  /** EIP-1559: the base fee a child of {@code parent} must have. */
  public static U256 baseFee(BlockHeader parent) {
    BigInteger parentBaseFee = parent.requireBaseFee().toBigInteger();
    long target = parent.gasLimit() / ELASTICITY_MULTIPLIER;
    long used = parent.gasUsed();
    if (used == target) {
      return U256.of(parentBaseFee);
    }
    BigInteger denominator = BigInteger.valueOf(BASE_FEE_MAX_CHANGE_DENOMINATOR);
    if (used > target) {
      BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(used - target))
          .divide(BigInteger.valueOf(target)).divide(denominator).max(BigInteger.ONE);
      return U256.of(parentBaseFee.add(delta));
    }
    BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(target - used))
        .divide(BigInteger.valueOf(target)).divide(denominator);
    return U256.of(parentBaseFee.subtract(delta));
  }

  /** Whether {@code gasLimit} is a valid successor of {@code parentGasLimit}. */
  public static boolean gasLimitWithinBounds(long gasLimit, long parentGasLimit) {
    long maxDelta = parentGasLimit / GAS_LIMIT_BOUND_DIVISOR;
    return gasLimit < parentGasLimit + maxDelta
        && gasLimit > parentGasLimit - maxDelta
        && gasLimit >= MIN_GAS_LIMIT;
  }

  /** EIP-4844: the excess blob gas a child of {@code parent} must declare. */
  public static long excessBlobGas(BlockHeader parent) {
    long parentTotal = parent.excessBlobGas().orElse(0L) + parent.blobGasUsed().orElse(0L);
    return parentTotal < TARGET_BLOB_GAS_PER_BLOCK ? 0 : parentTotal - TARGET_BLOB_GAS_PER_BLOCK;
  }
}
