package io.l2prover.chain.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.types.Hash32;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BlockJournalTest {

  private static Hash32 filled(int b) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) b);
    return Hash32.of(bytes);
  }

  @Test
  void hasTheDocumentedLayout() {
    BlockJournal journal = new BlockJournal(filled(1), filled(2), filled(3), filled(4), 0x0102, 21_000, 0xffff_fffeL);
    byte[] bytes = journal.encode();
    assertThat(bytes).hasSize(148);
    String hex = HexFormat.of().formatHex(bytes);
    assertThat(hex.substring(0, 64)).isEqualTo("01".repeat(32));
    assertThat(hex.substring(192, 256)).isEqualTo("04".repeat(32));
    assertThat(hex.substring(256)).isEqualTo("0201000000000000" + "0852000000000000" + "feffffff");
    assertThat(BlockJournal.decode(bytes)).isEqualTo(journal);
  }

  @Test
  void rejectsTheWrongSize() {
    assertThatThrownBy(() -> BlockJournal.decode(new byte[147])).hasMessageContaining("148 bytes");
  }
}
