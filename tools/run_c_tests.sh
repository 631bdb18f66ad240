#!/usr/bin/env bash
# Runs each C test binary given on the command line; every one prints
# "NAME: N passed, N failed". Fails if any binary fails.
# The binaries time demos with the CPU clock (see platform_native.c): make
# test runs them at nice 10 beside suites that keep both cores busy.
set -u
export COURSECORE_CLOCK=cpu
status=0
for bin in "$@"; do
  "$bin" || status=1
done
exit $status
