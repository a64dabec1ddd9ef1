package io.l2prover.zkvm.exec;

/**
 * One aligned guest memory word that a system call read or wrote. A call that covers a word
 * only partly (an unaligned buffer's first or last word) reports the whole word: the bytes
 * outside the buffer are equal in {@code before} and {@code after}.
 *
 * @param address the word's address (a multiple of 4)
 * @param before the word before the access
 * @param after the word after it (equal to {@code before} for a read)
 * @param write true if the call wrote the word (read(63) delivering input), false if it read it
 *     (write(64) consuming output)
 */
public record WordAccess(int address, int before, int after, boolean write) {}
