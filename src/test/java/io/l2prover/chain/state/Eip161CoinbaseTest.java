package io.l2prover.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.CoinbaseFixtures;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.U256;
import io.l2prover.chain.witness.ProvableChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coinbase rule of the execution specs: after paying the priority fee, a coinbase whose
 * balance is still zero is not created, and an existing empty one is deleted (EIP-161).
 */
class Eip161CoinbaseTest {

  @Test
  void anEmptyCoinbaseEarningNothingIsDeleted() {
    Genesis genesis = CoinbaseFixtures.genesis();
    Address coinbase = CoinbaseFixtures.emptyAccount(genesis);
    ProvableChain chain = ProvableChain.of(genesis, List.of(CoinbaseFixtures.blockWithTip(genesis, coinbase, U256.ZERO)));
    assertThat(chain.account(0, coinbase)).isPresent();
    assertThat(chain.account(1, coinbase)).isEmpty();
  }

  @Test
  void anEmptyCoinbaseEarningATipKeepsIt() {
    Genesis genesis = CoinbaseFixtures.genesis();
    Address coinbase = CoinbaseFixtures.emptyAccount(genesis);
    ProvableChain chain = ProvableChain.of(genesis, List.of(CoinbaseFixtures.blockWithTip(genesis, coinbase, U256.of(3))));
    assertThat(chain.account(1, coinbase)).hasValueSatisfying(a -> assertThat(a.balance()).isEqualTo(U256.of(3 * 21_000)));
  }

  @Test
  void anAbsentCoinbaseEarningNothingIsNotCreated() {
    Genesis genesis = CoinbaseFixtures.genesis();
    Address coinbase = Address.fromHex("0x00000000000000000000000000000000000b0b00");
    ProvableChain chain = ProvableChain.of(genesis, List.of(CoinbaseFixtures.blockWithTip(genesis, coinbase, U256.ZERO)));
    assertThat(chain.account(1, coinbase)).isEmpty();
  }
}
