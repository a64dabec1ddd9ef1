bench_SRCS := programs/keccak/keccak.c programs/sha256/sha256.c
