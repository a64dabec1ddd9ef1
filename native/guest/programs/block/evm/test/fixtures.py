#!/usr/bin/env python3
"""Runs the EVM (the host build of native/guest/programs/block/evm, test/runner.c) on
ethereum/tests blockchain fixtures and compares every block's state root, gas used, blob gas
used, logs bloom and receipts root with its header; a block marked expectException must be
rejected. Prints passed / failed / skipped per category, one line per failure or skip with its
reason, and last `N passed, M failed, K skipped`; exits 1 when a test failed.

usage: fixtures.py RUNNER DIR [--filter TEXT] [--sample N] [--jobs J] [--verbose]
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys


def h(v):
    """A fixture hex string without 0x ("-" when empty)."""
    v = v[2:] if v.startswith("0x") else v
    return v if v else "-"


def n(v):
    return str(int(v, 16))


def account_lines(pre):
    out = []
    for addr, a in pre.items():
        slots = [f"{h(k)} {h(v)}" for k, v in a.get("storage", {}).items()]
        out.append(f"account {h(addr)} {n(a['nonce'])} {h(a['balance'])} {h(a['code'])} {len(slots)} {' '.join(slots)}")
    return out


def tx_line(tx):
    ttype = int(tx.get("type", "0x0"), 16)
    if "gasPrice" in tx:
        fee = prio = h(tx["gasPrice"])
    else:
        fee, prio = h(tx["maxFeePerGas"]), h(tx["maxPriorityFeePerGas"])
    blobs = tx.get("blobVersionedHashes", [])
    al = []
    for e in tx.get("accessList", []):
        al.append(f"{h(e['address'])} {len(e['storageKeys'])} {' '.join(h(k) for k in e['storageKeys'])}")
    return (f"tx {ttype} {h(tx['sender'])} {h(tx.get('to', ''))} {n(tx['nonce'])} {n(tx['gasLimit'])} "
            f"{h(tx['value'])} {h(tx['data'])} {fee} {prio} {h(tx.get('maxFeePerBlobGas', '0x0'))} "
            f"{len(blobs)} {' '.join(h(b) for b in blobs)} {len(al)} {' '.join(al)}")


def block_lines(b):
    hd = b["blockHeader"]
    lines = [f"block {n(hd['number'])} {n(hd['timestamp'])} {n(hd['gasLimit'])} {h(hd['coinbase'])} "
             f"{h(hd['mixHash'])} {h(hd.get('baseFeePerGas', '0x0'))} {n(hd.get('excessBlobGas', '0x0'))} "
             f"{h(hd.get('parentBeaconBlockRoot', ''))} {len(b['transactions'])} {len(b.get('withdrawals', []))}"]
    lines += [tx_line(tx) for tx in b["transactions"]]
    lines += [f"wd {h(w['address'])} {n(w['amount'])}" for w in b.get("withdrawals", [])]
    return lines


def run_test(runner, name, t):
    """(status, reason, stats): status is passed, failed or skipped."""
    lines = ["chain 1", f"hash 0 {h(t['genesisBlockHeader']['hash'])}"]
    for b in t["blocks"]:
        if "blockHeader" in b and "expectException" not in b:
            lines.append(f"hash {n(b['blockHeader']['number'])} {h(b['blockHeader']['hash'])}")
    lines += account_lines(t["pre"])
    lines.append("genesis")
    expected = []
    for b in t["blocks"]:
        if "blockHeader" not in b:
            return "skipped", f"block {len(expected) + 1} is given only as RLP (expected {b.get('expectException', 'valid')}): the host runner does not recover senders", None
        if any("sender" not in tx for tx in b["transactions"]):
            return "skipped", f"block {len(expected) + 1} has a transaction without its sender: the host runner does not recover senders", None
        lines += block_lines(b)
        expected.append(b)
    try:
        p = subprocess.run([runner], input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return "failed", "timed out after 600 s", None
    out = p.stdout.split("\n")
    if p.returncode == 2 and out and out[-2].startswith("unsupported"):
        return "skipped", out[-2], None
    if p.returncode != 0:
        return "failed", f"runner exit {p.returncode}: {p.stderr.strip()[:300]}", None
    genesis = out[0].split()
    if genesis[1] != h(t["genesisBlockHeader"]["stateRoot"]):
        return "failed", "genesis state root mismatch", None
    stats = [0, 0]
    for i, (b, line) in enumerate(zip(expected, out[1:])):
        f = line.split()
        exc = b.get("expectException")
        if exc:
            if f[2] != "invalid":
                return "failed", f"block {i + 1} accepted, expected {exc}", None
            continue
        if f[2] != "valid":
            return "failed", f"block {i + 1} rejected: {' '.join(f[3:])}", None
        hd = b["blockHeader"]
        checks = [("gas used", f[4], n(hd["gasUsed"])), ("state root", f[3], h(hd["stateRoot"])),
                  ("blob gas used", f[5], n(hd.get("blobGasUsed", "0x0"))),
                  ("logs bloom", f[6], h(hd["bloom"])), ("receipts root", f[7], h(hd["receiptTrie"]))]
        for what, got, want in checks:
            if got != want:
                return "failed", f"block {i + 1} {what} mismatch: got {got[:16]}, want {want[:16]}", None
        stats[0] += int(f[8])
        stats[1] += int(f[9])
    return "passed", "", stats


def category(path, root):
    rel = os.path.relpath(path, root).split(os.sep)
    return rel[-3] + "/" + rel[-2] if len(rel) >= 3 and rel[-2].startswith("vm") else rel[-2] if len(rel) >= 2 else rel[0]


def fixture_files(root, sample):
    """The fixture files under root (every sample-th one), or None when root is absent."""
    if not os.path.isdir(root):
        print(f"skip: fixtures not found at {root}")
        return None
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".json"))
    return files[::sample] if sample else files


def report(table, lines, totals):
    """Prints the table per category, the lines, the totals; the exit code."""
    print(f"{'category':44} {'passed':>7} {'failed':>7} {'skipped':>7}")
    for cat in sorted(table):
        c = table[cat]
        print(f"{cat:44} {c['passed']:7} {c['failed']:7} {c['skipped']:7}")
    for line in lines:
        print(line)
    print(f"{totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 1 if totals["failed"] else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runner")
    ap.add_argument("dir")
    ap.add_argument("--filter", default="")
    ap.add_argument("--sample", type=int, default=0, help="every Nth file only (a fixed sample)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    files = fixture_files(a.dir, a.sample)
    if files is None:
        return 0
    jobs = []
    for path in files:
        with open(path) as fh:
            data = json.load(fh)
        for name, t in data.items():
            if a.filter in name or a.filter in path:
                jobs.append((category(path, a.dir), name, t))
    table = collections.OrderedDict()
    lines = []
    totals = collections.Counter()
    instructions = gas = 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        results = ex.map(lambda j: (j[0], j[1], run_test(a.runner, j[1], j[2])), jobs)
        for cat, name, (status, reason, stats) in results:
            table.setdefault(cat, collections.Counter())[status] += 1
            totals[status] += 1
            if status != "passed":
                lines.append(f"{status.upper()} {cat} {name}: {reason}")
                if a.verbose:
                    print(lines[-1], flush=True)
            elif stats:
                instructions += stats[0]
                gas += stats[1]
    if gas:
        lines.append(f"EVM work of passed tests: {instructions} instructions, {gas} gas")
    return report(table, lines, totals)


if __name__ == "__main__":
    sys.exit(main())
