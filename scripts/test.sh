#!/usr/bin/env bash
# The one test command: `npm test` (developers) and `CI=true npm test` (.ci/run).
#
# 1. Installs what the tests need when it is missing (as root, from Debian's apt):
#    chromium (Playwright), an Arabic font (Noto Naskh Arabic, from fonts-noto-core),
#    fonts-liberation, and the PostgreSQL 15 server binaries (integration tests start
#    throwaway clusters with them; see test/support/postgres-cluster.ts).
# 2. `npm ci` when node_modules is missing or older than package-lock.json.
# 3. lint, typecheck, unit/integration tests (vitest), build (next build), e2e (playwright),
#    stopping at the first failure with its exit code.
#
# Fast and idempotent when everything is installed: nothing is fetched then.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

script_start=$(date +%s)
declare -a summary=()

banner() {
  printf '\n==============================================================================\n'
  printf '== %s\n' "$*"
  printf '==============================================================================\n'
}

elapsed_since() {
  local seconds=$(($(date +%s) - $1))
  printf '%dm%02ds' $((seconds / 60)) $((seconds % 60))
}

# step NAME COMMAND...: runs COMMAND under a banner, prints its time, exits on failure.
step() {
  local name=$1
  shift
  banner "$name: $*"
  local start rc=0
  start=$(date +%s)
  "$@" || rc=$?
  local took
  took=$(elapsed_since "$start")
  if [ "$rc" -ne 0 ]; then
    banner "FAILED: $name (exit $rc) after $took"
    for line in "${summary[@]+"${summary[@]}"}"; do printf '  %s\n' "$line"; done
    printf '  %-12s FAILED after %s\n' "$name" "$took"
    exit "$rc"
  fi
  summary+=("$(printf '%-12s ok in %s' "$name" "$took")")
  printf '\n-- %s ok in %s\n' "$name" "$took"
}

# ---------------------------------------------------------------------------------------
# System packages
# ---------------------------------------------------------------------------------------

have_chromium() { command -v chromium >/dev/null 2>&1; }
# Font lists are captured first: with pipefail, `fc-list | grep -q` can fail on SIGPIPE.
have_font_family() {
  command -v fc-list >/dev/null 2>&1 || return 1
  local families
  families=$(fc-list "${2:-}" family) || return 1
  grep -qi "$1" <<<"$families"
}
# DejaVu Sans alone already matches :lang=ar, so look for the Naskh face the design uses.
have_arabic_font() { have_font_family 'Noto Naskh Arabic' ':lang=ar'; }
have_liberation() { have_font_family 'Liberation Sans'; }
have_postgres() {
  [ -n "${TEST_DATABASE_URL:-}" ] && return 0
  [ -n "${PG_BIN_DIR:-}" ] && [ -x "$PG_BIN_DIR/initdb" ] && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

ensure_system_packages() {
  local -a missing=()
  have_chromium || missing+=(chromium)
  have_arabic_font || missing+=(fonts-noto-core)
  have_liberation || missing+=(fonts-liberation)
  have_postgres || missing+=(postgresql-15)

  if [ "${#missing[@]}" -eq 0 ]; then
    echo "chromium, Noto Naskh Arabic, Liberation fonts and PostgreSQL server binaries are present."
    return 0
  fi

  if [ "$(id -u)" -ne 0 ]; then
    cat >&2 <<EOF

!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
! Missing system packages: ${missing[*]}
! Not root, so not installing them. Install them with:
!   sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}
! (chromium: Playwright e2e; fonts-noto-core: Arabic font; postgresql-15: the
!  server binaries for the Postgres integration tests). Continuing; the steps that
!  need them will fail or warn.
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
EOF
    return 0
  fi

  echo "Installing: ${missing[*]}"
  # Keep Debian's maintainer scripts from starting services (postgresql-15's postinst
  # would start its 'main' cluster on port 5432; our tests use throwaway clusters).
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    made_policy=1
  fi
  local rc=0
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update || rc=$?
  if [ "$rc" -eq 0 ]; then
    apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}" || rc=$?
  fi
  if [ "$made_policy" -eq 1 ]; then rm -f "$policy"; fi
  return "$rc"
}

ensure_node_modules() {
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    echo "node_modules is up to date with package-lock.json."
  fi
}

step "system deps" ensure_system_packages
step "npm ci" ensure_node_modules

# ---------------------------------------------------------------------------------------
# Checks, in order; the first failure stops the run.
# ---------------------------------------------------------------------------------------

# No telemetry calls from the build or the servers (the network is closed here anyway).
export NEXT_TELEMETRY_DISABLED=1

step "lint" npm run lint
step "typecheck" npm run typecheck
step "vitest" npx vitest run
step "build" npm run build
step "playwright" npx playwright test

banner "ALL STEPS PASSED in $(elapsed_since "$script_start")"
for line in "${summary[@]}"; do printf '  %s\n' "$line"; done
