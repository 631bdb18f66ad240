#!/usr/bin/env bash
# `make test`: builds everything and runs every suite. Each suite prints its
# own "N passed, N failed" line; the last line here adds them up for CI.
#
# Two lanes, to stay under 15 minutes on 2 cores (one lane took 20):
#   timed   suites whose verdicts come from timing code (Checks, demos in
#           Chromium), in the foreground at normal priority; the Check
#           suites run two at a time, one core each (desktop CPython beside
#           Pyodide, then the content as two halves): the Check is built to
#           hold with one other core busy (make bench shows it).
#   untimed suites that time nothing (C under ASan, Pyodide fact runs,
#           tracer, wasm vs native counts), at nice 10 beside them, so they
#           take the idle core without slowing the timed lane.
set -uo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
work=$(mktemp -d)
log=$work/log          # the suites' output, for the totals (one file per lane: log*)
failed=$work/failed    # one line per failed suite
times=$work/times      # "suite seconds", printed at the end
: >"$log"; : >"$failed"; : >"$times"

run() {   # run NAME COMMAND... : live output, into the lane's log; remember failures and time
  local name=$1; shift
  local start=$SECONDS
  echo "=== $name"
  if ! "$@" 2>&1 | tee -a "$log"; then echo "$name" >>"$failed"; fi
  echo "$name $((SECONDS - start))s" >>"$times"
}

run_quiet() {   # as run, but the output is shown whole once the suite ends (suites side by side)
  local name=$1; shift
  local start=$SECONDS out
  out=$(mktemp -p "$work")
  if ! "$@" >"$out" 2>&1; then echo "$name" >>"$failed"; fi
  { echo "=== $name"; cat "$out"; } | tee -a "$log.$name"
  echo "$name $((SECONDS - start))s" >>"$times"
}

untimed_lane() {
  local log=$work/log.untimed
  run "c-unit" nice -n 10 make -j"$JOBS" test-c
  for t in tests/cpython/test_*.py; do
    [ -e "$t" ] && run "cpython:$(basename "$t")" nice -n 10 python3 "$t" build/native/coursecore
  done
  run "fit-real" nice -n 10 python3 tests/fit_real/test_real_fit.py build/native/coursecore
  run "py:test_tracer.py" nice -n 10 python3 tests/py/test_tracer.py
  run "node:untimed" nice -n 10 node --test tests/node/content_pyodide.test.mjs tests/node/tracer_pyodide.test.mjs \
    tests/node/wasm_vs_native.test.mjs tests/node/judge.test.mjs tests/content/
}

run "build" make -j"$JOBS" build/native/coursecore build/wasm/coursecore.mjs
run "dist" make dist
untimed_lane >"$work/untimed.txt" 2>&1 &
untimed=$!

# The Checks under desktop CPython and under Pyodide side by side, one core
# each, as the content halves below.
run_quiet "py:test_checker.py" python3 tests/py/test_checker.py &
checker=$!
run "node:checks" node --test tests/node/pyodide_check.test.mjs
wait "$checker"
topics=(content/[0-9][0-9]_*/)
half=$(( (${#topics[@]} + 1) / 2 ))
as_args() { for d in "$@"; do printf -- '--topic\n%s\n' "$(basename "$d")"; done; }
mapfile -t first < <(as_args "${topics[@]:0:half}")
mapfile -t second < <(as_args "${topics[@]:half}")
run_quiet "content:1" python3 tests/content/verify_content.py "${first[@]}" &
content1=$!
run_quiet "content:2" python3 tests/content/verify_content.py "${second[@]}"
wait "$content1"
run "e2e" node --test --test-concurrency=1 tests/e2e/
wait "$untimed"
echo "=== untimed lane (ran beside the timed suites at nice 10)"
cat "$work/untimed.txt"

# node --test reports "# pass N" / "# fail N"; the C and Python suites
# report "N passed, N failed".
logs=("$work"/log*)
passed=$(cat "${logs[@]}" | grep -Eo '[0-9]+ passed, [0-9]+ failed' | awk '{p+=$1} END {print p+0}')
nfailed=$(cat "${logs[@]}" | grep -Eo '[0-9]+ passed, [0-9]+ failed' | awk '{f+=$3} END {print f+0}')
passed=$((passed + $(cat "${logs[@]}" | grep -E '^# pass [0-9]+' | awk '{s+=$3} END {print s+0}')))
nfailed=$((nfailed + $(cat "${logs[@]}" | grep -E '^# fail [0-9]+' | awk '{s+=$3} END {print s+0}')))
echo "time per suite: $(tr '\n' ' ' <"$times")"
suites=$(wc -l <"$failed")
if [ "$suites" -gt 0 ]; then
  echo "failed suites: $(tr '\n' ' ' <"$failed")"
  [ "$nfailed" -eq 0 ] && nfailed=$suites
fi
rm -rf "$work"
echo "total: $passed passed, $nfailed failed"
[ "$suites" -eq 0 ]
