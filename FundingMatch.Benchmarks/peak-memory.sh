#!/usr/bin/env bash
# Peak memory (maximum resident set size) of `fundingmatch check --format json` on 100k and 1M budget rows.
# BenchmarkDotNet reports bytes allocated, not the peak a process reaches, so this runs the real command twice
# and reads the kernel's own count of its largest resident set. Usage: FundingMatch.Benchmarks/peak-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build FundingMatch.Cli -c Release -v quiet -nologo >/dev/null
dir=${TMPDIR:-/tmp}
python3 - "$dir" <<'PY'
import os, random, sys
# The shape of FundingMatch.Benchmarks/Data.cs: 11 columns, about 95 bytes a row, nine sites in ten passing.
regions = ["서울 마포구", "경기 화성시", "경북 영주시", "서울 중랑구", "충남 공주시", "부산 사상구", "대구 서구", "인천 서구"]
for rows in (100_000, 1_000_000):
    path = os.path.join(sys.argv[1], f"fundingmatch-peak-v3-{rows}.csv")
    if os.path.exists(path):
        continue
    r = random.Random(20200609)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("site_id,site_name,region,national,provincial,municipal,private,total,floor_area_m2,firms,completion_date\n")
        for i in range(rows):
            national = r.randint(500_000, 2_500_000) * 1000
            local = national + r.randint(0, 3_000_000) * 1000
            provincial = local * r.randint(20, 60) // 100 // 1000 * 1000
            municipal = local - provincial
            private = r.randint(0, (local - national) // 1000) * 1000
            total = national + provincial + municipal + private
            f.write(f"S{i:07d},Site {i},{r.choice(regions)},{national},{provincial},{municipal},{private},{total},"
                    f"{r.randint(1000, 9000)},{r.randint(50, 600)},2021-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}\n")
PY
for rows in 100000 1000000; do
  python3 - "$dir/fundingmatch-peak-v3-$rows.csv" "$rows" <<'PY'
import resource, subprocess, sys
path, rows = sys.argv[1], sys.argv[2]
with open("/dev/null", "w") as null:
    code = subprocess.call(["dotnet", "FundingMatch.Cli/bin/Release/net10.0/fundingmatch.dll", "check", path, "--format", "json"], stdout=null)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"check --format json, {int(rows):>9,} rows: peak RSS {peak:7.1f} MiB (exit {code})")
PY
done
