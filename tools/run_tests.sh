#!/usr/bin/env bash
# `make test`: builds everything and runs every suite, in order of cost.
# Each suite prints its own "N passed, N failed" line; the last line here
# adds them up for CI.
set -uo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
log=$(mktemp)
failed_suites=()
timings=()   # "suite seconds", printed at the end to keep the whole run under 15 minutes

run() {   # run NAME COMMAND... : tee output into the log, remember failures
  local name=$1; shift
  echo "=== $name"
  local start=$SECONDS
  if ! "$@" 2>&1 | tee -a "$log"; then failed_suites+=("$name"); fi
  timings+=("$name $((SECONDS - start))s")
}

run "build" make -j"$JOBS" build/native/coursecore build/wasm/coursecore.mjs
run "c-unit" make -j"$JOBS" test-c
for t in tests/cpython/test_*.py; do
  [ -e "$t" ] && run "cpython:$(basename "$t")" python3 "$t" build/native/coursecore
done
run "fit-real" python3 tests/fit_real/test_real_fit.py build/native/coursecore
for t in tests/py/test_*.py; do
  [ -e "$t" ] && run "py:$(basename "$t")" python3 "$t"
done
run "node" node --test tests/node/ tests/content/
run "dist" make dist
run "content" python3 tests/content/verify_content.py
run "e2e" node --test --test-concurrency=1 tests/e2e/

# node --test reports "# pass N" / "# fail N"; the C and Python suites
# report "N passed, N failed".
passed=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | awk '{p+=$1} END {print p+0}')
failed=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | awk '{f+=$3} END {print f+0}')
passed=$((passed + $(grep -E '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
failed=$((failed + $(grep -E '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
rm -f "$log"
echo "time per suite: ${timings[*]}"
if [ ${#failed_suites[@]} -gt 0 ]; then
  echo "failed suites: ${failed_suites[*]}"
  [ "$failed" -eq 0 ] && failed=${#failed_suites[@]}
fi
echo "total: $passed passed, $failed failed"
[ ${#failed_suites[@]} -eq 0 ]
