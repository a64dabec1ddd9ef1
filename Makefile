# l2-prover — the usual entry points. `make test` is what CI runs.
MVN ?= ./mvnw -B -ntp
JAR := target/l2-prover.jar
# Transparent huge pages for the JVM heap: a 2^20-row segment proves in about 0.8 of the time,
# with half the system time (docs/rv32im-air.md, "Transparent huge pages").
JAVA ?= java -XX:+UseTransparentHugePages

.PHONY: build test run init-l2-prover docker clean

build:
	$(MVN) -DskipTests package

test:
	$(MVN) verify
	$(MAKE) --no-print-directory check-ptx kernel-host-tests

# The demo proves for real (two blocks of one signed transfer each, under a minute on 2 cores);
# `make run DEV=1` runs it in dev mode (fake receipts, eight blocks of transfers, seconds).
run: build
	$(JAVA) -jar $(JAR) demo $(if $(DEV),--dev)

# The prover client in dev mode, as the seed started it.
init-l2-prover: build
	PROVER_DEV_MODE=true $(JAVA) -jar $(JAR) client

docker:
	docker build -f Dockerfile.cuda -t l2-prover:cuda .

clean:
	$(MVN) -q clean

# The reference server over the shared load-test chain, in dev mode (pair it with init-l2-prover).
TESTDATA ?= ../shared/testdata
.PHONY: serve-testdata
serve-testdata: build
	PROVER_DEV_MODE=true $(JAVA) -jar $(JAR) server --genesis $(TESTDATA)/genesis-l2.json --chain $(TESTDATA)/l2-loadtest.rlp

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
	$(JAVA) -jar $(JAR) bench exec

test: check-guests

# Block guest (native/guest/programs/block): host unit tests of its C modules, then the guest
# on generated and l2-loadtest blocks, built for the host and as the rv32im ELF under qemu.
.PHONY: test-block-guest
test-block-guest:
	$(MAKE) -C native/guest/programs/block/test
test: test-block-guest

# The block guest's EVM (native/guest/programs/block/evm, docs/evm.md): known-answer tests, then
# a fixed sample of the ethereum/tests blockchain fixtures on the host runner (a few minutes);
# `make ethereum-tests` runs every fixture on the host runner, the block guest (host build), and
# `block test`: the block guest in our executor by the witness-oracle route (docs/evm.md); a fixed
# sample of the last runs in `mvn verify` (FixtureRunnerTest).
# A block test over this many cycles is skipped, by name (the few stTimeConsuming and vmPerformance
# giants run for minutes each in the executor); set it higher to run them too.
BLOCK_TEST_MAX_CYCLES ?= 500000000
ETHEREUM_TESTS ?= $(abspath $(or $(L2PROVER_TESTDATA),$(TESTDATA)))/ethereum-tests/BlockchainTests
.PHONY: test-evm ethereum-tests
test-evm:
	$(MAKE) -C native/guest/programs/block/evm/test FIXTURES=$(ETHEREUM_TESTS)
test: test-evm
ethereum-tests: build
	$(MAKE) -C native/guest/programs/block/evm/test FIXTURES=$(ETHEREUM_TESTS) all-fixtures guest-fixtures
	$(JAVA) -jar $(JAR) block test --fixtures $(ETHEREUM_TESTS) --max-cycles $(BLOCK_TEST_MAX_CYCLES)

# Java chain layer costs (JMH): sender recovery, block validation, guest input building.
.PHONY: bench-chain
bench-chain:
	$(MVN) test -Dtest=ChainBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false

