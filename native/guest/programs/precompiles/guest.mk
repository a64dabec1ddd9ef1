precompiles_SRCS := programs/block/secp256k1.c programs/block/keccak.c programs/block/util.c programs/block/sys_guest.c
