#!/usr/bin/env bash
# Fuzzes one input reader with afl-fuzz through SharpFuzz for a given time.
#   fuzz/run.sh TARGET [SECONDS]     TARGET: amount | csv | xlsx | rules; SECONDS defaults to 600
# Needs afl++ (apt-get install -y afl++). Builds FundingMatch.Fuzz, instruments the project's assemblies (and the
# CSV and workbook readers it calls) with the sharpfuzz tool, and runs afl-fuzz on fuzz/corpus/TARGET. Findings go to
# fuzz/findings/TARGET (not committed): a crash there is an input that throws something other than the project's own
# input error, or runs past the time limit; replay one with
#   dotnet fuzz/bin/FundingMatch.Fuzz.dll TARGET fuzz/findings/TARGET/default/crashes/id:...
# then fix it and copy it into fuzz/corpus/TARGET, where the tests replay it from then on.
set -euo pipefail
target=${1:?usage: fuzz/run.sh amount|csv|xlsx|rules [seconds]}
seconds=${2:-600}
cd "$(dirname "$0")/.."
[ -d "fuzz/corpus/$target" ] || { echo "no corpus for '$target'" >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }

bin=fuzz/bin
tools=fuzz/.tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi
if [ ! -f "$bin/.instrumented" ]; then
  rm -rf "$bin"
  dotnet publish FundingMatch.Fuzz -c Release -o "$bin" -p:UseAppHost=false >/dev/null
  for dll in FundingMatch.Core.dll fundingmatch.dll CsvHelper.dll DocumentFormat.OpenXml.Framework.dll; do
    "$tools/sharpfuzz" "$bin/$dll" >/dev/null
  done
  touch "$bin/.instrumented"
fi

out="fuzz/findings/$target"
mkdir -p "$out"
# A run's memory is capped by the .NET heap limit (512 MiB), so that a blow-up is an OutOfMemoryException, a crash;
# afl's own -m limit counts address space, which .NET reserves in gigabytes. -t: a run past 5 s is a hang.
export DOTNET_GCHeapHardLimit=0x20000000
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -V "$seconds" -t 5000 -m none -i "fuzz/corpus/$target" -o "$out" -- dotnet "$bin/FundingMatch.Fuzz.dll" "$target" \
  > "$out/afl.log" 2>&1 || { tail -30 "$out/afl.log" >&2; exit 1; }
stats="$out/default/fuzzer_stats"
crashes=$(awk -F' *: *' '$1=="saved_crashes"{print $2}' "$stats")
hangs=$(awk -F' *: *' '$1=="saved_hangs"{print $2}' "$stats")
execs=$(awk -F' *: *' '$1=="execs_done"{print $2}' "$stats")
paths=$(awk -F' *: *' '$1=="corpus_count"{print $2}' "$stats")
echo "$target: ${seconds}s, $execs runs, $paths inputs in the queue, $crashes crashes, $hangs hangs"
[ "$crashes" = 0 ] && [ "$hangs" = 0 ]
