package io.l2prover.chain.gen;

/** The kinds of transfer the generator cycles through, each covering a rule worth testing. */
enum TxKind {
  /** EIP-1559 transfer between funded accounts. */
  TRANSFER,
  /** Value to an address that does not exist yet: the account is created. */
  NEW_ACCOUNT,
  /** Sender and recipient are the same account. */
  SELF_TRANSFER,
  /** Zero value to an existing, non-empty account: only fees move. */
  ZERO_VALUE,
  /** Zero value to an absent address: EIP-161 says nothing is created. */
  ZERO_VALUE_TO_ABSENT,
  /** Zero value to an existing empty account: EIP-161 deletes it (a trie deletion). */
  ZERO_VALUE_TO_EMPTY,
  /** Legacy transaction with EIP-155 replay protection. */
  LEGACY,
  /** EIP-2930 transaction with an access list and a gas limit above what it uses (refund). */
  ACCESS_LIST,
  /** EIP-1559 with a priority fee above max fee − base fee: the tip is capped. */
  CAPPED_PRIORITY_FEE,
  /** EIP-1559 with no tip and max fee = base fee: the coinbase earns nothing. */
  ZERO_PRIORITY_FEE,
  /** Calldata (zero and non-zero bytes) and unused gas to refund. */
  DATA_AND_REFUND,
  /** Sends the whole balance: value = balance − gas limit · max fee, leaving exactly 0. */
  EXACT_BALANCE,
  /** Value to the block's coinbase. */
  TO_COINBASE
}
