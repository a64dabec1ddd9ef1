package io.l2prover.chain.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.TestData;
import io.l2prover.chain.state.Account;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.ChainFile;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.U256;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GenesisTest {

  @Test
  void theL2GenesisHashesToBlockOnesParent() {
    Genesis genesis = GenesisJson.read(TestData.require("genesis-l2.json"));
    var blocks = ChainFile.read(TestData.require("l2-loadtest.rlp"));
    assertThat(genesis.config().chainId()).isEqualTo(1729);
    assertThat(genesis.alloc()).hasSize(172);
    WorldState state = genesis.state(new MapNodeStore());
    // Blocks 1 and 2 are empty and pay no fees: their state root is the genesis state root.
    assertThat(state.root()).isEqualTo(blocks.get(0).header().stateRoot());
    BlockHeader header = genesis.header(state.root());
    assertThat(header.hash()).isEqualTo(blocks.get(0).header().parentHash());
  }

  @Test
  void writtenGenesisReadsBackEqual() {
    Genesis genesis = new Genesis(ChainConfig.cancunFromGenesis(7),
        java.util.Map.of(Address.fromHex("0x" + "ab".repeat(20)),
            new GenesisAccount(U256.of(5), 3, io.l2prover.util.Bytes.fromHex("0x6000"),
                java.util.Map.of(Hash32.ZERO, U256.of(9)))),
        Address.ZERO, U256.ZERO, io.l2prover.util.Bytes.EMPTY, 30_000_000,
        io.l2prover.util.Bytes.of(new byte[8]), Hash32.ZERO, 1_700_000_000L,
        java.util.Optional.of(U256.of(7)));
    assertThat(GenesisJson.parse(GenesisJson.write(genesis))).isEqualTo(genesis);
  }

  @Test
  void reportsMissingAndMalformedFields() {
    assertThatThrownBy(() -> GenesisJson.parse("{\"alloc\":{}}"))
        .isInstanceOf(ChainException.class).hasMessageContaining("'config'");
    assertThatThrownBy(() -> GenesisJson.parse("{\"config\":{\"chainId\":1},\"gasLimit\":\"0x10\","
        + "\"alloc\":{\"0x12\":{\"balance\":\"1\"}}}")).hasMessageContaining("20-byte address");
    assertThatThrownBy(() -> GenesisJson.parse("{\"config\":{\"chainId\":1},\"gasLimit\":\"zz\"}"))
        .hasMessageContaining("gasLimit");
    assertThatThrownBy(() -> GenesisJson.parse("[1]")).hasMessageContaining("JSON object");
  }

  /** EIP-2681 lets a nonce reach 2^64 - 1 (ethereum/tests has such accounts); 2^64 is refused. */
  @Test
  void accountNoncesAreUnsigned64Bit() throws Exception {
    var mapper = new ObjectMapper();
    Address a = Address.fromHex("0x00000000000000000000000000000000000000aa");
    var accounts = GenesisJson.accounts(mapper.readTree(
        "{\"" + a.toHex() + "\": {\"balance\": \"0x01\", \"nonce\": \"0xffffffffffffffff\"}}"));
    assertThat(accounts.get(a).nonce()).isEqualTo(-1L);
    byte[] encoded = new Account(accounts.get(a).nonce(), U256.ONE,
        MerklePatriciaTrie.EMPTY_ROOT, Account.EMPTY_CODE_HASH).encode();
    assertThat(HexFormat.of().formatHex(encoded)).startsWith("f84c88ffffffffffffffff01");
    assertThatThrownBy(() -> GenesisJson.accounts(mapper.readTree(
        "{\"" + a.toHex() + "\": {\"nonce\": \"0x010000000000000000\"}}")))
        .isInstanceOf(ChainException.class).hasMessageContaining("over 2^64 - 1");
  }
}
