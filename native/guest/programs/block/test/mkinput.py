#!/usr/bin/env python3
"""Builds block guest input streams (docs/block-guest.md) for the host and qemu tests.

  mkinput.py loadtest --genesis G --chain C --number N --out FILE
      block N of an exported chain (e.g. l2-loadtest.rlp) on its genesis; the witness is the
      whole parent state trie, the parent state is computed by replaying blocks 1..N-1.
  mkinput.py gen --case NAME --out FILE   (or --list)
      a generated block of signed transfers from deterministic keys, valid or broken in one
      named way, with every other header field consistent.

This is test tooling in plain Python 3: a third, independent implementation of the transfer
rules (after the guest and the Java chain layer), kept small and slow on purpose."""
import argparse
import json
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ethref import (N, address_of, be, ecrecover, ec_mul, GX, GY, keccak256, rlp_decode, rlp_encode,  # noqa: E402
                    rlp_items_raw, sign, to_int, trie_root, trie_root_with_nodes)

EMPTY_ROOT = trie_root({})
EMPTY_CODE = keccak256(b"")
OMMERS_HASH = keccak256(rlp_encode([]))
ZERO_BLOOM = b"\0" * 256


def num(v):
    v = str(v)
    return int(v, 16) if v.startswith("0x") else int(v)


# ---- state ----
class State:
    def __init__(self):
        self.accounts = {}  # address -> [nonce, balance, storage_root, code_hash]

    def get(self, addr):
        return self.accounts.get(addr, [0, 0, EMPTY_ROOT, EMPTY_CODE])

    def put(self, addr, acc):
        if acc[0] == 0 and acc[1] == 0 and acc[3] == EMPTY_CODE:
            self.accounts.pop(addr, None)  # EIP-161
        else:
            self.accounts[addr] = acc

    def trie_items(self):
        return {keccak256(a): rlp_encode([be(x[0]), be(x[1]), x[2], x[3]]) for a, x in self.accounts.items()}

    def root(self):
        return trie_root(self.trie_items())

    def witness(self):
        return trie_root_with_nodes(self.trie_items())[1]


# ---- transactions ----
def decode_tx(raw, chain_id):
    """(fields dict, signing hash) of a transaction encoding as in the transactions trie."""
    if raw[0] >= 0xC0:
        f = rlp_decode(raw)
        v = to_int(f[6])
        tx = dict(type=0, nonce=to_int(f[0]), max_fee=to_int(f[1]), prio=to_int(f[1]), gas=to_int(f[2]), to=f[3],
                  value=to_int(f[4]), data=f[5], access=[], r=to_int(f[7]), s=to_int(f[8]))
        if v in (27, 28):
            tx["recid"] = v - 27
            h = keccak256(rlp_encode(f[:6]))
        else:
            tx["recid"] = (v - 35) & 1
            h = keccak256(rlp_encode(f[:6] + [be(chain_id), b"", b""]))
        return tx, h
    t = raw[0]
    f = rlp_decode(raw[1:])
    if t == 1:
        tx = dict(type=1, nonce=to_int(f[1]), max_fee=to_int(f[2]), prio=to_int(f[2]), gas=to_int(f[3]), to=f[4],
                  value=to_int(f[5]), data=f[6], access=f[7], recid=to_int(f[8]), r=to_int(f[9]), s=to_int(f[10]))
        n = 8
    else:
        tx = dict(type=2, nonce=to_int(f[1]), prio=to_int(f[2]), max_fee=to_int(f[3]), gas=to_int(f[4]), to=f[5],
                  value=to_int(f[6]), data=f[7], access=f[8], recid=to_int(f[9]), r=to_int(f[10]), s=to_int(f[11]))
        n = 9
    return tx, keccak256(bytes([t]) + rlp_encode(f[:n]))


def intrinsic_gas(tx):
    g = 21000 + sum(16 if b else 4 for b in tx["data"])
    for entry in tx["access"]:
        g += 2400 + 1900 * len(entry[1])
    return g


