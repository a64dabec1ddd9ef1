# l2-prover — the usual entry points. `make test` is what CI runs.
MVN ?= ./mvnw -B -ntp
JAR := target/l2-prover.jar

.PHONY: build test run init-l2-prover docker clean

build:
	$(MVN) -DskipTests package

test:
	$(MVN) verify

run: build
	java -jar $(JAR) demo

# The prover client in dev mode, as the seed started it.
init-l2-prover: build
	PROVER_DEV_MODE=true java -jar $(JAR) client

docker:
	docker build -f Dockerfile.cuda -t l2-prover:cuda .

clean:
	$(MVN) -q clean

# The reference server over the shared load-test chain, in dev mode (pair it with init-l2-prover).
TESTDATA ?= ../shared/testdata
.PHONY: serve-testdata
serve-testdata: build
	PROVER_DEV_MODE=true java -jar $(JAR) server --genesis $(TESTDATA)/genesis-l2.json --chain $(TESTDATA)/l2-loadtest.rlp

# --- zkVM guests and executor (native/guest, docs/executor.md) ---
.PHONY: guests check-guests bench-exec

# Rebuild the guest ELFs bundled in the jar (needs clang and lld).
guests:
	$(MAKE) -C native/guest

# Fail if the committed guest ELFs are not what the sources build.
check-guests:
	native/guest/check-guests.sh

# Executor speed against qemu-riscv32 on the bundled bench guest.
bench-exec: build
	java -jar $(JAR) bench-exec

test: check-guests

# Block guest (native/guest/programs/block): host unit tests of its C modules, then the guest
# on generated and l2-loadtest blocks, built for the host and as the rv32im ELF under qemu.
.PHONY: test-block-guest
test-block-guest:
	$(MAKE) -C native/guest/programs/block/test
test: test-block-guest

# Java chain layer costs (JMH): sender recovery, block validation, guest input building.
.PHONY: bench-chain
bench-chain:
	$(MVN) test -Dtest=ChainBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false

# Prove and verify the example STARKs at a few heights (one JSON line each).
.PHONY: bench-stark
bench-stark: build
	for n in 12 14 16; do java -jar $(JAR) bench stark --log-rows $$n; done
	java -jar $(JAR) bench stark --air memory --log-rows 14
