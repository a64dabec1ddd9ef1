package io.l2prover.chain.gen;

import static io.l2prover.chain.gen.EvmAsm.ADD;
import static io.l2prover.chain.gen.EvmAsm.CALLDATALOAD;
import static io.l2prover.chain.gen.EvmAsm.CALLER;
import static io.l2prover.chain.gen.EvmAsm.DUP1;
import static io.l2prover.chain.gen.EvmAsm.DUP2;
import static io.l2prover.chain.gen.EvmAsm.DUP3;
import static io.l2prover.chain.gen.EvmAsm.EQ;
import static io.l2prover.chain.gen.EvmAsm.ISZERO;
import static io.l2prover.chain.gen.EvmAsm.JUMP;
import static io.l2prover.chain.gen.EvmAsm.JUMPI;
import static io.l2prover.chain.gen.EvmAsm.LOG3;
import static io.l2prover.chain.gen.EvmAsm.LT;
import static io.l2prover.chain.gen.EvmAsm.MSTORE;
import static io.l2prover.chain.gen.EvmAsm.RETURN;
import static io.l2prover.chain.gen.EvmAsm.REVERT;
import static io.l2prover.chain.gen.EvmAsm.SHA3;
import static io.l2prover.chain.gen.EvmAsm.SHR;
import static io.l2prover.chain.gen.EvmAsm.SLOAD;
import static io.l2prover.chain.gen.EvmAsm.SSTORE;
import static io.l2prover.chain.gen.EvmAsm.STOP;
import static io.l2prover.chain.gen.EvmAsm.SUB;
import static io.l2prover.chain.gen.EvmAsm.SWAP1;

import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Keccak;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * The generator's contracts, hand-assembled (no compiler is needed to build the project): an
 * ERC-20 token and a storage-heavy contract, with their creation code and calldata. The source
 * each one implements is in its Javadoc, Solidity-style.
 */
public final class Contracts {

  /** {@code transfer(address,uint256)}. */
  private static final long TRANSFER = 0xa9059cbbL;
  /** {@code balanceOf(address)}. */
  private static final long BALANCE_OF = 0x70a08231L;
  /** keccak256("Transfer(address,address,uint256)"), the ERC-20 event's topic. */
  public static final byte[] TRANSFER_TOPIC = Keccak.digest("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));

  private Contracts() {}

  /**
   * Creation code of an ERC-20 token (the transfer part of the standard) minting {@code supply}
   * to its creator:
   * <pre>
   * contract Token {
   *   mapping(address => uint256) public balanceOf;            // slot 0
   *   event Transfer(address indexed from, address indexed to, uint256 value);
   *   constructor(uint256 supply) { balanceOf[msg.sender] = supply; }
   *   function transfer(address to, uint256 value) external returns (bool) {
   *     require(balanceOf[msg.sender] >= value);
   *     balanceOf[msg.sender] -= value;
   *     balanceOf[to] += value;
   *     emit Transfer(msg.sender, to, value);
   *     return true;
   *   }
   * }
   * </pre>
   * Any other selector, and a transfer of more than the balance, revert.
   */
  public static Bytes tokenInitCode(U256 supply) {
    EvmAsm ctor = new EvmAsm();
    balanceSlotOf(ctor.op(CALLER)).push(supply.toBytes32()).op(SWAP1, SSTORE);
    return EvmAsm.initCode(ctor, tokenRuntime());
  }

  static Bytes tokenRuntime() {
    EvmAsm a = new EvmAsm();
    a.push(0).op(CALLDATALOAD).push(0xe0).op(SHR);
    a.op(DUP1).push(TRANSFER).op(EQ).pushLabel("transfer").op(JUMPI);
    a.op(DUP1).push(BALANCE_OF).op(EQ).pushLabel("balanceOf").op(JUMPI);
    a.label("fail").push(0).op(DUP1, REVERT);

    a.label("transfer");
    balanceSlotOf(a.op(CALLER));                                  // [from slot]
    a.op(DUP1, SLOAD).push(36).op(CALLDATALOAD);                  // [slot, balance, value]
    a.op(DUP1, DUP3, LT).pushLabel("fail").op(JUMPI);             // balance < value: revert
    a.op(SWAP1, SUB, SWAP1, SSTORE);                              // balanceOf[from] = balance - value
    balanceSlotOf(a.push(4).op(CALLDATALOAD));                    // [to slot]
    a.op(DUP1, SLOAD).push(36).op(CALLDATALOAD).op(ADD, SWAP1, SSTORE);
    a.push(36).op(CALLDATALOAD).push(0).op(MSTORE);               // the event's data: value
    a.push(4).op(CALLDATALOAD).op(CALLER).push(TRANSFER_TOPIC).push(32).push(0).op(LOG3);
    a.push(1).push(0).op(MSTORE).push(32).push(0).op(RETURN);

    a.label("balanceOf");
    balanceSlotOf(a.push(4).op(CALLDATALOAD));
    a.op(SLOAD).push(0).op(MSTORE).push(32).push(0).op(RETURN);
    return a.code();
  }

  /** keccak256(abi.encode(address on the stack, 0)): the mapping's slot, replacing the address. */
  private static EvmAsm balanceSlotOf(EvmAsm a) {
    return a.push(0).op(MSTORE).push(0).push(32).op(MSTORE).push(64).push(0).op(SHA3);
  }

  /** Calldata of {@code transfer(to, value)}. */
  public static Bytes transferCall(Address to, U256 value) {
    byte[] data = new byte[4 + 64];
    data[0] = (byte) 0xa9;
    data[1] = 0x05;
    data[2] = (byte) 0x9c;
    data[3] = (byte) 0xbb;
    System.arraycopy(to.toArray(), 0, data, 4 + 12, 20);
    System.arraycopy(value.toBytes32(), 0, data, 36, 32);
    return Bytes.of(data);
  }

  /**
   * Creation code of a storage-heavy contract: each call writes {@code n} fresh slots (n from the
   * first calldata word), 22 100 gas each (EIP-2929 cold slot, zero to non-zero):
   * <pre>
   * contract Fill {
   *   uint256 next;                                           // slot 0
   *   fallback() external {
   *     uint256 n = abi.decode(msg.data, (uint256));
   *     for (uint256 i = next; i < next + n; i++) { assembly { sstore(add(i, 1), add(i, 1)) } }
   *     next += n;
   *   }
   * }
   * </pre>
   */
  public static Bytes fillInitCode() {
    return EvmAsm.initCode(new EvmAsm(), fillRuntime());
  }

  static Bytes fillRuntime() {
    EvmAsm a = new EvmAsm();
    a.push(0).op(SLOAD).push(0).op(CALLDATALOAD).op(DUP2, ADD, DUP2);  // [base, end, i = base]
    a.label("loop").op(DUP2, DUP2, LT, ISZERO).pushLabel("done").op(JUMPI);
    a.push(1).op(ADD, DUP1, DUP1, SSTORE).pushLabel("loop").op(JUMP);   // i + 1: sstore(i + 1, i + 1)
    a.label("done").op(DUP2).push(0).op(SSTORE, STOP);                   // next = end
    return a.code();
  }

  /** Calldata of a call to the storage-heavy contract that writes {@code slots} slots. */
  public static Bytes fillCall(int slots) {
    return Bytes.of(U256.of(slots).toBytes32());
  }
}
