#!/usr/bin/env bash
# Runs every test: the web app's (vitest) and the service's (xunit: unit, architecture, and
# integration tests over HTTP against a private PostgreSQL the run starts and removes itself).
# Ends with one line "N passed, N failed" counted from the runners' own result files.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
ensure_postgres
ensure_chromium
ensure_web_built || { echo "0 passed, 1 failed"; exit 1; }

results="$PWD/TestResults"
rm -rf "$results" && mkdir -p "$results"

(cd web && npx vitest run --reporter=default --reporter=json --outputFile="$results/web.json")
web_status=$?

dotnet test RJCloud.sln --nologo --logger "trx;LogFileName=dotnet.trx" --results-directory "$results"
dotnet_status=$?

counter() { grep -o "<Counters [^>]*>" "$results/dotnet.trx" 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0; }
json_number() { grep -o "\"$1\":[0-9]*" "$results/web.json" 2>/dev/null | head -1 | grep -o "[0-9]*$" || echo 0; }

passed=$(( $(counter passed) + $(json_number numPassedTests) ))
failed=$(( $(counter failed) + $(json_number numFailedTests) ))
# A runner that crashed before writing results counts as a failure, never as a pass.
[ -f "$results/dotnet.trx" ] || failed=$((failed + 1))
[ -f "$results/web.json" ] || failed=$((failed + 1))
# A runner that failed with no failing test (a test file that does not compile, a build error) is a failure too.
[ "$web_status" -ne 0 ] && [ "$(json_number numFailedTests)" -eq 0 ] && failed=$((failed + 1))
[ "$dotnet_status" -ne 0 ] && [ "$(counter failed)" -eq 0 ] && failed=$((failed + 1))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$web_status" -eq 0 ] && [ "$dotnet_status" -eq 0 ]
