#!/usr/bin/env bash
# Rebuilds every guest into a temporary directory and fails if any differs from the ELF committed
# under src/main/resources/guests (the jar ships those, so they must be what the sources build).
# Skips with a message without clang/lld, and compares only with the toolchain that built the
# committed files (recorded in TOOLCHAIN): another clang may emit other, equally valid, code.
set -euo pipefail
cd "$(dirname "$0")"
committed=../../src/main/resources/guests

if ! command -v clang >/dev/null || ! command -v ld.lld >/dev/null; then
  echo "check-guests: skipped, clang and lld are not installed (apt-get install clang lld)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s OUT="$tmp/guests" OBJ="$tmp/obj" >/dev/null

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
