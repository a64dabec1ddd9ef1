/* The guest's input stream (fd 0), little-endian:
 *   "L2BI" | version u32 (1: transfers, 2: with an EVM execution witness, 3: a witness-recording run
 *   with the host's state oracle) | chain id u64 | parent header: u32 length + RLP |
 *   block: u32 length + RLP (header, transactions, ommers, withdrawals) |
 *   witness nodes: u32 count, then per node u32 length + RLP |
 *   codes: u32 count, then per code u32 length + bytes.
 * Nothing may follow. */
#ifndef BG_INPUT_H
#define BG_INPUT_H

#include "block.h"

/* Reads and indexes the whole input from fd; fails with a clear message on a malformed stream. */
void bg_input_read(int fd, bg_block_input *in);

#endif