# ---- CUDA kernels (native/cuda, docs/gpu.md) ----
# The PTX is committed (src/main/resources/cuda) and bundled in the jar: building the jar needs
# no CUDA toolkit. `make ptx` regenerates it with nvcc 13.0; `make check-ptx` checks it is current.
NVCC ?= nvcc
CXX_HOST ?= $(shell command -v g++ >/dev/null 2>&1 && echo g++ || echo clang++)
CUDA_DIR := native/cuda
CUDA_SOURCES := $(CUDA_DIR)/kernels.cu $(wildcard $(CUDA_DIR)/*.cuh)
PTX := src/main/resources/cuda/l2prover.ptx
# compute_75: the oldest target of CUDA 13, JIT-compiled by the driver for the actual GPU.
NVCC_PTX_FLAGS := -ptx -arch=compute_75 -O3 -std=c++17
KERNEL_VECTORS := target/kernel-vectors

.PHONY: ptx check-ptx test-kernels kernel-vectors kernel-host-tests perf_gpu init-l2-prover-gpu

ptx: $(PTX)

$(PTX): $(CUDA_SOURCES)
	@mkdir -p $(dir $@)
	cd $(CUDA_DIR) && $(NVCC) $(NVCC_PTX_FLAGS) kernels.cu -o $(CURDIR)/$@

check-ptx:
	@if ! command -v $(NVCC) >/dev/null 2>&1; then \
	  echo "check-ptx: skipped, no nvcc on PATH (the committed $(PTX) is used as is)"; \
	else \
	  mkdir -p target/ptx-check && \
	  (cd $(CUDA_DIR) && $(NVCC) $(NVCC_PTX_FLAGS) kernels.cu -o $(CURDIR)/target/ptx-check/l2prover.ptx) && \
	  if cmp -s target/ptx-check/l2prover.ptx $(PTX); then \
	    echo "check-ptx: $(PTX) matches native/cuda"; \
	  else \
	    want=$$(sed -n 's/^\/\/ Cuda compilation tools, //p' $(PTX)); \
	    have=$$(sed -n 's/^\/\/ Cuda compilation tools, //p' target/ptx-check/l2prover.ptx); \
	    if [ "$$want" != "$$have" ]; then \
	      echo "check-ptx: skipped, $(PTX) was built by nvcc $$want, this nvcc is $$have"; \
	    else \
	      echo "check-ptx: $(PTX) is stale: run 'make ptx' and commit it" >&2; exit 1; \
	    fi; \
	  fi; \
	fi

# The kernel code compiled for the host, checked against the Java CPU backend's vectors.
test-kernels: kernel-vectors kernel-host-tests

kernel-vectors:
	$(MVN) -q test -Dtest=KernelVectorFilesTest -Dsurefire.failIfNoSpecifiedTests=false

kernel-host-tests:
	@mkdir -p target/kernel-tests
	$(CXX_HOST) -O2 -std=c++17 -Wall -Wextra -Wno-unknown-pragmas -o target/kernel-tests/kernel_tests \
	  $(CUDA_DIR)/test/kernel_tests.cpp
	target/kernel-tests/kernel_tests $(KERNEL_VECTORS)

# GPU equality tests and kernel benchmarks (skipped with a message where there is no usable GPU).
.PHONY: test-gpu
test-gpu: build
	$(MVN) test -Dtest='Cuda*Test' -DexcludedGroups= -Dgroups=gpu -Dsurefire.failIfNoSpecifiedTests=false
	$(JAVA) -jar $(JAR) bench gpu

# Proves block PERF_BLOCK of the load test with the backend PROVER_GPU selects (auto: the GPU if
# usable; on: the GPU or one line and exit 1; off: the CPU) in segments of 2^PERF_PO2 cycles and
# prints one JSON line: gas, cycles, seconds, gas_per_s, cycles_per_s, seconds_per_segment, backend.
# Block 1 (no transactions, 356,664 cycles) takes about a minute on 2 CPU cores; the blocks of
# transfers (billions of cycles without precompile chips) are out of reach. Not part of `make test`.
PERF_BLOCK ?= 1
PERF_PO2 ?= 18
perf_gpu: build
	@$(JAVA) -jar $(JAR) block prove --genesis $(TESTDATA)/genesis-l2.json --chain $(TESTDATA)/l2-loadtest.rlp \
	  --number $(PERF_BLOCK) --po2 $(PERF_PO2) --json

# The block guest on block 4 of the load test (1185 transfers) in the zkVM executor, no proving
# (precompiles on, as the executor runs them): one JSON line with gas, cycles, seconds, gas_per_s.
# About a minute on 2 cores. Not part of `make test`.
.PHONY: perf_test_proving
perf_test_proving: build
	@$(JAVA) -jar $(JAR) block execute --genesis $(TESTDATA)/genesis-l2.json --chain $(TESTDATA)/l2-loadtest.rlp \
	  --number 4 --json

# The prover client with the GPU required (PROVER_GPU=on fails clearly without one).
init-l2-prover-gpu: build
	PROVER_DEV_MODE=true PROVER_GPU=on $(JAVA) -jar $(JAR) client
# Prove and verify the example STARKs at a few heights (one JSON line each).
.PHONY: bench-stark
bench-stark: build
	for n in 12 14 16; do $(JAVA) -jar $(JAR) bench stark --log-rows $$n; done
	$(JAVA) -jar $(JAR) bench stark --air memory --log-rows 14

# The RV32IM soundness harness at length: random single-cell trace changes, each proven by the
# unchecked prover, must be rejected exactly when the debug constraint checker rejects them
# (CI runs 200 trials inside `make test`, 1.6 to 2 s each on 2 quiet cores; SOUNDNESS_TRIALS=N,
# SOUNDNESS_SEED=S to vary).
SOUNDNESS_TRIALS ?= 300
SOUNDNESS_SEED ?= 7
.PHONY: soundness
soundness:
	$(MVN) test -Dtest=Rv32imSoundnessTest -Dsurefire.failIfNoSpecifiedTests=false \
		-Dsoundness.trials=$(SOUNDNESS_TRIALS) -Dsoundness.seed=$(SOUNDNESS_SEED)

# Every bundled guest that exits, proven and verified against the executor and qemu-riscv32, and
# block 1 of the load test proven with the block guest
# (an hour or more on 2 cores; CI proves hello and random programs).
.PHONY: prove-guests
prove-guests:
	$(MVN) test -Dtest=DifferentialProofTest,BlockProveTest -Dsurefire.failIfNoSpecifiedTests=false -Dprove.guests=all

# Soak: a server and a real client (dev mode: the block guest executed, fake receipts) as processes
# on loopback, the client alone for a third of SOAK_SECONDS, then under a hostile mix (idle and
# trickling connections, oversized and garbage streams, forged receipts) with kills and restarts of
# the client. Prints one JSON line (also target/soak-summary.json); fails if anything acknowledged
# was lost or accepted twice. Not part of `make test`.
SOAK_SECONDS ?= 180
.PHONY: soak
soak:
	$(MVN) test -Dtest=SoakRun -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.seconds=$(SOAK_SECONDS)
