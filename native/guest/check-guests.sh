#!/usr/bin/env bash
# Rebuilds every guest into a temporary directory and fails if any differs from the ELF committed
# under src/main/resources/guests (the jar ships those, so they must be what the sources build).
# Skips with a message without clang/lld, and compares only with the toolchain that built the
# committed files (recorded in TOOLCHAIN): another clang may emit other, equally valid, code.
set -euo pipefail
cd "$(dirname "$0")"
committed=../../src/main/resources/guests

if ! command -v clang >/dev/null || ! command -v ld.lld >/dev/null || ! command -v llvm-objcopy >/dev/null; then
  echo "check-guests: skipped, clang, lld and llvm-objcopy are not all installed (apt-get install clang lld llvm)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s OUT="$tmp/guests" OBJ="$tmp/obj" >/dev/null

# The EVM's dispatch mark for the opcode profiler (programs/block/evm/profile.h) must add no
# instruction: the block guest's loaded image must be the one built without it, so the mark
# changes no cycle count and no image ID.
make -s OUT="$tmp/nomark" OBJ="$tmp/nomark-obj" CC="clang -DEVM_PROFILE_NO_MARK" "$tmp/nomark/block.elf" >/dev/null
llvm-objcopy -O binary "$tmp/guests/block.elf" "$tmp/block.image"
llvm-objcopy -O binary "$tmp/nomark/block.elf" "$tmp/block-nomark.image"
if ! cmp -s "$tmp/block.image" "$tmp/block-nomark.image"; then
  echo "check-guests: the EVM's dispatch mark (evm/profile.h) changes the block guest's loaded code; it must add none"
  exit 1
fi

toolchain=$(clang --version | head -1)
if [ "$toolchain" != "$(cat "$committed/TOOLCHAIN" 2>/dev/null)" ]; then
  echo "check-guests: guests build, but not compared: committed ELFs come from '$(cat "$committed/TOOLCHAIN" 2>/dev/null)', this is '$toolchain'"
  exit 0
fi
status=0
for built in "$tmp"/guests/*.elf; do
  name=$(basename "$built")
  if ! cmp -s "$built" "$committed/$name"; then
    echo "check-guests: $name differs from src/main/resources/guests/$name; run 'make guests' and commit the result"
    status=1
  fi
done
for file in "$committed"/*.elf; do
  [ -e "$tmp/guests/$(basename "$file")" ] || { echo "check-guests: $(basename "$file") has no sources in native/guest/programs"; status=1; }
done
[ $status -eq 0 ] && echo "check-guests: $(ls "$tmp"/guests/*.elf | wc -l) guests rebuilt, identical to the committed ELFs"
exit $status
