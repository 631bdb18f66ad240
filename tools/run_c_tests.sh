#!/usr/bin/env bash
# Runs each C test binary given on the command line; every one prints
# "NAME: N passed, N failed". Fails if any binary fails.
set -u
status=0
for bin in "$@"; do
  "$bin" || status=1
done
exit $status
