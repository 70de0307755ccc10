#!/usr/bin/env bash
# Runs every test suite of ShareFlow: starts a throw-away PostgreSQL server, installs the front-end's packages, builds
# the whole solution (warnings are errors; the Host's build also builds the front-end in Designer/), then runs the
# front-end's unit tests (Vitest) and every .NET test project, the browser tests included. Fails when a test fails, when
# the build fails, or when no test ran at all; the last line is "N passed, N failed" over all of them.
#
# PostgreSQL: Debian's `postgresql` package is installed when initdb/pg_ctl are missing; a cluster is created in a
# temporary folder, started on 127.0.0.1 on a free port and removed on exit. The tests find it through
# SHAREFLOW_TEST_POSTGRES. With CI=true a server that cannot be installed or started fails the run; elsewhere a
# warning is printed and the PostgreSQL tests fail, saying that SHAREFLOW_TEST_POSTGRES is not set.
#
# Browser tests: they drive Debian's /usr/bin/chromium (never a downloaded browser); `chromium` and `fonts-noto-cjk`
# (so that Chinese renders) are installed when it is missing. With CI=true a chromium that cannot be installed fails the
# run; elsewhere a warning is printed and the browser tests fail. Their screenshots are kept in artifacts/browser/.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d "${TMPDIR:-/tmp}/shareflow-test-results.XXXXXX")"
pg_dir=""
pg_bin=""
pg_started=0

as_pg_owner() {
  # initdb and postgres refuse to run as root: as root, the cluster belongs to the `postgres` user the package made.
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cleanup() {
  if [ "$pg_started" -eq 1 ]; then
    as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_dir" ]; then rm -rf "$pg_dir"; fi
  rm -rf "$results"
}
trap cleanup EXIT

find_pg_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
    return 0
  fi
  return 1
}

apt_updated=0

# Installs Debian packages with apt-get (as root, or through sudo without a password).
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Not root and no sudo: cannot install $*." >&2; return 1; }
    sudo=(sudo -n)
  fi
  echo "Installing Debian's package(s): $*"
  if [ "$apt_updated" -eq 0 ]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || return 1
    apt_updated=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

install_pg() { apt_install postgresql; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_pg() {
  pg_bin=$(find_pg_bin) || { install_pg && pg_bin=$(find_pg_bin); } || { echo "PostgreSQL is not installed and could not be installed." >&2; return 1; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "Running as root, but there is no 'postgres' user to own the cluster." >&2
    return 1
  fi

  # Called as `if ! start_pg`, where `set -e` does not apply: every step checks for itself.
  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/shareflow-postgres.XXXXXX")" || { pg_dir=""; return 1; }
  local password="shareflow-test"
  chmod 755 "$pg_dir" && printf '%s\n' "$password" >"$pg_dir/pwfile" || return 1
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$pg_dir" || return 1; fi

  # The superuser connects over the cluster's own socket (trust); the tests connect over TCP with a password.
  as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --pwfile="$pg_dir/pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 ||
    { cat "$pg_dir/initdb.log" >&2; return 1; }
  pg_started=1 # from here on, the exit trap stops whatever server may be running

  local attempt port=""
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    if port_in_use "$port"; then continue; fi
    # Throw-away data: durability settings off make the per-test databases cheap to create and drop.
    if as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "PostgreSQL did not start:" >&2
    tail -20 "$pg_dir/server.log" >&2 || true
    return 1
  fi

  local psql="$pg_bin/psql"
  [ -x "$psql" ] || psql=psql
  as_pg_owner "$psql" -h "$pg_dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE shareflow LOGIN CREATEDB PASSWORD '$password'" \
    -c "CREATE DATABASE shareflow OWNER shareflow" >/dev/null || return 1

  export SHAREFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=shareflow;Password=$password;Database=shareflow"
  echo "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port"
}

echo "== PostgreSQL"
if [ -n "${SHAREFLOW_TEST_POSTGRES:-}" ]; then
  echo "Using the server SHAREFLOW_TEST_POSTGRES names."
elif ! start_pg; then
  if [ "${CI:-}" = "true" ]; then
    echo "CI: PostgreSQL could not be installed or started." >&2
    exit 1
  fi
  echo "WARNING: PostgreSQL could not be installed or started; the PostgreSQL tests will fail (SHAREFLOW_TEST_POSTGRES is not set)." >&2
  unset SHAREFLOW_TEST_POSTGRES
fi

echo "== Chromium (browser tests)"
chromium=/usr/bin/chromium
has_chinese_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; }
if [ ! -x "$chromium" ]; then
  if ! apt_install chromium fonts-noto-cjk || [ ! -x "$chromium" ]; then
    if [ "${CI:-}" = "true" ]; then
      echo "CI: chromium could not be installed; the browser tests need $chromium." >&2
      exit 1
    fi
    echo "WARNING: chromium could not be installed; the browser tests will fail." >&2
  fi
elif ! has_chinese_font; then
  apt_install fonts-noto-cjk || echo "WARNING: fonts-noto-cjk could not be installed; Chinese shows as boxes in screenshots." >&2
fi
if [ -x "$chromium" ]; then "$chromium" --version 2>/dev/null || true; fi
# The tests drive that chromium; nothing may fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export SHAREFLOW_BROWSER_ARTIFACTS="$PWD/artifacts/browser"
rm -rf "$SHAREFLOW_BROWSER_ARTIFACTS"

echo "== Front-end packages (Designer/)"
command -v npm >/dev/null 2>&1 || { echo "npm is missing: the front-end needs Node.js 20.19 or later with npm." >&2; exit 1; }
(cd Designer && npm ci --no-audit --no-fund --loglevel=error)

echo "== Build"
dotnet build ShareFlow.slnx --nologo -v quiet -clp:ErrorsOnly

status=0
echo "== Front-end unit tests (Vitest)"
mkdir -p "$results/vitest"
(cd Designer && npm test -- --passWithNoTests --reporter=default --reporter=json --outputFile.json="$results/vitest/vitest.json") || status=$?

echo "== .NET test projects"
# One results folder per test project, so no two result files can collide.
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "-- $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" || status=$?
done

# Add up the counters of every result file: "N passed, N failed" is the line CI reads.
passed=0; failed=0; total=0
shopt -s nullglob
for trx in "$results"/*/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
done

# Vitest's JSON report (Jest's format) counts the front-end's tests.
if [ -f "$results/vitest/vitest.json" ] && vitest_counts=$(node -e '
    const report = require(process.argv[1]);
    console.log(report.numPassedTests, report.numFailedTests, report.numTotalTests);' "$results/vitest/vitest.json"); then
  read -r vitest_passed vitest_failed vitest_total <<<"$vitest_counts"
  total=$((total + vitest_total))
  passed=$((passed + vitest_passed))
  failed=$((failed + vitest_failed))
else
  echo "Vitest wrote no report: the front-end's tests did not run." >&2
  status=1
fi

echo
if [ -d "$SHAREFLOW_BROWSER_ARTIFACTS" ]; then
  echo "Browser test screenshots: $SHAREFLOW_BROWSER_ARTIFACTS"
fi
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  echo "0 passed, 0 failed"
  exit 1
fi
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
