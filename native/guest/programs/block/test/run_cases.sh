#!/usr/bin/env bash
# Runs the block guest on generated blocks (valid and broken in one way each) and, when the
# test data is there, on blocks 1-4 of l2-loadtest.rlp; checks exit codes, the reason on
# stderr and the journal. Usage: run_cases.sh INPUT_DIR OUTPUT_DIR GUEST_COMMAND...
# Inputs are built into INPUT_DIR (the l2-loadtest ones only once: replaying block 3 in
# Python takes a while); outputs go to OUTPUT_DIR.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
inputs="$1"
work="$2"
shift 2
guest=("$@")
mkdir -p "$inputs" "$work"
failures=0

# case | exit code | text expected on stderr (empty: none, and the journal must match)
cases="ok|0|
empty|0|
wrong-state-root|1|state root mismatch
wrong-base-fee|1|wrong base fee
wrong-parent-hash|1|wrong parent hash
wrong-gas-used|1|gas used mismatch
wrong-transactions-root|1|transactions root mismatch
missing-witness-node|1|state trie: missing witness node
bad-signature|1|invalid signature
high-s|1|s is above n/2 (EIP-2)
wrong-nonce|1|nonce 5, but the sender's account nonce is 0
insufficient-balance|1|insufficient balance
wrong-chain-id|1|chain id 1, expected 1729
max-fee-below-base-fee|1|below the block's base fee
intrinsic-gas|1|below the intrinsic gas
contract-creation|2|unsupported: transaction 0 creates a contract
call-to-code|2|unsupported: transaction 0 calls an account with code
changed-value|1|insufficient balance
blob-transaction|1|EIP-4844 transaction: expected exactly 14 fields
beacon-roots-contract|2|unsupported: the EIP-4788 beacon roots contract is deployed
wrong-receipts-root|1|receipts root mismatch
logs-bloom-not-empty|1|logs bloom mismatch
nonzero-difficulty|1|difficulty must be 0
wrong-number|1|wrong block number 9: the parent is block 7
gas-limit-out-of-bounds|1|gas limit 30029296 is out of bounds
timestamp-not-after-parent|1|timestamp 1700000000 is not after the parent's 1700000000
extra-data-too-long|1|extra data of 33 bytes
nonzero-nonce|1|nonce must be 0 after the merge
wrong-withdrawals-root|1|withdrawals root mismatch
wrong-excess-blob-gas|1|wrong excess blob gas 1: the parent implies 0"

run_one() { # name input expect_code expect_text expected_journal
    local name="$1" input="$2" code="$3" text="$4" journal="$5"
    "${guest[@]}" < "$input" 3> "$work/$name.journal" 2> "$work/$name.err"
    local got=$?
    local ok=1
    [ "$got" = "$code" ] || ok=0
    if [ -n "$text" ]; then
        grep -qF -- "$text" "$work/$name.err" || ok=0
    elif [ -n "$journal" ]; then
        cmp -s "$journal" "$work/$name.journal" || ok=0
    fi
    if [ $ok = 1 ]; then
        echo "ok   $name"
    else
        echo "FAIL $name: exit $got (want $code), stderr: $(head -c 300 "$work/$name.err")"
        failures=$((failures + 1))
    fi
}

while IFS='|' read -r name code text; do
    python3 "$here/mkinput.py" gen --case "$name" --out "$inputs/$name.bin" --expect "$inputs/$name.expected"
    run_one "$name" "$inputs/$name.bin" "$code" "$text" "$inputs/$name.expected"
done <<< "$cases"

data="${L2PROVER_TESTDATA:-$here/../../../../../../shared/testdata}"
if [ -f "$data/genesis-l2.json" ] && [ -f "$data/l2-loadtest.rlp" ]; then
    for n in 1 2 3 4; do
        in="$inputs/loadtest-$n.bin"
        [ -f "$in" ] || python3 "$here/mkinput.py" loadtest --genesis "$data/genesis-l2.json" \
            --chain "$data/l2-loadtest.rlp" --number "$n" --out "$in" --expect "$inputs/loadtest-$n.expected"
        run_one "loadtest-block-$n" "$in" 0 "" "$inputs/loadtest-$n.expected"
    done
else
    echo "skip l2-loadtest blocks: no test data at $data (set L2PROVER_TESTDATA)"
fi

# Corrupted streams: a clean rejection every time, never a crash or a runtime panic.
if FUZZ_SAVE="$work" python3 "$here/fuzz_inputs.py" "$inputs/ok.bin" "${FUZZ_RUNS:-300}" "${guest[@]}" > "$work/fuzz.log"; then
    echo "ok   $(tail -1 "$work/fuzz.log")"
else
    echo "FAIL corrupted inputs: $(head -3 "$work/fuzz.log")"
    failures=$((failures + 1))
fi

[ $failures = 0 ] || { echo "$failures block guest case(s) failed"; exit 1; }