def apply_transfers(state, raw_txs, chain_id, base_fee, coinbase):
    """Applies the transfers; returns (gas used, receipts as trie values)."""
    cumulative, receipts = 0, []
    for raw in raw_txs:
        tx, h = decode_tx(raw, chain_id)
        sender = address_of(ecrecover(to_int(h), tx["r"], tx["s"], tx["recid"]))
        gas = intrinsic_gas(tx)
        prio = min(tx["prio"], tx["max_fee"] - base_fee)
        price = base_fee + prio
        s = state.get(sender)
        assert s[0] == tx["nonce"], "nonce"
        assert s[1] >= tx["gas"] * tx["max_fee"] + tx["value"], "balance"
        state.put(sender, [s[0] + 1, s[1] - gas * price - tx["value"], s[2], s[3]])
        r = state.get(tx["to"])
        state.put(tx["to"], [r[0], r[1] + tx["value"], r[2], r[3]])
        c = state.get(coinbase)  # touched even by a zero tip (EIP-161 removes it if empty)
        state.put(coinbase, [c[0], c[1] + gas * prio, c[2], c[3]])
        cumulative += gas
        body = rlp_encode([b"\x01", be(cumulative), ZERO_BLOOM, []])
        receipts.append(body if tx["type"] == 0 else bytes([tx["type"]]) + body)
    return cumulative, receipts


def indexed_root(values):
    return trie_root({rlp_encode(be(i)): v for i, v in enumerate(values)})


def expected_journal(parent_rlp, block_rlp):
    """The journal a valid block must produce (docs/block-guest.md), from the headers alone."""
    parent, block = rlp_decode(parent_rlp), rlp_decode(block_rlp)
    h = block[0]
    return (keccak256(parent_rlp) + keccak256(rlp_encode(h)) + parent[3] + h[3] +
            struct.pack("<QQI", to_int(h[8]), to_int(h[10]), len(block[1])))


def write_outputs(args, data):
    Path(args.out).write_bytes(data)
    if args.expect:
        parent_len = struct.unpack_from("<I", data, 16)[0]
        parent = data[20:20 + parent_len]
        block_len = struct.unpack_from("<I", data, 20 + parent_len)[0]
        block = data[24 + parent_len:24 + parent_len + block_len]
        Path(args.expect).write_bytes(expected_journal(parent, block))


def stream(chain_id, parent_rlp, block_rlp, nodes, codes=(), version=1):
    """An input stream; version 2 marks the witness as covering EVM execution."""
    out = bytearray(b"L2BI" + struct.pack("<IQ", version, chain_id))
    for blob in (parent_rlp, block_rlp):
        out += struct.pack("<I", len(blob)) + blob
    out += struct.pack("<I", len(nodes))
    for n in nodes:
        out += struct.pack("<I", len(n)) + n
    out += struct.pack("<I", len(codes))
    for c in codes:
        out += struct.pack("<I", len(c)) + c
    return bytes(out)


# ---- exported chains (l2-loadtest.rlp) ----
def genesis_state_and_header(path):
    g = json.loads(Path(path).read_text())
    st = State()
    for a, x in g["alloc"].items():
        code = bytes.fromhex(x.get("code", "0x")[2:])
        if x.get("storage"):
            raise SystemExit("genesis storage is not supported by this test tool")
        st.put(bytes.fromhex(a[2:]), [num(x.get("nonce", 0)), num(x["balance"]), EMPTY_ROOT, keccak256(code)])
    header = [b"\0" * 32, OMMERS_HASH, bytes.fromhex(g["coinbase"][2:]), st.root(), EMPTY_ROOT, EMPTY_ROOT, ZERO_BLOOM,
              be(num(g["difficulty"])), b"", be(num(g["gasLimit"])), b"", be(num(g["timestamp"])),
              bytes.fromhex(g["extraData"][2:] if g["extraData"].startswith("0x") else g["extraData"]),
              bytes.fromhex(g["mixhash"][2:]), num(g["nonce"]).to_bytes(8, "big"), be(10**9), EMPTY_ROOT, b"", b"",
              b"\0" * 32]
    return g["config"]["chainId"], st, rlp_encode(header)


