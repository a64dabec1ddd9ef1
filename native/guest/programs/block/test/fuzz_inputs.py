#!/usr/bin/env python3
"""Runs a guest command on deterministic random corruptions of an input stream (bytes flipped,
truncated, lengths changed): every run must end with exit code 0, 1, 2 or 3 and, unless 0, a
"block guest: " line on stderr; never a crash, a sanitizer report or a hang.
Usage: fuzz_inputs.py INPUT COUNT GUEST_COMMAND...   (FUZZ_SAVE=DIR keeps failing inputs)"""
import os
import random
import subprocess
import sys


def mutate(data, rng):
    d = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:
        for _ in range(rng.randrange(1, 4)):
            d[rng.randrange(len(d))] ^= 1 << rng.randrange(8)
    elif kind == 1:
        del d[rng.randrange(len(d)):]
    elif kind == 2:
        at = rng.randrange(len(d))
        d[at:at + 1] = bytes([rng.randrange(256)])
    else:
        at = rng.randrange(16, len(d) - 4)
        d[at:at + 4] = rng.randrange(1 << 32).to_bytes(4, "little")
    return bytes(d)


def main():
    data = open(sys.argv[1], "rb").read()
    count = int(sys.argv[2])
    cmd = sys.argv[3:]
    os.dup2(os.open(os.devnull, os.O_WRONLY), 3)  # the journal goes nowhere
    rng = random.Random(20261125)
    bad = 0
    for i in range(count):
        m = mutate(data, rng)
        p = subprocess.run(cmd, input=m, capture_output=True, timeout=60, pass_fds=(3,))
        err = p.stderr.decode(errors="replace")
        ok = p.returncode in (0, 1, 2, 3) and (p.returncode == 0 or err.startswith("block guest: ")) \
            and "Sanitizer" not in err and "runtime error" not in err
        if not ok:
            bad += 1
            if os.environ.get("FUZZ_SAVE"):  # keep the failing input for a reproduction
                with open(os.path.join(os.environ["FUZZ_SAVE"], "fuzz-failure-%d.bin" % i), "wb") as f:
                    f.write(m)
            print("FAIL mutation %d: exit %d: %s" % (i, p.returncode, err[:300]))
    print("%d mutations, %d failures" % (count, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
