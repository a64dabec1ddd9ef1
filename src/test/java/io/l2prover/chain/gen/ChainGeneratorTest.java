package io.l2prover.chain.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.genesis.GenesisAccount;
import io.l2prover.chain.state.BlockExecutor;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.trie.MissingNodeException;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.ChainFile;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TxType;
import io.l2prover.chain.witness.GuestInput;
import io.l2prover.chain.witness.ProvableChain;
import io.l2prover.util.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainGeneratorTest {

  private static final GeneratorSpec SPEC = GeneratorSpec.of(12, 4, 20);
  private static GeneratedChain generated;
  private static ProvableChain chain;

  @BeforeAll
  static void generate() {
    generated = ChainGenerator.generate(SPEC);
    chain = ProvableChain.of(generated.genesis(), generated.blocks());
  }

  @Test
  void producesAValidChainOfTheRequestedShape() {
    assertThat(chain.headNumber()).isEqualTo(4);
    assertThat(generated.blocks()).allSatisfy(b -> assertThat(b.transactions()).hasSize(20));
    List<Transaction> all = generated.blocks().stream().flatMap(b -> b.transactions().stream()).toList();
    assertThat(all).extracting(Transaction::type)
        .contains(TxType.LEGACY, TxType.ACCESS_LIST, TxType.DYNAMIC_FEE);
    assertThat(all).anySatisfy(tx -> assertThat(tx.value().isZero()).isTrue());
  }

  @Test
  void isDeterministic() {
    GeneratedChain again = ChainGenerator.generate(SPEC);
    assertThat(ChainFile.encode(again.blocks())).isEqualTo(ChainFile.encode(generated.blocks()));
    assertThat(again.genesis()).isEqualTo(generated.genesis());
  }

  @Test
  void deletesTheEmptyAccountAZeroValueTransferTouches() {
    List<Address> empties = generated.genesis().alloc().entrySet().stream()
        .filter(e -> e.getValue().equals(GenesisAccount.withBalance(io.l2prover.chain.types.U256.ZERO)))
        .map(Map.Entry::getKey).toList();
    assertThat(empties).isNotEmpty();
    assertThat(chain.account(0, empties.get(0))).isPresent();
    assertThat(chain.account(chain.headNumber(), empties.get(0))).isEmpty();
  }

  @Test
  void eachWitnessAloneRebuildsItsBlock() {
    for (long n = 1; n <= chain.headNumber(); n++) {
      GuestInput input = chain.input(n);
      assertThat(executeOn(input, input.nodes())).isEqualTo(chain.header(n).stateRoot().toString());
    }
  }

  @Test
  void everyWitnessNodeIsNeeded() {
    GuestInput input = chain.input(2);
    for (int i = 0; i < input.nodes().size(); i++) {
      List<Bytes> fewer = new ArrayList<>(input.nodes());
      fewer.remove(i);
      assertThatThrownBy(() -> executeOn(input, fewer)).isInstanceOf(MissingNodeException.class);
    }
  }

  @Test
  void writesFilesThatLoadBack(@TempDir Path dir) throws Exception {
    generated.write(dir);
    ProvableChain loaded = ProvableChain.load(dir.resolve("genesis.json"), dir.resolve("chain.rlp"));
    assertThat(loaded.header(4)).isEqualTo(chain.header(4));
    assertThat(loaded.header(0)).isEqualTo(chain.header(0));
  }

  private static String executeOn(GuestInput input, List<Bytes> nodes) {
    List<byte[]> raw = new ArrayList<>();
    nodes.forEach(n -> raw.add(n.toArray()));
    Block block = input.decodeBlock();
    var parent = input.decodeParentHeader();
    WorldState state = WorldState.at(parent.stateRoot(), MapNodeStore.of(raw), Map.of());
    return new BlockExecutor(chain.config()).execute(parent, block, state).stateRoot().toString();
  }
}