def loadtest(args):
    chain_id, st, parent = genesis_state_and_header(args.genesis)
    blocks = rlp_items_raw(Path(args.chain).read_bytes())
    for number in range(1, args.number):
        blk = rlp_decode(blocks[number - 1])
        hdr = blk[0]
        gas, _ = apply_transfers(st, [x if isinstance(x, bytes) else rlp_encode(x) for x in blk[1]], chain_id,
                                 to_int(hdr[15]), hdr[2])
        assert st.root() == hdr[3], "replayed state root of block %d differs from its header" % number
        parent = rlp_encode(hdr)
    write_outputs(args, stream(chain_id, parent, blocks[args.number - 1], st.witness()))


# ---- generated blocks ----
CHAIN_ID = 1729
COINBASE = bytes.fromhex("00000000000000000000000000000000000c0ffe")


def key(i):
    return to_int(keccak256(b"block guest test key %d" % i)) % N


def addr(i):
    pub = ec_mul(key(i), (GX, GY))
    return address_of(pub[0].to_bytes(32, "big") + pub[1].to_bytes(32, "big"))


def signed(kind, priv, nonce, to, value, gas=21000, max_fee=2 * 10**9, prio=10**9, data=b"", access=(),
           high_s=False, chain_id=CHAIN_ID):
    """A signed transaction encoding (as in the transactions trie)."""
    access = [[a, list(keys)] for a, keys in access]
    k = to_int(keccak256(b"nonce" + priv.to_bytes(32, "big") + be(nonce) + bytes([kind]))) % N
    if kind == 0:
        fields = [be(nonce), be(max_fee), be(gas), to, be(value), data]
        h = keccak256(rlp_encode(fields + [be(chain_id), b"", b""]))
    elif kind == 1:
        fields = [be(chain_id), be(nonce), be(max_fee), be(gas), to, be(value), data, access]
        h = keccak256(b"\x01" + rlp_encode(fields))
    else:
        fields = [be(chain_id), be(nonce), be(prio), be(max_fee), be(gas), to, be(value), data, access]
        h = keccak256(b"\x02" + rlp_encode(fields))
    r, s, recid = sign(to_int(h), priv, k)
    if high_s:
        s, recid = N - s, recid ^ 1
    if kind == 0:
        return rlp_encode(fields + [be(35 + 2 * chain_id + recid), be(r), be(s)])
    return bytes([kind]) + rlp_encode(fields + [be(recid), be(r), be(s)])


BEACON_ROOTS = bytes.fromhex("000F3df6D732807Ef1319fB7B8bB8522d0Beac02")


def gen_genesis(beacon_contract=False):
    st = State()
    if beacon_contract:
        st.put(BEACON_ROOTS, [1, 0, EMPTY_ROOT, keccak256(b"\x33\xff")])
    for i in range(6):
        st.put(addr(i), [0, 10**21, EMPTY_ROOT, EMPTY_CODE])
    st.put(addr(6), [3, 21000 * 2 * 10**9 + 5, EMPTY_ROOT, EMPTY_CODE])  # exact-balance spender
    st.put(bytes.fromhex("00000000000000000000000000000000000c0de0"), [1, 1, EMPTY_ROOT, keccak256(b"\x60\x00")])
    parent = [b"\0" * 32, OMMERS_HASH, b"\0" * 20, st.root(), EMPTY_ROOT, EMPTY_ROOT, ZERO_BLOOM, b"", be(7),
              be(30_000_000), be(12_000_000), be(1_700_000_000), b"", b"\0" * 32, b"\0" * 8, be(10**9), EMPTY_ROOT,
              b"", b"", b"\0" * 32]
    return st, parent


