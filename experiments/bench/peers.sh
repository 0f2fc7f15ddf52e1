#!/usr/bin/env bash
# peers.sh — the whole book job (5 optimizers × 2000 iterations, 784-100-100-100-100-10, batch 128) in descent,
# NumPy and PyTorch, back to back, ROUNDS times (default 3), with the wall time and peak resident set size of
# each run (GNU time), their medians and the ratios. A benchmark for people, never a CI test.
#
#   experiments/bench/peers.sh [ROUNDS]
#
# What runs:
#   descent  ./descent compare (default options; it also makes 105 test-set evaluations the others skip)
#   desc-10  ./descent compare --eval-every 2000: the same training with 10 evaluations (at the first and last
#            iteration of each run), the nearest descent job to the peers' work; PEERS_LEAN=0 leaves it out
#   numpy    experiments/bench/numpy_book_job.py: the book's layers and loop, float64 weights as in the book,
#            NumPy's own thread count (python3 from PATH, or NUMPY_PYTHON)
#   torch    experiments/bench/torch_book_job.py: float32, torch.set_num_threads(1), Debian's /usr/bin/python3
#            (or TORCH_PYTHON) with python3-torch.
#
# Debian's python3-torch without libopenblas0-pthread falls back to the reference BLAS and is ~15x slower
# (about 280 s instead of ~20 s for this job): apt-get install -y python3-torch libopenblas0-pthread.
#
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the environment so that OpenBLAS picks its own kernel
# for the CPU. Timing on a shared machine is noisy: run it on a quiet one and compare the ratios, which come
# from the same session.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${1:-3}"
NUMPY_PYTHON="${NUMPY_PYTHON:-python3}"
TORCH_PYTHON="${TORCH_PYTHON:-/usr/bin/python3}"
DATA="$ROOT/mnist-data/data/mnist"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

die() { echo "peers.sh: $*" >&2; exit 1; }

[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number, got '$ROUNDS'"
[[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true >/dev/null 2>&1 \
  || die "GNU time is missing (/usr/bin/time). HINT: apt-get install -y time"
if [[ ! -f "$DATA/train-images-idx3-ubyte" && ! -f "$DATA/train-images-idx3-ubyte.gz" ]]; then
  echo "peers.sh: MNIST is not in $DATA; fetching it with mnist-data/download.sh ..." >&2
  "$ROOT/mnist-data/download.sh" "$DATA" >&2 || die "could not fetch MNIST. HINT: run mnist-data/download.sh $DATA"
fi

echo "building the jar and the class-data archive (./descent --version) ..." >&2
"$ROOT/descent" --version >"$WORK/version.txt" || die "./descent --version failed"

tools=(descent)
if [[ "${PEERS_LEAN:-1}" != 0 ]]; then
  tools+=(desc-10)
fi
if "$NUMPY_PYTHON" -c 'import numpy' 2>/dev/null; then
  tools+=(numpy)
else
  echo "peers.sh: skipping NumPy: $NUMPY_PYTHON cannot import numpy (set NUMPY_PYTHON to a python with NumPy)" >&2
fi
if "$TORCH_PYTHON" -c 'import torch' 2>/dev/null; then
  tools+=(torch)
  if ! compgen -G '/usr/lib/*/openblas-pthread/libopenblas*.so*' >/dev/null; then
    echo "peers.sh: WARNING: libopenblas0-pthread seems missing: Debian's torch then uses the reference BLAS" \
         "and is ~15x slower. HINT: apt-get install -y libopenblas0-pthread" >&2
  fi
else
  echo "peers.sh: skipping PyTorch: $TORCH_PYTHON cannot import torch." \
       "HINT: apt-get install -y python3-torch libopenblas0-pthread (Debian), then run again" >&2
fi

# run TOOL ROUND: appends "TOOL wall_seconds peak_kib" to $WORK/results
run() {
  local tool="$1" round="$2" log="$WORK/$1-$2.log"
  local -a cmd
  case "$tool" in
    descent) cmd=("$ROOT/descent" compare --out "$WORK/compare-$round") ;;
    desc-10) cmd=("$ROOT/descent" compare --eval-every 2000 --out "$WORK/compare-10-$round") ;;
    numpy) cmd=("$NUMPY_PYTHON" "$ROOT/experiments/bench/numpy_book_job.py" --data "$DATA") ;;
    torch) cmd=("$TORCH_PYTHON" "$ROOT/experiments/bench/torch_book_job.py" --data "$DATA") ;;
  esac
  echo "round $round/$ROUNDS: $tool ..." >&2
  if ! env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/time -f 'PEERS %e %M' -o "$WORK/time" \
        "${cmd[@]}" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "$tool failed in round $round (log above)"
  fi
  read -r _ wall kib <"$WORK/time"
  echo "$tool $wall $kib" >>"$WORK/results"
  printf '  %-8s %7.1f s  %6d MiB\n' "$tool" "$wall" "$((kib / 1024))" >&2
}

for ((round = 1; round <= ROUNDS; round++)); do
  for tool in "${tools[@]}"; do
    run "$tool" "$round"
  done
done

echo
sed -n '1,4p' "$WORK/version.txt"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$WORK/results" "${tools[@]}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
tools = sys.argv[2:]
wall = {t: [float(r[1]) for r in rows if r[0] == t] for t in tools}
rss = {t: [int(r[2]) / 1024 for r in rows if r[0] == t] for t in tools}
print("%-8s %-26s %9s %-28s %9s" % ("job", "wall s (each round)", "median", "peak RSS MiB (each round)", "median"))
for t in tools:
    print("%-8s %-26s %9.1f %-28s %9.0f" % (t, " ".join("%.1f" % w for w in wall[t]), statistics.median(wall[t]),
                                          " ".join("%.0f" % m for m in rss[t]), statistics.median(rss[t])))
d_wall, d_rss = statistics.median(wall["descent"]), statistics.median(rss["descent"])
print()
for t in [t for t in tools if not t.startswith("desc")]:
    print("%-6s: descent is %.2fx faster (median wall %s / descent), and its peak RSS is %.2f of %s's"
          % (t, statistics.median(wall[t]) / d_wall, t, d_rss / statistics.median(rss[t]), t))
    if "desc-10" in wall:
        print("%-6s  with 10 evaluations instead of 105 (desc-10): %.2fx" % ("", statistics.median(wall[t])
                                                                            / statistics.median(wall["desc-10"])))
PY
