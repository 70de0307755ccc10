#!/usr/bin/env bash
# Runs every test suite of ShareFlow: builds the whole solution (warnings are errors), then runs every test project.
# Fails when a test fails, when the build fails, or when no test ran at all.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d "${TMPDIR:-/tmp}/shareflow-test-results.XXXXXX")"
trap 'rm -rf "$results"' EXIT

echo "== Build"
dotnet build ShareFlow.slnx --nologo -v quiet -clp:ErrorsOnly

echo "== .NET test projects"
status=0
dotnet test ShareFlow.slnx --no-build --nologo --logger "trx" --results-directory "$results" || status=$?

# Add up the counters of every result file: "N passed, N failed" is the line CI reads.
passed=0; failed=0; total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
done

echo
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  echo "0 passed, 0 failed"
  exit 1
fi
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