def base_fee_after(p):
    limit, used, fee = to_int(p[9]), to_int(p[10]), to_int(p[15])
    target = limit // 2
    if used == target:
        return fee
    if used > target:
        return fee + max(fee * (used - target) // target // 8, 1)
    return fee - fee * (target - used) // target // 8


def mixed_txs():
    """New accounts, self-transfer, zero value (also to an absent account, which must stay
    absent: EIP-161), all three types with access lists and data, an exact-balance spend."""
    fresh = keccak256(b"fresh account")[12:]
    return [
        signed(2, key(0), 0, addr(1), 10**18),
        signed(2, key(0), 1, fresh, 12345),                       # creates an account
        signed(0, key(1), 0, addr(1), 5 * 10**17, max_fee=3 * 10**9),  # self-transfer, legacy
        signed(1, key(2), 0, addr(3), 0, gas=30000, data=b"\x00\x01hi",  # zero value, data
               access=[(addr(4), [b"\0" * 32, b"\x01" * 32])]),
        signed(2, key(3), 0, keccak256(b"nobody")[12:], 0),       # zero value to nobody: no account
        signed(2, key(6), 3, addr(5), 5, max_fee=2 * 10**9, prio=2 * 10**9),  # exact balance (ends at 0), priority fee capped by max fee
    ]


def build_block(txs, mutate=None, beacon_contract=False):
    st, parent = gen_genesis(beacon_contract)
    witness = st.witness()
    base_fee = base_fee_after(parent)
    hdr_parent = rlp_encode(parent)
    m = mutate or (lambda name, v: v)
    if m("skip_state", False):
        gas, receipts = 21000 * len(txs), []  # the guest must stop before these matter
    else:
        gas, receipts = apply_transfers(st, txs, CHAIN_ID, base_fee, COINBASE)
    header = [keccak256(hdr_parent), OMMERS_HASH, COINBASE, st.root(), indexed_root(txs), indexed_root(receipts),
              ZERO_BLOOM, b"", be(8), be(30_000_000), be(gas), be(1_700_000_012), b"", b"\0" * 32, b"\0" * 8,
              be(base_fee), EMPTY_ROOT, b"", b"", b"\0" * 32]
    header = m("header", header)
    block = rlp_encode([header, [t if t[0] < 0xC0 else rlp_decode(t) for t in txs], [], []])
    return stream(CHAIN_ID, m("parent", hdr_parent), block, m("witness", witness))


def case(name):
    txs = mixed_txs()
    if name == "ok":
        return build_block(txs)
    if name == "empty":
        return build_block([])

    def set_field(i, v):
        return lambda n, x: (x[:i] + [v] + x[i + 1:]) if n == "header" else x

    if name == "beacon-roots-contract":
        return build_block(txs, beacon_contract=True)
    if name == "wrong-state-root":
        return build_block(txs, set_field(3, b"\x11" * 32))
    if name == "wrong-base-fee":
        return build_block(txs, set_field(15, be(10**9 + 1)))
    if name == "wrong-parent-hash":
        return build_block(txs, set_field(0, b"\x22" * 32))
    if name == "wrong-gas-used":
        return build_block(txs, set_field(10, be(21000 * 6)))
    if name == "wrong-transactions-root":
        return build_block(txs, set_field(4, b"\x33" * 32))
    header_faults = {
        "wrong-receipts-root": (5, b"\x44" * 32),
        "logs-bloom-not-empty": (6, b"\x01" + b"\0" * 255),
        "nonzero-difficulty": (7, be(1)),
        "wrong-number": (8, be(9)),
        "gas-limit-out-of-bounds": (9, be(30_000_000 + 30_000_000 // 1024)),
        "timestamp-not-after-parent": (11, be(1_700_000_000)),
        "extra-data-too-long": (12, b"x" * 33),
        "nonzero-nonce": (14, b"\0" * 7 + b"\x01"),
        "wrong-withdrawals-root": (16, b"\x55" * 32),
        "wrong-excess-blob-gas": (18, be(1)),
    }
    if name in header_faults:
        return build_block(txs, set_field(*header_faults[name]))
    if name == "missing-witness-node":
        return build_block(txs, lambda n, x: x[-1:] if n == "witness" else x)  # the root node alone
    # Broken transactions: the header still commits to them (roots recomputed), the guest
    # must find the fault itself. The state part is computed from the valid prefix only.
    broken = {
        "bad-signature": lambda: [with_r(signed(2, key(0), 0, addr(1), 1), 5)],  # r = 5: no curve point
        "high-s": lambda: [signed(2, key(0), 0, addr(1), 1, high_s=True)],
        "wrong-nonce": lambda: [signed(2, key(0), 5, addr(1), 1)],
        "insufficient-balance": lambda: [signed(2, key(6), 3, addr(5), 6, max_fee=2 * 10**9, prio=2 * 10**9)],
        "wrong-chain-id": lambda: [signed(2, key(0), 0, addr(1), 1, chain_id=1)],
        "max-fee-below-base-fee": lambda: [signed(2, key(0), 0, addr(1), 1, max_fee=10**8, prio=10**8)],
        "intrinsic-gas": lambda: [signed(2, key(0), 0, addr(1), 1, gas=21000, data=b"\x01")],
        "contract-creation": lambda: [signed(2, key(0), 0, b"", 1, gas=100000)],
        "call-to-code": lambda: [signed(2, key(0), 0, bytes.fromhex("00000000000000000000000000000000000c0de0"), 1)],
        "changed-value": lambda: [rlp_change_value(signed(2, key(0), 0, addr(1), 1))],
        "blob-transaction": lambda: [b"\x03" + signed(2, key(0), 0, addr(1), 1)[1:]],
    }
    if name in broken:
        bad = broken[name]()
        return build_block(bad, lambda n, x: True if n == "skip_state" else x)
    raise SystemExit("unknown case %s" % name)


def with_r(raw, r):
    f = rlp_decode(raw[1:])
    f[-2] = be(r)
    return raw[:1] + rlp_encode(f)


def rlp_change_value(raw):
    f = rlp_decode(raw[1:])
    f[6] = be(to_int(f[6]) + 1)
    return raw[:1] + rlp_encode(f)


CASES = ["ok", "empty", "wrong-state-root", "wrong-base-fee", "wrong-parent-hash", "wrong-gas-used",
         "wrong-transactions-root", "missing-witness-node", "bad-signature", "high-s", "wrong-nonce",
         "insufficient-balance", "wrong-chain-id", "max-fee-below-base-fee", "intrinsic-gas", "contract-creation",
         "call-to-code", "changed-value", "blob-transaction", "beacon-roots-contract", "wrong-receipts-root",
         "logs-bloom-not-empty", "nonzero-difficulty", "wrong-number", "gas-limit-out-of-bounds",
         "timestamp-not-after-parent", "extra-data-too-long", "nonzero-nonce", "wrong-withdrawals-root",
         "wrong-excess-blob-gas"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    lt = sub.add_parser("loadtest")
    lt.add_argument("--genesis", required=True)
    lt.add_argument("--chain", required=True)
    lt.add_argument("--number", type=int, required=True)
    lt.add_argument("--out", required=True)
    lt.add_argument("--expect", help="also write the journal a valid block gives")
    g = sub.add_parser("gen")
    g.add_argument("--case")
    g.add_argument("--out")
    g.add_argument("--list", action="store_true")
    g.add_argument("--expect", help="also write the journal a valid block gives")
    args = ap.parse_args()
    if args.cmd == "loadtest":
        loadtest(args)
    elif args.list:
        print("\n".join(CASES))
    else:
        write_outputs(args, case(args.case))


if __name__ == "__main__":
    main()
