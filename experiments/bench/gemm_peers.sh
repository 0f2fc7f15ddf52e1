#!/usr/bin/env bash
# gemm_peers.sh — descent's GEMM against OpenBLAS sgemm on one thread, on the two large products of a training step,
# in one session: NumPy float32 matmul, then JMH's GemmBenchmark in FORKS fresh JVMs (default 8), then NumPy again.
# Prints each fork's GFLOP/s, their median, JMH's mean and error, and the ratios. A benchmark for people, never a CI
# test.
#
#   experiments/bench/gemm_peers.sh [FORKS]
#
# The shapes (experiments/bench/numpy_gemm.py has the same):
#   ab:128x100x784   x·W1, the forward product of the first layer at batch 128
#   atb:784x100x128  dW1 = xᵀ·dA1, its weight gradient
#
# Why forks and medians: on this project's shared machines about one fork in eight runs x·W1 10–20 % slower than the
# others, and its one-second iterations scatter (117, 124 and 111 GFLOP/s in one such fork) as they do when another
# tenant takes the core; in one JVM the kernel ran 136–145 GFLOP/s whichever 64-byte offset its buffers had. JMH's
# mean carries a slow fork whole; the median of the forks is the typical JVM, the statistic NumPy's side uses too
# (the median of seven rounds). Both are printed. OpenBLAS itself moves by several per cent from one minute to the
# next, so NumPy runs right before and right after the forks, and each ratio is given against both.
#
# Run nothing else meanwhile: benchmarks share the cores. About 2 minutes for 8 forks.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FORKS="${1:-8}"
NUMPY_PYTHON="${NUMPY_PYTHON:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

die() { echo "gemm_peers.sh: $*" >&2; exit 1; }

[[ "$FORKS" =~ ^[1-9][0-9]*$ ]] || die "FORKS must be a positive whole number, got '$FORKS'"
"$NUMPY_PYTHON" -c 'import numpy' 2>/dev/null \
  || die "$NUMPY_PYTHON cannot import numpy. HINT: set NUMPY_PYTHON to a python with NumPy"

numpy() {
  echo "NumPy float32 matmul, one thread ($1) ..." >&2
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$NUMPY_PYTHON" "$ROOT/experiments/bench/numpy_gemm.py" \
    >"$WORK/numpy-$1.txt" || die "numpy_gemm.py failed"
}

numpy before
echo "descent GemmBenchmark, $FORKS forks (building the jar first if needed) ..." >&2
"$ROOT/descent" bench GemmBenchmark -p path=vector -p shape=ab:128x100x784,atb:784x100x128 -f "$FORKS" \
  -wi 3 -i 3 -w 1 -r 1 -rf json -rff "$WORK/jmh.json" >"$WORK/jmh.log" 2>&1 \
  || { tail -n 20 "$WORK/jmh.log" >&2; die "the JMH run failed (log above)"; }
numpy after

echo
"$ROOT/descent" --version | sed -n '1,4p'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$WORK/jmh.json" "$WORK/numpy-before.txt" "$WORK/numpy-after.txt" <<'PY'
import json, re, statistics, sys

def numpy_medians(path):
    # lines like "ab:128x100x784   numpy 2.4.6 float32 one thread: median 148.8 GFLOP/s, best 150.5"
    found = {}
    for line in open(path):
        m = re.match(r"(\S+)\s+numpy .*median ([\d.]+) GFLOP/s", line)
        if m:
            found[m.group(1)] = float(m.group(2))
    return found

before, after = numpy_medians(sys.argv[2]), numpy_medians(sys.argv[3])
print("%-16s %-52s %8s %16s %15s %14s" % ("shape", "descent GFLOP/s, each fork's mean", "median", "JMH mean ± err",
                                         "NumPy bef/aft", "median ÷ NumPy"))
for result in json.load(open(sys.argv[1])):
    shape = result["params"]["shape"]
    gflop = result["secondaryMetrics"]["gflop"]
    forks = [statistics.mean(iterations) for iterations in gflop["rawData"]]
    median = statistics.median(forks)
    b, a = before.get(shape), after.get(shape)
    if b is None or a is None:
        sys.exit("gemm_peers.sh: numpy_gemm.py printed no median for " + shape)
    print("%-16s %-52s %8.1f %9.1f ± %4.1f %7.1f/%-7.1f %5.0f–%.0f %%" % (
        shape, " ".join("%.0f" % f for f in forks), median, gflop["score"], gflop["scoreError"], b, a,
        100 * median / max(b, a), 100 * median / min(b, a)))
    print("%-16s %-52s %8s %16s %15s %5.0f–%.0f %%" % ("", "(JMH mean ÷ NumPy)", "", "", "",
                                                       100 * gflop["score"] / max(b, a),
                                                       100 * gflop["score"] / min(b, a)))
PY
