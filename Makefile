# Memory & Performance -- one Makefile for the C core (native + wasm), the
# site, the tests and the benchmarks. Run `make help` for the targets.

SHELL      := /bin/bash
BUILD      := build
NATIVE     := $(BUILD)/native
ASAN       := $(BUILD)/asan
WASM       := $(BUILD)/wasm
DIST       := dist
PORT       ?= 8000

CC         ?= cc
CFLAGS_STD := -std=c99 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Ic_src
CFLAGS     ?= -O2
SANFLAGS   := -DCC_DEBUG -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
EMCC       := NODE_PATH=/usr/share/nodejs emcc

# Portable core: everything in c_src/ and c_src/demos/. Host glue lives in
# c_src/native/ (clock, CLI) and c_src/wasm/ (clock, exports) only.
CORE_SRC   := $(sort $(wildcard c_src/*.c) $(wildcard c_src/demos/*.c))
CORE_HDR   := $(wildcard c_src/*.h) $(wildcard c_src/demos/*.h)
NATIVE_SRC := $(filter-out c_src/native/coursecore.c,$(wildcard c_src/native/*.c))
TEST_SRC   := $(wildcard tests/c/test_*.c)
TEST_BINS  := $(patsubst tests/c/%.c,$(ASAN)/tests/%,$(TEST_SRC))

CORE_OBJ        := $(patsubst %.c,$(NATIVE)/obj/%.o,$(CORE_SRC) $(NATIVE_SRC))
CORE_OBJ_ASAN   := $(patsubst %.c,$(ASAN)/obj/%.o,$(CORE_SRC) $(NATIVE_SRC))

WASM_EXPORTS := c_src/wasm/exports.json
# -flto inlines across files (the hash set), bulk memory makes memmove fast,
# non-trapping float-to-int avoids slow conversions: median wasm/native
# time ratio 1.45 -> about 1.3 (make bench).
# WASM_NO_SELECT: LLVM's SimplifyCFG turns a short if/else (binary search's
# `lo = mid + 1` / `hi = mid`, a merge's pick of the smaller head) into
# selects, which V8 emits as cmov: a serial load -> compare -> cmov chain per
# step, where gcc's native build keeps a predicted branch. These keep the
# branch, as native has it (same code, same counts); given to clang and, for
# -flto, to the link-time optimizer (-Wl,-mllvm). Median 1.2-1.3 -> about 1.1.
WASM_NO_SELECT := $(foreach o,speculate-one-expensive-inst=false two-entry-phi-node-folding-threshold=0 \
	phi-node-folding-threshold=0,-mllvm -$(o) -Wl,-mllvm,-$(o))
WASM_FLAGS := -O2 -flto -mbulk-memory -mnontrapping-fptoint $(WASM_NO_SELECT) -std=c99 -Wall -Wextra -Werror -Ic_src \
	-sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createCoursecore \
	-sENVIRONMENT=web,worker -sALLOW_MEMORY_GROWTH -sTOTAL_STACK=1048576 \
	-sEXPORTED_FUNCTIONS=@$(WASM_EXPORTS) \
	-sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8 \
	-sFILESYSTEM=0

NPM_STAMP  := node_modules/.package-lock.json

.PHONY: all help deps native wasm web dist serve test test-c test-node test-content test-e2e \
	bench bench-fit clean

# Build everything a learner needs: the native CLI, the wasm core and the site.
all: dist

# List the targets with their one-line descriptions.
help:
	@awk '/^# / { doc = substr($$0, 3); next } /^[a-z0-9-]+:/ && doc { split($$0, t, ":"); printf "  make %-13s %s\n", t[1], doc } { doc = "" }' Makefile

# Install what is missing: Debian packages (as root) and npm packages from the lockfile.
deps:
	@tools/install_deps.sh

$(NPM_STAMP): package.json package-lock.json
	@tools/install_deps.sh

# ---------------------------------------------------------------- native --

$(NATIVE)/obj/%.o: %.c $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_STD) $(CFLAGS) -c $< -o $@

$(ASAN)/obj/%.o: %.c $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_STD) $(SANFLAGS) -c $< -o $@

$(NATIVE)/libcoursecore.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(ASAN)/libcoursecore.a: $(CORE_OBJ_ASAN)
	@rm -f $@
	ar rcs $@ $^

# Build the native library and the command-line tool build/native/coursecore.
native: $(NATIVE)/coursecore

$(NATIVE)/coursecore: c_src/native/coursecore.c $(NATIVE)/libcoursecore.a
	$(CC) $(CFLAGS_STD) $(CFLAGS) $< $(NATIVE)/libcoursecore.a -lm -o $@

$(ASAN)/coursecore: c_src/native/coursecore.c $(ASAN)/libcoursecore.a
	$(CC) $(CFLAGS_STD) $(SANFLAGS) $< $(ASAN)/libcoursecore.a -lm -o $@

$(ASAN)/tests/%: tests/c/%.c $(wildcard tests/c/*.h) $(ASAN)/libcoursecore.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_STD) $(SANFLAGS) -Itests/c $< $(ASAN)/libcoursecore.a -lm -o $@

# ------------------------------------------------------------------ wasm --

# Compile the same core to an ES module + .wasm for the Web Worker.
wasm: $(WASM)/coursecore.mjs

$(WASM)/coursecore.mjs: $(CORE_SRC) $(CORE_HDR) c_src/wasm/platform_wasm.c $(WASM_EXPORTS) Makefile
	@mkdir -p $(WASM)
	@command -v emcc >/dev/null || tools/install_deps.sh
	$(EMCC) $(WASM_FLAGS) $(CORE_SRC) c_src/wasm/platform_wasm.c -o $@

# ------------------------------------------------------------------ site --

# Build the static site into dist/ (self-host it by copying dist/ anywhere).
dist: $(NPM_STAMP) $(WASM)/coursecore.mjs $(NATIVE)/coursecore
	node tools/build_site.mjs

web: dist

# Install what is missing, build, and serve the course on http://127.0.0.1:8000 (PORT=...).
serve: deps dist
	node tools/serve.mjs --root $(DIST) --port $(PORT)

# ----------------------------------------------------------------- tests --

# Build and run every test: C (ASan/UBSan), wasm-vs-native, content, browser.
test: deps
	@tools/run_tests.sh

# C unit tests under AddressSanitizer and UndefinedBehaviorSanitizer.
test-c: $(TEST_BINS) $(ASAN)/coursecore
	@tools/run_c_tests.sh $(TEST_BINS)

# Node tests: the wasm build against the native CLI.
test-node: $(WASM)/coursecore.mjs $(NATIVE)/coursecore
	node --test tests/node/

# Content checks against real CPython (examples, solutions, quiz answers).
test-content: $(NATIVE)/coursecore dist
	python3 tests/content/verify_content.py

# End-to-end tests in headless Debian Chromium.
test-e2e: dist
	node --test --test-concurrency=1 tests/e2e/

# ------------------------------------------------------------ benchmarks --

# Wasm vs native time ratio; fit cost by points; Pyodide start-up and Check stability; 20 Checks in a row under load; the learner submissions.
bench: $(NATIVE)/coursecore $(NATIVE)/bench_fit_speed $(WASM)/coursecore.mjs dist
	node tools/bench/bench_wasm_vs_native.mjs
	$(NATIVE)/bench_fit_speed --scale
	node tools/bench/bench_browser.mjs
	node tools/bench/bench_checks.mjs
	node tools/bench/bench_submissions.mjs --path both
	node tools/bench/bench_load.mjs

$(NATIVE)/bench_fit_speed: tools/bench/bench_fit_speed.c $(NATIVE)/libcoursecore.a
	$(CC) $(CFLAGS_STD) $(CFLAGS) $< $(NATIVE)/libcoursecore.a -lm -o $@

# Accuracy of the complexity classifier: real timings (tests/fit_real), reliability on unseen suites, the synthetic suite.
bench-fit: $(NATIVE)/bench_fit $(NATIVE)/coursecore
	python3 tools/bench/real/score.py
	$(NATIVE)/bench_fit --unseen
	$(NATIVE)/bench_fit

$(NATIVE)/bench_fit: tools/bench/bench_fit.c $(NATIVE)/libcoursecore.a
	$(CC) $(CFLAGS_STD) $(CFLAGS) $< $(NATIVE)/libcoursecore.a -lm -o $@

# Remove build output.
clean:
	rm -rf $(BUILD) $(DIST)
