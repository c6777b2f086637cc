#!/usr/bin/env bash
# Whole-process cost of one DLG attack: `leakbench attack --attack dlg --model lenet --dataset fashion-mnist
# --batch 1 --index N` in a cold JVM against the same 300-iteration L-BFGS attack in PyTorch on one thread
# (torch_dlg_attack.py beside this script). Runs each side RUNS times, alternating, and records wall time, CPU
# time (user + system: on a machine shared with other work it moves less than the wall time) and peak resident
# memory (GNU time's "Maximum resident set size"); writes cli-vs-torch.csv (every run) and cli-vs-torch.md
# (medians and ratios) into the run folder.
#
# usage: cli-vs-torch.sh DATA_DIR [RUN_FOLDER] [RUNS]
#   DATA_DIR    folder with Fashion-MNIST's t10k-*-ubyte.gz files
#   RUN_FOLDER  where the tables go (default results/latest); the attacks' own results go to a scratch folder
#   env: LEAKBENCH_JAR (default harness/target/leakbench.jar), PYTHON (default python3), INDEX (default 123)
set -euo pipefail

data=${1:?usage: cli-vs-torch.sh DATA_DIR [RUN_FOLDER] [RUNS]}
run=${2:-results/latest}
runs=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
jar=${LEAKBENCH_JAR:-harness/target/leakbench.jar}
launcher=$here/../../harness/scripts/leakbench
python=${PYTHON:-python3}
index=${INDEX:-123}

[ -f "$data/t10k-images-idx3-ubyte.gz" ] || { echo "cli-vs-torch.sh: no t10k-images-idx3-ubyte.gz in $data" >&2; exit 2; }
[ -f "$jar" ] || { echo "cli-vs-torch.sh: no $jar; build it with mvn -pl harness -am package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "cli-vs-torch.sh: needs GNU time at /usr/bin/time for peak memory" >&2; exit 2; }
"$python" -c 'import torch' 2>/dev/null || { echo "cli-vs-torch.sh: $python cannot import torch" >&2; exit 2; }
mkdir -p "$run"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# One measured process: prints "wall_s,cpu_s,peak_rss_mb" or fails with the process's own error output.
measure() {
  local log=$scratch/time.txt
  if ! /usr/bin/time -v -o "$log" "$@" >"$scratch/out.txt" 2>"$scratch/err.txt"; then
    echo "cli-vs-torch.sh: failed: $*" >&2
    tail -5 "$scratch/err.txt" >&2
    exit 1
  fi
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
              /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
              /Maximum resident set size/ { rss = $2 / 1024 }
              END { printf "%.2f,%.2f,%.0f\n", wall, cpu, rss }' "$log"
}

csv=$run/cli-vs-torch.csv
echo "side,run,wall_s,cpu_s,peak_rss_mb" >"$csv"
for i in $(seq 1 "$runs"); do
  echo "leakbench,$i,$(measure env LEAKBENCH_JAR="$jar" "$launcher" attack --attack dlg --model lenet --dataset fashion-mnist --batch 1 \
    --index "$index" --data-dir "$data" --out "$scratch/results")" >>"$csv"
  echo "pytorch,$i,$(measure "$python" "$here/torch_dlg_attack.py" "$data" "$index" 300)" >>"$csv"
done

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
awk -F, -v runs="$runs" -v load="$load" -v cores="$(nproc)" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 {
    if ($1 == "leakbench") { jw[++nj] = $3; jc[nj] = $4; jm[nj] = $5 } else { tw[++nt] = $3; tc[nt] = $4; tm[nt] = $5 }
  }
  END {
    w1 = median(jw, nj); c1 = median(jc, nj); m1 = median(jm, nj)
    w2 = median(tw, nt); c2 = median(tc, nt); m2 = median(tm, nt)
    print "| process | wall time (s) | CPU time (s) | peak memory (MB) |"
    print "| --- | --- | --- | --- |"
    printf "| leakbench attack (java backend, cold JVM) | %.2f | %.2f | %.0f |\n", w1, c1, m1
    printf "| PyTorch, one thread | %.2f | %.2f | %.0f |\n", w2, c2, m2
    printf "| leakbench / PyTorch | %.2f | %.2f | %.2f |\n", w1 / w2, c1 / c2, m1 / m2
    print ""
    printf "One DLG attack on LeNet, Fashion-MNIST test image, 300 L-BFGS iterations; medians of %d runs each, " \
      "alternating; %d cores, load average %s at the end.\n", runs, cores, load
  }' "$csv" >"$run/cli-vs-torch.md"
cat "$run/cli-vs-torch.md"
