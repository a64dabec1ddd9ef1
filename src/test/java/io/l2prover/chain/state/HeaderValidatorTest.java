package io.l2prover.chain.state;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderValidatorTest {

  private static BlockHeader header(BlockHeader parent, Optional<Hash32> requestsHash, Bytes nonce, U256 difficulty) {
    Hash32 empty = MerklePatriciaTrie.EMPTY_ROOT;
    return new BlockHeader(parent == null ? Hash32.ZERO : parent.hash(), BlockHeader.EMPTY_OMMERS_HASH,
        Address.ZERO, empty, empty, empty, Bytes.of(new byte[256]), difficulty,
        parent == null ? 0 : parent.number() + 1, 30_000_000, 0, parent == null ? 100 : parent.timestamp() + 1,
        Bytes.EMPTY, Hash32.ZERO, nonce, Optional.of(parent == null ? U256.of(1_000_000_000L) : FeeRules.baseFee(parent)),
        Optional.of(empty), Optional.of(0L), Optional.of(0L), Optional.of(Hash32.ZERO), requestsHash);
  }

  private static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  @Test
  void refusesPragueHeadersAsUnsupported() {
    BlockHeader parent = header(null, Optional.empty(), ZERO_NONCE, U256.ZERO);
    BlockHeader child = header(parent, Optional.of(Hash32.ZERO), ZERO_NONCE, U256.ZERO);
    assertThatThrownBy(() -> new HeaderValidator(ChainConfig.cancunFromGenesis(1)).validate(parent, child))
        .isInstanceOf(UnsupportedException.class).hasMessageContaining("Prague");
  }

  @Test
  void enforcesTheProofOfStakeConstants() {
    BlockHeader parent = header(null, Optional.empty(), ZERO_NONCE, U256.ZERO);
    var validator = new HeaderValidator(ChainConfig.cancunFromGenesis(1));
    validator.validate(parent, header(parent, Optional.empty(), ZERO_NONCE, U256.ZERO));
    assertThatThrownBy(() -> validator.validate(parent, header(parent, Optional.empty(), ZERO_NONCE, U256.ONE)))
        .isInstanceOf(InvalidBlockException.class).hasMessageContaining("difficulty");
    assertThatThrownBy(() -> validator.validate(parent,
        header(parent, Optional.empty(), Bytes.fromHex("0x0000000000000001"), U256.ZERO)))
        .hasMessageContaining("nonce");
  }

  @Test
  void refusesPreCancunBlocks() {
    BlockHeader parent = header(null, Optional.empty(), ZERO_NONCE, U256.ZERO);
    var config = new ChainConfig(1, java.util.OptionalLong.of(0), java.util.OptionalLong.empty(), java.util.OptionalLong.empty());
    assertThatThrownBy(() -> new HeaderValidator(config).validate(parent, header(parent, Optional.empty(), ZERO_NONCE, U256.ZERO)))
        .isInstanceOf(UnsupportedException.class).hasMessageContaining("pre-Cancun");
  }
}
