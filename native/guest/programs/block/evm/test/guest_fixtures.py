#!/usr/bin/env python3
"""Runs the block guest (any build: the host one, or the rv32im ELF under qemu) on the
single-block tests of ethereum/tests blockchain fixtures. Each test becomes a version 2 guest
input (block guest test tooling: mkinput.stream): the genesis header as parent, the block's
RLP, and as witness every node of the pre-state's state and storage tries and every code. A
valid block must give exit 0 and a journal whose new state root is the header's; a block with
expectException must be rejected (exit 1). Exit 2 (unsupported) is a skip with the guest's
reason. Prints passed / failed / skipped per category, failures and skips with their reason,
and last `N passed, M failed, K skipped`; exits 1 when a test failed.

usage: guest_fixtures.py DIR [--filter TEXT] [--sample N] -- GUEST_COMMAND...
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "test"))
from ethref import keccak256, rlp_encode, rlp_items_raw, trie_root_with_nodes  # noqa: E402
from mkinput import stream  # noqa: E402

from fixtures import category, fixture_files, report  # noqa: E402


def unhex(v):
    return bytes.fromhex(v[2:] if v.startswith("0x") else v)


def int_bytes(v):
    n = int(v, 16)
    return n.to_bytes((n.bit_length() + 7) // 8, "big")


def witness(pre):
    """(nodes, codes) covering the whole pre-state."""
    nodes, codes, accounts = [], [], {}
    for addr, a in pre.items():
        slots = {keccak256(unhex(k).rjust(32, b"\0")): rlp_encode(int_bytes(v))
                 for k, v in a.get("storage", {}).items() if int(v, 16) != 0}
        sroot, snodes = trie_root_with_nodes(slots)
        nodes += snodes
        code = unhex(a["code"])
        if code:
            codes.append(code)
        accounts[keccak256(unhex(addr))] = rlp_encode(
            [int_bytes(a["nonce"]), int_bytes(a["balance"]), sroot, keccak256(code)])
    _, anodes = trie_root_with_nodes(accounts)
    return anodes + nodes, codes


def run_test(guest, t, work):
    blocks = t["blocks"]
    if len(blocks) != 1:
        return "skipped", f"{len(blocks)} blocks: the runner feeds the guest the first block on the genesis only"
    b = blocks[0]
    parent = _first_item(unhex(t["genesisRLP"]))
    nodes, codes = witness(t["pre"])
    data = stream(1, parent, unhex(b["rlp"]), nodes, codes, version=2)
    inp, journal = os.path.join(work, "input"), os.path.join(work, "journal")
    with open(inp, "wb") as f:
        f.write(data)
    with open(inp, "rb") as stdin, open(journal, "wb") as j:
        p = subprocess.run(guest, stdin=stdin, stderr=subprocess.PIPE, pass_fds=(3,), timeout=600,
                           preexec_fn=lambda: os.dup2(j.fileno(), 3))
    err = p.stderr.decode(errors="replace").strip().splitlines()
    reason = err[-1] if err else ""
    if p.returncode == 2:
        return "skipped", reason
    if "expectException" in b:
        return ("passed", "") if p.returncode == 1 else ("failed", f"accepted (exit {p.returncode}), expected {b['expectException']}")
    if p.returncode != 0:
        return "failed", f"exit {p.returncode}: {reason}"
    with open(journal, "rb") as j:
        out = j.read()
    want = unhex(b["blockHeader"]["stateRoot"])
    if out[96:128] != want:
        return "failed", f"journal state root {out[96:128].hex()[:16]}, want {want.hex()[:16]}"
    return "passed", ""


def _first_item(block_rlp):
    """The first item (the header) of a block's RLP list, as raw bytes."""
    b0 = block_rlp[0]
    start = 1 + (b0 - 0xf7 if b0 > 0xf7 else 0)
    return rlp_items_raw(block_rlp[start:])[0]


def main():
    args = sys.argv[1:]
    if "--" not in args:
        print(__doc__)
        return 2
    guest = args[args.index("--") + 1:]
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--filter", default="")
    ap.add_argument("--sample", type=int, default=0)
    a = ap.parse_args(args[:args.index("--")])
    files = fixture_files(a.dir, a.sample)
    if files is None:
        return 0
    table, lines, totals = collections.OrderedDict(), [], collections.Counter()
    with tempfile.TemporaryDirectory() as work:
        for path in files:
            with open(path) as fh:
                data = json.load(fh)
            for name, t in data.items():
                if a.filter not in name and a.filter not in path:
                    continue
                cat = category(path, a.dir)
                status, reason = run_test(guest, t, work)
                table.setdefault(cat, collections.Counter())[status] += 1
                totals[status] += 1
                if status != "passed":
                    lines.append(f"{status.upper()} {cat} {name}: {reason}")
    return report(table, lines, totals)


if __name__ == "__main__":
    sys.exit(main())
