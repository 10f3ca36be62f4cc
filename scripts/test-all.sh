#!/usr/bin/env bash
# `npm test`: build, compile, lint (eslint, eslint.config.mjs), format (Prettier), unit + CLI tests, the fuzz stage
# (every CLI command over a hostile repository written at test time), the integration suite inside VS Code
# (code-server), the Restricted Mode suite (same runner, workspace untrusted), the examples suite (a copy of examples/
# as the workspace), the packaged .vsix as a user sees it. Build or compile failures stop the
# run (everything after depends on them); the test stages all run so one report shows every failure. Any failing stage
# fails the whole. The integration stages need code-server and chromium: scripts/install-code-server.sh installs them
# when missing (idempotent); where it cannot (no apt-get, not root), each such stage is skipped with one line saying
# why, and the run passes if every stage that ran passed — unless BURNRATE_NO_SKIP=1 (.ci/run sets it): then a skip
# is a failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

logs=test-results/stages
mkdir -p "$logs"
names=() statuses=() seconds=() counts=()
SKIPPED=skipped

# run_stage <name> <command...>: runs it with output shown and kept in $logs/<name>.log; records status and time.
run_stage() {
  local name=$1
  shift
  printf '\n===== %s: %s\n' "$name" "$*"
  local start=$SECONDS
  "$@" 2>&1 | tee "$logs/$name.log"
  local status=${PIPESTATUS[0]}
  names+=("$name")
  statuses+=("$status")
  seconds+=($((SECONDS - start)))
  counts+=("$(summary_of "$logs/$name.log")")
  return "$status"
}

# The pass/fail counts a stage printed: mocha's "N passing / N failing", or our runners' "N passed, N failed".
summary_of() {
  local passing failing
  passing=$(grep -Eo '^ *[0-9]+ passing' "$1" | tail -1 | grep -Eo '[0-9]+')
  failing=$(grep -Eo '^ *[0-9]+ failing' "$1" | tail -1 | grep -Eo '[0-9]+')
  if [ -n "$passing" ] || [ -n "$failing" ]; then
    echo "${passing:-0} passing, ${failing:-0} failing"
  else
    grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1
  fi
}

print_summary() {
  local failed=0 i total_passed=0 total_failed=0 skipped=0
  print_failures
  printf '\n===== stages\n'
  for i in "${!names[@]}"; do
    local mark=PASS
    if [ "${statuses[$i]}" = "$SKIPPED" ]; then
      printf '  %-4s %-21s %4ss  %s\n' SKIP "${names[$i]}" 0 "${counts[$i]}"
      skipped=$((skipped + 1))
      continue
    fi
    [ "${statuses[$i]}" -eq 0 ] || { mark=FAIL; failed=1; }
    printf '  %-4s %-21s %4ss  %s\n' "$mark" "${names[$i]}" "${seconds[$i]}" "${counts[$i]}"
    local p f
    p=$(echo "${counts[$i]}" | grep -Eo '^[0-9]+' || true)
    f=$(echo "${counts[$i]}" | grep -Eo '[0-9]+ (failing|failed)' | grep -Eo '^[0-9]+' || true)
    total_passed=$((total_passed + ${p:-0}))
    total_failed=$((total_failed + ${f:-0}))
    # A stage that failed without reporting a failing test (crash, timeout, build error) still counts as a failure.
    if [ "${statuses[$i]}" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then total_failed=$((total_failed + 1)); fi
  done
  local ran="all stages passed"
  [ "$skipped" -eq 0 ] || ran="every stage that ran passed ($skipped skipped, see above)"
  [ "$failed" -eq 0 ] && echo "npm test: $ran" || echo "npm test: FAILED (stage logs in $logs/)"
  # The one closing line CI reads: every test of every stage.
  echo "${total_passed} passed, ${total_failed} failed"
  return "$failed"
}

# The failing tests of each failed stage, with the first line of each error, right above the stages table: CI keeps
# only the tail of a run, and a count alone does not say what broke. Mocha numbers its failures ("  1) title");
# our runners mark them "  ✗ title", with the error indented below.
print_failures() {
  local i
  for i in "${!names[@]}"; do
    [ "${statuses[$i]}" = "$SKIPPED" ] || [ "${statuses[$i]}" -eq 0 ] && continue
    printf '\n===== failures in %s (first 20, each with its next line)\n' "${names[$i]}"
    grep -E -A1 '^ +(✗ |[0-9]+\) )' "$logs/${names[$i]}.log" | grep -v '^--$' | cut -c1-200 | head -40
  done
}

# skip_stage <name> <why>: records a stage that did not run; a failure under BURNRATE_NO_SKIP=1.
skip_stage() {
  printf '\n===== %s: SKIPPED (%s)\n' "$1" "$2"
  names+=("$1")
  if [ "${BURNRATE_NO_SKIP:-}" = 1 ]; then statuses+=(1); else statuses+=("$SKIPPED"); fi
  seconds+=(0)
  counts+=("skipped: $2")
}

# Installs code-server and chromium when missing. Prints the reason and returns 3 when it cannot here.
integration_tools() {
  local status
  bash scripts/install-code-server.sh 2>&1 | tee "$logs/install-code-server.log"
  status=${PIPESTATUS[0]}
  [ "$status" -eq 3 ] && cannot_install=$(grep -o 'cannot install.*' "$logs/install-code-server.log" | tail -1)
  return "$status"
}

integration_stages() {
  run_stage integration node out/node/test/integration/runCodeServer.js
  run_stage integration-untrusted node out/node/test/integration/runCodeServer.js --untrusted
  run_stage integration-examples node out/node/test/integration/runCodeServer.js --examples
  run_stage vsix node out/node/test/integration/vsixCheck.js
}

if run_stage build node esbuild.js && run_stage compile npx tsc -p .; then
  # Lint failures (floating promises, ==, vscode in src/core…): `npm run lint:fix` mends some, the rest say how.
  run_stage lint npm run --silent lint
  # Formatting (Prettier, .prettierrc.json): `npm run format` rewrites what this stage lists.
  run_stage format npm run --silent format:check
  run_stage unit+cli npx mocha
  run_stage fuzz npx mocha --no-config --timeout 900000 'out/node/test/fuzz/**/*.test.js'
  cannot_install=''
  printf '\n===== integration tools: bash scripts/install-code-server.sh\n'
  integration_tools
  tools=$?
  if [ "$tools" -eq 0 ]; then
    integration_stages
  elif [ "$tools" -eq 3 ]; then
    for stage in integration integration-untrusted integration-examples vsix; do skip_stage "$stage" "${cannot_install:-code-server cannot be installed here}"; done
  else
    names+=("integration-tools") statuses+=("$tools") seconds+=(0) counts+=("install failed, see $logs/install-code-server.log")
  fi
fi
print_summary
