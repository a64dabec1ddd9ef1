package io.l2prover.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.DeterministicKeys;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
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

  /** The block with its first transaction replaced and the transactions root recomputed. */
  private static Block withFirst(Transaction tx) {
    List<Transaction> txs = new ArrayList<>(valid.transactions());
    txs.set(0, tx);
    return new Block(header(valid.header(), h -> rebuild(h, h.parentHash(), h.stateRoot(),
        BlockRoots.transactionsRoot(txs), h.baseFeePerGas(), h.gasUsed(), h.timestamp(), h.gasLimit())),
        txs, List.of(), valid.withdrawals());
  }

  /** The first transaction with fields changed and signed again by its real sender. */
  private static Transaction resigned(long nonce, Optional<Address> to, U256 value, long gas, long chainId) {
    Transaction tx = first();
    Transaction changed = new Transaction(tx.type(), OptionalLong.of(chainId), nonce,
        tx.maxPriorityFeePerGas(), tx.maxFeePerGas(), gas, to, value, tx.data(), tx.accessList(), 0,
        U256.ONE, U256.ONE);
    return Senders.sign(changed, keyOf(Senders.recover(tx)));
  }

  private static BigInteger keyOf(Address address) {
    for (int i = 0; i < 100; i++) {
      if (Secp256k1.addressOf(DeterministicKeys.privateKey(i)).equals(address)) {
        return DeterministicKeys.privateKey(i);
      }
    }
    throw new IllegalStateException("no deterministic key for " + address);
  }

  private static Block withHeader(UnaryOperator<BlockHeader> change) {
    return new Block(change.apply(valid.header()), valid.transactions(), List.of(), valid.withdrawals());
  }

  private static BlockHeader header(BlockHeader h, UnaryOperator<BlockHeader> change) {
    return change.apply(h);
  }

  private static BlockHeader rebuild(BlockHeader h, Hash32 parentHash, Hash32 stateRoot, Hash32 txRoot,
      Optional<U256> baseFee, long gasUsed, long timestamp, long gasLimit) {
    return new BlockHeader(parentHash, h.ommersHash(), h.coinbase(), stateRoot, txRoot,
        h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), gasLimit, gasUsed, timestamp,
        h.extraData(), h.mixHash(), h.nonce(), baseFee, h.withdrawalsRoot(), h.blobGasUsed(),
        h.excessBlobGas(), h.parentBeaconBlockRoot(), h.requestsHash());
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
    Transaction tx = first();
    Transaction changed = new Transaction(tx.type(), tx.chainId(), tx.nonce(), tx.maxPriorityFeePerGas(),
        tx.maxFeePerGas(), tx.gasLimit(), tx.to(), tx.value().add(U256.ONE), tx.data(), tx.accessList(),
        tx.yParity(), tx.r(), tx.s());
    // The signature now recovers some unfunded address.
    assertThatThrownBy(() -> execute(withFirst(changed)))
        .isInstanceOf(InvalidBlockException.class).hasMessageContaining("transaction 0: balance 0");
  }

  @Test
  void rejectsAWrongNonce() {
    Transaction tx = first();
    assertThatThrownBy(() -> execute(withFirst(resigned(tx.nonce() + 1, tx.to(), tx.value(), tx.gasLimit(), 1729))))
        .hasMessageContaining("nonce 1 of");
  }

  @Test
  void rejectsInsufficientBalance() {
    Transaction tx = first();
    U256 tooMuch = U256.of(BigInteger.TEN.pow(30));
    assertThatThrownBy(() -> execute(withFirst(resigned(tx.nonce(), tx.to(), tooMuch, tx.gasLimit(), 1729))))
        .hasMessageContaining("is below gas limit * max fee + value");
  }

  @Test
  void rejectsGasBelowIntrinsicAndAForeignChainId() {
    Transaction tx = first();
    assertThatThrownBy(() -> execute(withFirst(resigned(tx.nonce(), tx.to(), tx.value(), 20_999, 1729))))
        .hasMessageContaining("below the intrinsic gas 21000");
    assertThatThrownBy(() -> execute(withFirst(resigned(tx.nonce(), tx.to(), tx.value(), tx.gasLimit(), 1))))
        .hasMessageContaining("chain id 1 is not the chain's 1729");
  }

  @Test
  void refusesContractCreationAndCallsIntoCode() {
    Transaction tx = first();
    assertThatThrownBy(() -> execute(withFirst(resigned(tx.nonce(), Optional.empty(), tx.value(), 100_000, 1729))))
        .isInstanceOf(UnsupportedException.class).hasMessageStartingWith("unsupported: contract creation");
    assertThatThrownBy(() -> execute(withFirst(resigned(tx.nonce(), Optional.of(CONTRACT), tx.value(), tx.gasLimit(), 1729))))
        .isInstanceOf(UnsupportedException.class).hasMessageStartingWith("unsupported: call to an account with code");
    Address precompile = Address.fromHex("0x0000000000000000000000000000000000000001");
    assertThatThrownBy(() -> execute(withFirst(resigned(tx.nonce(), Optional.of(precompile), tx.value(), tx.gasLimit(), 1729))))
        .hasMessageStartingWith("unsupported: call to the precompile");
  }

  @Test
  void rejectsWrongHeaderCommitments() {
    assertThatThrownBy(() -> execute(withHeader(h -> rebuild(h, h.parentHash(), Hash32.ZERO,
        h.transactionsRoot(), h.baseFeePerGas(), h.gasUsed(), h.timestamp(), h.gasLimit()))))
        .hasMessageContaining("invalid block 1: state root");
    assertThatThrownBy(() -> execute(withHeader(h -> rebuild(h, h.parentHash(), h.stateRoot(),
        Hash32.ZERO, h.baseFeePerGas(), h.gasUsed(), h.timestamp(), h.gasLimit()))))
        .hasMessageContaining("transactions root");
    assertThatThrownBy(() -> execute(withHeader(h -> rebuild(h, h.parentHash(), h.stateRoot(),
        h.transactionsRoot(), h.baseFeePerGas(), h.gasUsed() + 1, h.timestamp(), h.gasLimit()))))
        .hasMessageContaining("gas used");
  }

  @Test
  void rejectsHeadersThatDoNotFollowTheParent() {
    assertThatThrownBy(() -> execute(withHeader(h -> rebuild(h, Hash32.ZERO, h.stateRoot(),
        h.transactionsRoot(), h.baseFeePerGas(), h.gasUsed(), h.timestamp(), h.gasLimit()))))
        .hasMessageContaining("parent hash");
    assertThatThrownBy(() -> execute(withHeader(h -> rebuild(h, h.parentHash(), h.stateRoot(),
        h.transactionsRoot(), h.baseFeePerGas().map(f -> f.add(U256.ONE)), h.gasUsed(), h.timestamp(), h.gasLimit()))))
        .hasMessageContaining("base fee");
    assertThatThrownBy(() -> execute(withHeader(h -> rebuild(h, h.parentHash(), h.stateRoot(),
        h.transactionsRoot(), h.baseFeePerGas(), h.gasUsed(), h.timestamp() - 12, h.gasLimit()))))
        .hasMessageContaining("timestamp");
    assertThatThrownBy(() -> execute(withHeader(h -> rebuild(h, h.parentHash(), h.stateRoot(),
        h.transactionsRoot(), h.baseFeePerGas(), h.gasUsed(), h.timestamp(), h.gasLimit() + h.gasLimit() / 1024))))
        .hasMessageContaining("gas limit");
  }

  @Test
  void computesTheEip1559BaseFee() {
    BlockHeader parent = chain.genesis().header(Hash32.ZERO);
    // an empty parent: the base fee falls by 1/8
    assertThat(FeeRules.baseFee(parent)).isEqualTo(U256.of(875_000_000L));
    BlockHeader full = rebuild(parent, parent.parentHash(), parent.stateRoot(), parent.transactionsRoot(),
        parent.baseFeePerGas(), parent.gasLimit(), parent.timestamp(), parent.gasLimit());
    assertThat(FeeRules.baseFee(full)).isEqualTo(U256.of(1_125_000_000L));
    BlockHeader atTarget = rebuild(parent, parent.parentHash(), parent.stateRoot(), parent.transactionsRoot(),
        parent.baseFeePerGas(), parent.gasLimit() / 2, parent.timestamp(), parent.gasLimit());
    assertThat(FeeRules.baseFee(atTarget)).isEqualTo(U256.of(1_000_000_000L));
    BlockHeader tiny = rebuild(parent, parent.parentHash(), parent.stateRoot(), parent.transactionsRoot(),
        Optional.of(U256.of(7)), parent.gasLimit() / 2 + 1, parent.timestamp(), parent.gasLimit());
    // above target the increase is at least 1
    assertThat(FeeRules.baseFee(tiny)).isEqualTo(U256.of(8));
  }
}
