package io.l2prover.guest;

/** The mnemonics of the EVM's opcodes (Cancun), for the block guest's opcode profile. */
public final class EvmOpcodes {

  private static final String[] NAMES = names();

  private EvmOpcodes() {}

  /** The mnemonic of {@code opcode} (0..255), e.g. {@code SSTORE}; an unassigned byte is its hex, {@code 0x0c}. */
  public static String name(int opcode) {
    return NAMES[opcode & 0xff];
  }

  private static String[] names() {
    String[] n = new String[256];
    for (int i = 0; i < 256; i++) {
      n[i] = String.format("0x%02x", i);
    }
    put(n, 0x00, "STOP", "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", "ADDMOD", "MULMOD", "EXP", "SIGNEXTEND");
    put(n, 0x10, "LT", "GT", "SLT", "SGT", "EQ", "ISZERO", "AND", "OR", "XOR", "NOT", "BYTE", "SHL", "SHR", "SAR");
    put(n, 0x20, "KECCAK256");
    put(n, 0x30, "ADDRESS", "BALANCE", "ORIGIN", "CALLER", "CALLVALUE", "CALLDATALOAD", "CALLDATASIZE",
        "CALLDATACOPY", "CODESIZE", "CODECOPY", "GASPRICE", "EXTCODESIZE", "EXTCODECOPY", "RETURNDATASIZE",
        "RETURNDATACOPY", "EXTCODEHASH");
    put(n, 0x40, "BLOCKHASH", "COINBASE", "TIMESTAMP", "NUMBER", "PREVRANDAO", "GASLIMIT", "CHAINID", "SELFBALANCE",
        "BASEFEE", "BLOBHASH", "BLOBBASEFEE");
    put(n, 0x50, "POP", "MLOAD", "MSTORE", "MSTORE8", "SLOAD", "SSTORE", "JUMP", "JUMPI", "PC", "MSIZE", "GAS",
        "JUMPDEST", "TLOAD", "TSTORE", "MCOPY", "PUSH0");
    for (int i = 0; i < 32; i++) {
      n[0x60 + i] = "PUSH" + (i + 1);
    }
    for (int i = 0; i < 16; i++) {
      n[0x80 + i] = "DUP" + (i + 1);
      n[0x90 + i] = "SWAP" + (i + 1);
    }
    for (int i = 0; i <= 4; i++) {
      n[0xa0 + i] = "LOG" + i;
    }
    put(n, 0xf0, "CREATE", "CALL", "CALLCODE", "RETURN", "DELEGATECALL", "CREATE2");
    put(n, 0xfa, "STATICCALL");
    put(n, 0xfd, "REVERT", "INVALID", "SELFDESTRUCT");
    return n;
  }

  private static void put(String[] table, int first, String... names) {
    System.arraycopy(names, 0, table, first, names.length);
  }
}
