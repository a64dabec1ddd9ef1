# The EVM (evm/, a library beside the guest) and SHA-256 for its precompile 0x02; the stack
# size is set in stack.S.
block_SRCS := $(wildcard programs/block/evm/*.c) programs/sha256/sha256.c
