#!/usr/bin/env bash
# The ceiling of the engine benchmark's ratio on this machine: pgbench, which costs next to nothing on the client, sends
# the engine's own statements for one instance of approval.bpmn (engine-approval.sql) and, alternately, the benchmark's
# single-row commit baseline (commit-baseline.sql). No client can reach a higher ratio than the SQL alone while writing
# the same rows. A second variant leaves out the history rows and the timer rows (waits), to show what they cost.
#
# Usage: ceiling.sh [rounds] [seconds-per-run]   (default 8 rounds of 3 s)
# The database is the one the engine benchmark used (`--db postgres`), so that its schema and the sharingApproval
# definition are there; pgbench connects through the usual PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGDATABASE). Each round runs: baseline, engine, engine without history and timer rows, baseline; the ratios are
# taken against the mean of the two baselines around them, as the engine benchmark's are (instances/s × 2 ÷ commits/s).
# Prints a line per round and, last, one JSON line with the medians.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-8}"
seconds="${2:-3}"
command -v pgbench >/dev/null || { echo "pgbench is not installed (Debian: postgresql-client)." >&2; exit 2; }

definition=$(psql -qAt -v ON_ERROR_STOP=1 -c \
  "SELECT id || ' ' || version FROM process_definitions WHERE key = 'sharingApproval' ORDER BY version DESC LIMIT 1" 2>/dev/null || true)
[ -n "$definition" ] || { echo "No sharingApproval definition: run the engine benchmark with --db postgres against this database first." >&2; exit 2; }
read -r definition_id definition_version <<<"$definition"

work="$(mktemp -d)"
trap 'rm -rf "$work"; psql -qAt -c "DROP TABLE IF EXISTS bench_ceiling_commits" >/dev/null 2>&1 || true' EXIT
psql -qAt -v ON_ERROR_STOP=1 -c "CREATE TABLE IF NOT EXISTS bench_ceiling_commits (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)" >/dev/null
# The variant without history and timer rows: the same script less those statements.
grep -v -e '^INSERT INTO history' -e '^INSERT INTO waits' -e 'DELETE FROM waits' "$here/engine-approval.sql" >"$work/without-history.sql"

rate() {
  local out
  out=$(pgbench -n -M prepared -T "$seconds" -D definition_id="$definition_id" -D definition_version="$definition_version" -f "$1" 2>&1) ||
    { echo "$out" >&2; exit 1; }
  grep -oP 'tps = \K[0-9.]+' <<<"$out"
}

cat >"$work/median.py" <<'EOF'
import json, statistics, sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
print(json.dumps({
    "rounds": len(rows),
    "commitBaselinePerSecond": round(statistics.median(r[0] for r in rows)),
    "engineSqlPerSecond": round(statistics.median(r[1] for r in rows), 1),
    "ceilingRatioPercent": round(statistics.median(200 * r[1] / r[0] for r in rows), 1),
    "withoutHistoryAndTimersRatioPercent": round(statistics.median(200 * r[2] / r[0] for r in rows), 1),
}))
EOF

for round in $(seq 1 "$rounds"); do
  before=$(rate "$here/commit-baseline.sql")
  engine=$(rate "$here/engine-approval.sql")
  bare=$(rate "$work/without-history.sql")
  after=$(rate "$here/commit-baseline.sql")
  baseline=$(python3 -c "print(($before + $after) / 2)")
  echo "$baseline $engine $bare" >>"$work/rounds"
  python3 -c "b = $baseline; print('round $round: baseline %.0f commits/s, engine SQL %.0f instances/s (%.1f %%), without history and timer rows %.1f %%' % (b, $engine, 200 * $engine / b, 200 * $bare / b))"
done
python3 "$work/median.py" "$work/rounds"
