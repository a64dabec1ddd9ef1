package io.l2prover.chain.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.TestData;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChainFileTest {

  private static List<Block> blocks;
  private static byte[] raw;

  @BeforeAll
  static void read() throws Exception {
    var file = TestData.require("l2-loadtest.rlp");
    raw = Files.readAllBytes(file);
    blocks = ChainFile.read(file);
  }

  @Test
  void readsTheFourBlocks() {
    assertThat(blocks).extracting(Block::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(blocks).extracting(b -> b.transactions().size()).containsExactly(0, 0, 1186, 1185);
    assertThat(blocks).allSatisfy(b -> {
      assertThat(b.ommers()).isEmpty();
      assertThat(b.withdrawals()).hasValue(List.of());
      assertThat(b.header().parentBeaconBlockRoot()).isPresent();
      assertThat(b.header().requestsHash()).isEmpty();
    });
  }

  @Test
  void eachParentHashIsThePreviousBlockHash() {
    for (int i = 1; i < blocks.size(); i++) {
      assertThat(blocks.get(i).header().parentHash()).isEqualTo(blocks.get(i - 1).hash());
    }
  }

  @Test
  void reEncodingGivesTheFileBackByteForByte() {
    assertThat(ChainFile.encode(blocks)).isEqualTo(raw);
  }

  @Test
  void transactionsAreEip1559TransfersOnChain1729() {
    Transaction first = blocks.get(2).transactions().get(0);
    assertThat(first.type()).isEqualTo(TxType.DYNAMIC_FEE);
    assertThat(first.chainId()).hasValue(1729);
    assertThat(first.to()).isPresent();
    assertThat(TransactionDecoder.decode(first.encode())).isEqualTo(first);
    assertThat(blocks.get(2).transactions().stream().map(Transaction::hash).distinct().count())
        .isEqualTo(1186);
  }

  @Test
  void headerJsonUsesTheRpcShape() {
    BlockHeader header = blocks.get(2).header();
    Map<String, String> json = HeaderJson.toJson(header);
    assertThat(json.get("number")).isEqualTo("0x3");
    assertThat(json.get("hash")).isEqualTo(header.hash().toHex());
    assertThat(json.get("parentHash")).isEqualTo(blocks.get(1).hash().toHex());
    assertThat(json.get("difficulty")).isEqualTo("0x0");
    assertThat(json.get("baseFeePerGas")).isEqualTo("0x27ee3253");
    assertThat(json.get("excessBlobGas")).isEqualTo("0x0");
    assertThat(json).containsKeys("miner", "sha3Uncles", "parentBeaconBlockRoot", "withdrawalsRoot")
        .doesNotContainKey("requestsHash");
  }

  @Test
  void headersRoundTrip() {
    for (Block block : blocks) {
      assertThat(BlockHeader.decode(block.header().encode())).isEqualTo(block.header());
    }
  }
}
