package io.l2prover.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.BlockTamper;
import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.U256;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule of block validation, broken once on an otherwise valid generated block. */
class BlockExecutorTest {

  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
  private static GeneratedChain chain;
  private static Block valid;

  @BeforeAll
  static void generate() {
    chain = ChainGenerator.generate(GeneratorSpec.of(6, 1, 13));
    valid = chain.blocks().get(0);
  }

  private static BlockExecutor.Result execute(Block block) {
    WorldState state = chain.genesis().state(new MapNodeStore());
    BlockHeader parent = chain.genesis().header(state.root());
    return new BlockExecutor(chain.genesis().config()).execute(parent, block, state);
  }

  private static Transaction first() {
    return valid.transactions().get(0);
  }

  private static Block withFirst(Transaction tx) {
    return BlockTamper.withTransaction(valid, 0, tx);
  }

  private static Block resignedFirst(long nonce, Optional<Address> to, U256 value, long gas, long chainId) {
    return withFirst(BlockTamper.resigned(first(), nonce, to, value, gas, chainId));
  }

  private static Block withHeader(Consumer<BlockTamper.HeaderFields> change) {
    return BlockTamper.withHeader(valid, change);
  }

  @Test
  void theGeneratedBlockIsValid() {
    assertThat(execute(valid).stateRoot()).isEqualTo(valid.header().stateRoot());
  }

  @Test
  void rejectsABrokenSignature() {
    Transaction tx = first();
    assertThatThrownBy(() -> execute(withFirst(tx.withSignature(tx.yParity(), U256.ZERO, tx.s()))))
        .isInstanceOf(InvalidBlockException.class).hasMessageContaining("transaction 0").hasMessageContaining("r is outside");
    U256 highS = U256.of(Secp256k1.N.subtract(tx.s().toBigInteger()));
    assertThatThrownBy(() -> execute(withFirst(tx.withSignature(1 - tx.yParity(), tx.r(), highS))))
        .hasMessageContaining("EIP-2");
  }

  @Test
  void rejectsAChangedValue() {
    // The signature now recovers some unfunded address.
    assertThatThrownBy(() -> execute(withFirst(BlockTamper.withValue(first(), first().value().add(U256.ONE)))))
        .isInstanceOf(InvalidBlockException.class).hasMessageContaining("transaction 0: balance 0");
  }

  @Test
  void rejectsAWrongNonce() {
    Transaction tx = first();
    assertThatThrownBy(() -> execute(resignedFirst(tx.nonce() + 1, tx.to(), tx.value(), tx.gasLimit(), 1729)))
        .hasMessageContaining("nonce 1 of");
  }

  @Test
  void rejectsInsufficientBalance() {
    Transaction tx = first();
    U256 tooMuch = U256.of(BigInteger.TEN.pow(30));
    assertThatThrownBy(() -> execute(resignedFirst(tx.nonce(), tx.to(), tooMuch, tx.gasLimit(), 1729)))
        .hasMessageContaining("is below gas limit * max fee + value");
  }

  @Test
  void rejectsGasBelowIntrinsicAndAForeignChainId() {
    Transaction tx = first();
    assertThatThrownBy(() -> execute(resignedFirst(tx.nonce(), tx.to(), tx.value(), 20_999, 1729)))
        .hasMessageContaining("below the intrinsic gas 21000");
    assertThatThrownBy(() -> execute(resignedFirst(tx.nonce(), tx.to(), tx.value(), tx.gasLimit(), 1)))
        .hasMessageContaining("chain id 1 is not the chain's 1729");
  }

  @Test
  void refusesContractCreationAndCallsIntoCode() {
    Transaction tx = first();
    assertThatThrownBy(() -> execute(resignedFirst(tx.nonce(), Optional.empty(), tx.value(), 100_000, 1729)))
        .isInstanceOf(UnsupportedException.class).hasMessageStartingWith("unsupported: contract creation");
    assertThatThrownBy(() -> execute(resignedFirst(tx.nonce(), Optional.of(CONTRACT), tx.value(), tx.gasLimit(), 1729)))
        .isInstanceOf(UnsupportedException.class).hasMessageStartingWith("unsupported: call to an account with code");
    Address precompile = Address.fromHex("0x0000000000000000000000000000000000000001");
    assertThatThrownBy(() -> execute(resignedFirst(tx.nonce(), Optional.of(precompile), tx.value(), tx.gasLimit(), 1729)))
        .hasMessageStartingWith("unsupported: call to the precompile");
  }

  @Test
  void rejectsWrongHeaderCommitments() {
    assertThatThrownBy(() -> execute(withHeader(f -> f.stateRoot = Hash32.ZERO)))
        .hasMessageContaining("invalid block 1: state root");
    assertThatThrownBy(() -> execute(withHeader(f -> f.transactionsRoot = Hash32.ZERO)))
        .hasMessageContaining("transactions root");
    assertThatThrownBy(() -> execute(withHeader(f -> f.receiptsRoot = Hash32.ZERO)))
        .hasMessageContaining("receipts root");
    assertThatThrownBy(() -> execute(withHeader(f -> f.gasUsed++))).hasMessageContaining("gas used");
  }

  @Test
  void rejectsHeadersThatDoNotFollowTheParent() {
    assertThatThrownBy(() -> execute(withHeader(f -> f.parentHash = Hash32.ZERO))).hasMessageContaining("parent hash");
    assertThatThrownBy(() -> execute(withHeader(f -> f.baseFee = f.baseFee.map(b -> b.add(U256.ONE)))))
        .hasMessageContaining("base fee");
    assertThatThrownBy(() -> execute(withHeader(f -> f.timestamp -= 12))).hasMessageContaining("timestamp");
    assertThatThrownBy(() -> execute(withHeader(f -> f.gasLimit += f.gasLimit / 1024))).hasMessageContaining("gas limit");
  }

  @Test
  void computesTheEip1559BaseFee() {
    BlockHeader parent = chain.genesis().header(Hash32.ZERO);
    // an empty parent: the base fee falls by 1/8
    assertThat(FeeRules.baseFee(parent)).isEqualTo(U256.of(875_000_000L));
    assertThat(FeeRules.baseFee(BlockTamper.header(parent, f -> f.gasUsed = f.gasLimit)))
        .isEqualTo(U256.of(1_125_000_000L));
    assertThat(FeeRules.baseFee(BlockTamper.header(parent, f -> f.gasUsed = f.gasLimit / 2)))
        .isEqualTo(U256.of(1_000_000_000L));
    // above the target the increase is at least 1
    assertThat(FeeRules.baseFee(BlockTamper.header(parent, f -> {
      f.baseFee = Optional.of(U256.of(7));
      f.gasUsed = f.gasLimit / 2 + 1;
    }))).isEqualTo(U256.of(8));
  }
}
