#!/usr/bin/env bash
# Runs every command on the samples with two builds of fundingmatch and fails if any output or exit code differs.
#   .ci/compare-builds.sh <native binary> <jit command...>
set -uo pipefail
native=$1; shift
jit=("$@")
out=$(mktemp -d)
cases=0; differ=0
# Standard input is $stdin (set it for a case that reads "-"), or nothing.
run_case() {
  cases=$((cases + 1))
  "$native" "$@" <"${stdin:-/dev/null}" >"$out/n.out" 2>"$out/n.err"; local n=$?
  "${jit[@]}" "$@" <"${stdin:-/dev/null}" >"$out/j.out" 2>"$out/j.err"; local j=$?
  if [ "$n" != "$j" ] || ! cmp -s "$out/n.out" "$out/j.out" || ! cmp -s "$out/n.err" "$out/j.err"; then
    differ=$((differ + 1))
    echo "differs (exit $n vs $j): fundingmatch $*"
    diff "$out/n.out" "$out/j.out" | head -n 10
    diff "$out/n.err" "$out/j.err" | head -n 10
  fi
}
for format in table json csv markdown github html; do
  run_case check samples/sogongin-2020.csv --format "$format"
  run_case check samples/sogongin-2020-violations.csv --format "$format"
done
for format in table json csv markdown html; do
  run_case check samples/sogongin-2020-reported.csv --rules sogongin-center-2020-strict --format "$format"
  run_case totals samples/sogongin-2020-reported.csv --format "$format"
  run_case settle samples/sogongin-2020-reported.csv samples/sogongin-2020-actuals.csv --format "$format"
  run_case scenarios samples/sogongin-2020.csv --vary per-site-cap=20억..30억:5억 --vary national-share-max=40%..60%:10% --format "$format"
  run_case allocate samples/applicants-2020.csv --method proportional --format "$format"
done
for format in table json markdown; do
  run_case explain samples/sogongin-2020-reported.csv --format "$format"
  run_case rules show sogongin-smart-manufacturing-2025 --format "$format"
done
run_case check samples/sogongin-2020-ko-cp949.csv --lang ko
run_case check samples/sogongin-2020-reported.xlsx --format json
run_case check samples/sogongin-2020-reported.xlsx --sheet 메모
run_case check samples/sogongin-2020-reported-sheet-cp949.csv --format markdown
run_case check samples/smart-manufacturing-2025.csv --rules sogongin-smart-manufacturing-2025 --lang ko
run_case check samples/sogongin-2020.csv --rules samples/rules/example-60-40.json --as-of 2024-06-01 --format json
run_case allocate samples/applicants-2020.csv --method ranked --partial skip
run_case allocate samples/applicants-2020.csv --method equal --format json
run_case settle samples/sogongin-2020-reported.csv samples/sogongin-2020-actuals.csv --site mapo
run_case rules list
run_case --version
run_case --help
run_case check --help
run_case settle --help
stdin=samples/sogongin-2020-violations.csv run_case check - --format json
stdin=samples/sogongin-2020-reported.xlsx run_case check -
stdin=samples/sogongin-2020-reported.csv run_case settle - samples/sogongin-2020-actuals.csv --format json
run_case check no-such-file.csv
run_case check samples/sogongin-2020.csv --rules no-such-program
rm -rf "$out"
echo "compare-builds: $cases command lines, $differ differ"
[ "$differ" -eq 0 ]
