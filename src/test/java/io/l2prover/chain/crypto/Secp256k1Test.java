package io.l2prover.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TransactionDecoder;
import io.l2prover.chain.types.U256;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Secp256k1Test {

  /** The EIP-155 example transaction, signed by the key 0x4646...46. */
  private static final String EIP155_SIGNED =
      "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025"
          + "a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb7"
          + "03304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
  private static final BigInteger KEY = new BigInteger("46".repeat(32), 16);
  private static final Address SIGNER = Address.fromHex("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");

  private static Transaction eip155Example() {
    return TransactionDecoder.decode(HexFormat.of().parseHex(EIP155_SIGNED));
  }

  @Test
  void derivesTheAddressOfAKnownKey() {
    assertThat(Secp256k1.addressOf(KEY)).isEqualTo(SIGNER);
    // private key 1: the generator point's address
    assertThat(Secp256k1.addressOf(BigInteger.ONE))
        .isEqualTo(Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"));
  }

  @Test
  void recoversTheEip155ExampleSender() {
    assertThat(Senders.recover(eip155Example())).isEqualTo(SIGNER);
  }

  @Test
  void signingReproducesTheEip155ExampleSignature() {
    // RFC 6979 is deterministic, and the EIP's example was produced the same way.
    Transaction tx = eip155Example();
    Transaction resigned = Senders.sign(tx.withSignature(0, U256.ONE, U256.ONE), KEY);
    assertThat(resigned).isEqualTo(tx);
  }

  @Test
  void aChangedFieldRecoversAnotherAddress() {
    Transaction tx = eip155Example();
    Transaction changed = new Transaction(tx.type(), tx.chainId(), tx.nonce(),
        tx.maxPriorityFeePerGas(), tx.maxFeePerGas(), tx.gasLimit(), tx.to(),
        tx.value().add(U256.ONE), tx.data(), tx.accessList(), tx.yParity(), tx.r(), tx.s());
    assertThat(Senders.recover(changed)).isNotEqualTo(SIGNER);
  }

  @Test
  void refusesHighS() {
    Transaction tx = eip155Example();
    U256 highS = U256.of(Secp256k1.N.subtract(tx.s().toBigInteger()));
    Transaction flipped = tx.withSignature(1 - tx.yParity(), tx.r(), highS);
    assertThatThrownBy(() -> Senders.recover(flipped)).hasMessageContaining("EIP-2");
    // the same signature is mathematically valid: recovery without the rule finds the signer
    assertThat(Secp256k1.recoverAddress(tx.signingHash(), 1 - tx.yParity(), tx.r(), highS, false))
        .isEqualTo(SIGNER);
  }

  @Test
  void refusesOutOfRangeValues() {
    Hash32 hash = Hash32.ZERO;
    U256 n = U256.of(Secp256k1.N);
    assertThatThrownBy(() -> Secp256k1.recoverAddress(hash, 0, U256.ZERO, U256.ONE, true))
        .isInstanceOf(ChainException.class).hasMessageContaining("r is outside");
    assertThatThrownBy(() -> Secp256k1.recoverAddress(hash, 0, n, U256.ONE, true))
        .hasMessageContaining("r is outside");
    assertThatThrownBy(() -> Secp256k1.recoverAddress(hash, 0, U256.ONE, U256.ZERO, true))
        .hasMessageContaining("s is outside");
    assertThatThrownBy(() -> Secp256k1.recoverAddress(hash, 2, U256.ONE, U256.ONE, true))
        .hasMessageContaining("parity");
  }

  @Test
  void refusesAnRThatIsNoCurvePoint() {
    // x = 5: 125 + 7 = 132 is not a square modulo p
    assertThatThrownBy(() -> Secp256k1.recoverAddress(Hash32.ZERO, 0, U256.of(5), U256.ONE, true))
        .hasMessageContaining("not the x coordinate");
  }
}
