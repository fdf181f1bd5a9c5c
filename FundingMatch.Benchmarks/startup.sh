#!/usr/bin/env bash
# Start-up of `fundingmatch check` on the 3-site sample: the median of 10 whole-process runs, for the native
# binary (Native AOT) and the JIT build (dotnet fundingmatch.dll). Run from the repository root.
set -euo pipefail
dotnet publish FundingMatch.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/native >/dev/null
dotnet build FundingMatch.Cli -c Release -r linux-x64 -o artifacts/jit >/dev/null
median() {
  local times=()
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f ms (runs: %d; min %.1f, max %.1f)\n", (a[5] + a[6]) / 2000, NR, a[1] / 1000, a[NR] / 1000 }'
}
"artifacts/native/fundingmatch" check samples/sogongin-2020.csv >/dev/null   # warm the file cache
echo "native: $(median artifacts/native/fundingmatch check samples/sogongin-2020.csv)"
echo "jit:    $(median dotnet artifacts/jit/fundingmatch.dll check samples/sogongin-2020.csv)"
ls -l artifacts/native/fundingmatch | awk '{ printf "native binary: %.1f MB\n", $5 / 1048576 }'
