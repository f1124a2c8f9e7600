#!/usr/bin/env bash
# Runs every test of Quali-Pilote: unit, HTTP and browser tests on SQLite, then the unit and HTTP tests on
# PostgreSQL when QUALIPILOTE_TEST_POSTGRES holds a connection string (see README). The browser tests check pages,
# not the database, so they run once. Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

logs=$(mktemp -d)
status=0

# The whole solution, bench/QualiPilote.Bench included: CI compiles the benchmarks (warnings as errors) but does not run them.
dotnet build QualiPilote.slnx -c Release -v quiet -nologo || exit 1

run_suite() {
  local label=$1 postgres=$2 target=$3
  echo "== Tests on $label"
  QUALIPILOTE_TEST_POSTGRES="$postgres" dotnet test "$target" -c Release --no-build -nologo 2>&1 | tee "$logs/$label.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
}

run_suite sqlite "" QualiPilote.slnx
if [ -n "${QUALIPILOTE_TEST_POSTGRES:-}" ]; then
  run_suite postgres "$QUALIPILOTE_TEST_POSTGRES" tests/QualiPilote.Tests
fi

cat "$logs"/*.log | awk -F'[:,]' '/^(Passed|Failed)! +- Failed:/ { f += $2; p += $4; s += $6 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
rm -rf "$logs"
exit $status
