#!/usr/bin/env bash
# `npm test`: build, compile, unit + CLI tests, the fuzz stage (every CLI command over a hostile repository written at
# test time), the integration suite inside VS Code (code-server), the Restricted Mode
# suite (same runner, workspace untrusted), the packaged .vsix as a user sees it. Build or compile failures stop the
# run (everything after depends on them); the test stages all run so one report shows every failure. Any failing stage
# fails the whole.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

logs=test-results/stages
mkdir -p "$logs"
names=() statuses=() seconds=() counts=()

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
  local failed=0 i total_passed=0 total_failed=0
  printf '\n===== stages\n'
  for i in "${!names[@]}"; do
    local mark=PASS
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
  [ "$failed" -eq 0 ] && echo "npm test: all stages passed" || echo "npm test: FAILED (stage logs in $logs/)"
  # The one closing line CI reads: every test of every stage.
  echo "${total_passed} passed, ${total_failed} failed"
  return "$failed"
}

if run_stage build node esbuild.js && run_stage compile npx tsc -p .; then
  run_stage unit+cli npx mocha
  run_stage fuzz npx mocha --no-config --timeout 900000 'out/node/test/fuzz/**/*.test.js'
  run_stage integration node out/node/test/integration/runCodeServer.js
  run_stage integration-untrusted node out/node/test/integration/runCodeServer.js --untrusted
  run_stage vsix node out/node/test/integration/vsixCheck.js
fi
print_summary
