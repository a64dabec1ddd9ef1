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

# Prove and verify the example STARKs at a few heights (one JSON line each).
.PHONY: bench-stark
bench-stark: build
	for n in 12 14 16; do java -jar $(JAR) bench stark --log-rows $$n; done
	java -jar $(JAR) bench stark --air memory --log-rows 14
