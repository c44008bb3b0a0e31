#!/usr/bin/env bash
# Times whole clean builds, the figure users feel when they add status-codes to a crate.
#
#   bash benches/build_time.sh [RUNS]        (default 3; medians are reported)
#   BUILD_TIME_INSTRUCTIONS=1 bash benches/build_time.sh   (rustc's instructions instead, below)
#
# Measures, each from an empty target directory, in debug mode:
#   spec      status-spec as the macros build it by default (no TOML parser: it has no
#             dependencies then; the parser comes with status-core's `spec-file` feature)
#   core      a user crate depending on status-core (macros on) that uses status_set! and
#             #[derive(StatusCodes)]
#   thiserror the same-sized user crate depending on thiserror instead (the yardstick)
#   specfile  `core` with status-core's `spec-file` feature (the TOML parser built, for a
#             spec of the user's own; the crate itself still reads the embedded one)
#   derive200 / hand200   a crate with 200 derived error enums, and the same 200 enums with
#             hand-written impls of the same traits (without the macros feature); reported
#             clean and "crate only" (dependencies built, the crate itself recompiled), the
#             latter being what issue 16's target of 1.2 is about
# Dependencies are fetched first, so only compilation is timed. What is compared is built in
# alternating pairs (core, thiserror, core, ...; RUNS pairs, three times as many for the
# crate-only builds) and each ratio is the median of the pairs' ratios: this VM's load
# drifts by more than the differences measured, and both halves of a pair see about the
# same load.
#
# Clean builds run with CARGO_INCREMENTAL=0: a user gets status-core from the registry, and
# cargo never builds registry dependencies incrementally, but here status-core is a path
# dependency, which cargo would build incrementally (slower from scratch; about 1.3 s more
# on this 2-core machine). thiserror is a registry crate in both cases. "Crate only" builds
# keep cargo's default (incremental on), as when a user edits their own crate.
# Set BUILD_TIME_INCREMENTAL=1 to time the clean builds as path dependencies instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

crate() { # name, deps, body
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\n\n[dependencies]\n%s\n\n[workspace]\n' "$1" "$2" >"$work/$1/Cargo.toml"
  printf '%s\n' "$3" >"$work/$1/src/lib.rs"
}

core_dep="status-core = { path = \"$root/status-core\" }"

crate core "$core_dep" '
use status_core::{status_set, StatusCodes};
status_set! { pub enum Sb = service "safe_browsing"; }
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum ApiError { #[status(400)] Invalid { field: String }, ResourceExhausted, #[status(other)] Other(u16) }'

crate specfile "status-core = { path = \"$root/status-core\", features = [\"spec-file\"] }" "$(cat "$work/core/src/lib.rs")"

crate thiserror 'thiserror = "2"' '
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("400 Bad Request: {field}")] Invalid { field: String },
    #[error("429 Resource Exhausted")] ResourceExhausted,
    #[error("{0}")] Other(u16),
}'

gen_enums() { # derive|hand
  for i in $(seq 1 200); do
    if [ "$1" = derive ]; then
      printf '#[derive(Debug, StatusCodes)]\n#[status(service = "safe_browsing")]\npub enum E%s { #[status(400)] Invalid(String), ResourceExhausted, ServiceUnavailable, #[status(other)] Other(u16) }\n' "$i"
    else
      cat <<RS
#[derive(Debug)]
pub enum E$i { Invalid(String), ResourceExhausted, ServiceUnavailable, Other(u16) }
impl HttpStatus for E$i {
    fn code(&self) -> u16 { match self { Self::Invalid(..) => 400, Self::ResourceExhausted => 429, Self::ServiceUnavailable => 503, Self::Other(c) => *c } }
    fn reason(&self) -> &'static str { match self.code() { 400 => "Bad Request", 429 => "Resource Exhausted", 503 => "Service Unavailable", _ => "Unknown" } }
    fn description(&self) -> &'static str { match self.code() { 400 => "The request is malformed.", 429 => "Out of quota.", 503 => "Unavailable.", _ => "" } }
    fn class(&self) -> StatusClass { StatusClass::of(self.code()).unwrap_or(StatusClass::ServerError) }
    fn retry(&self) -> Retry { match self.code() { 400 | 429 | 503 => Retry::Backoff, _ => Retry::Modify } }
}
impl core::fmt::Display for E$i {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { write!(f, "{} {}", self.code(), self.reason()) }
}
RS
    fi
  done
}
crate derive200 "$core_dep" "use status_core::StatusCodes;
$(gen_enums derive)"
crate hand200 "status-core = { path = \"$root/status-core\", default-features = false }" "use status_core::{HttpStatus, Retry, StatusClass};
$(gen_enums hand)"

# BUILD_TIME_INSTRUCTIONS=1: instead of timing, count the instructions rustc executes for
# the crate-only builds of derive200 and hand200 (callgrind around that crate's rustc,
# lib.rs touched, incremental, the third build of each): a figure other load on the
# machine does not move, where the crate-only times swing by a third between rounds.
if [ -n "${BUILD_TIME_INSTRUCTIONS:-}" ]; then
  command -v valgrind >/dev/null || { echo "BUILD_TIME_INSTRUCTIONS=1 needs valgrind" >&2; exit 2; }
  cat >"$work/wrap.sh" <<'WRAP'
#!/usr/bin/env bash
# RUSTC_WRAPPER: run the counted crate's rustc under callgrind when COUNT_LOG is set.
rustc=$1; shift
case " $* " in
  *" --crate-name $COUNT_CRATE "*)
    if [ -n "${COUNT_LOG:-}" ]; then
      exec valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$COUNT_LOG" "$rustc" "$@"
    fi;;
esac
exec "$rustc" "$@"
WRAP
  chmod +x "$work/wrap.sh"
  counted() { # name: sets ir_NAME
    local manifest="$work/$1/Cargo.toml" log="$work/count-$1.log"
    export CARGO_TARGET_DIR="$work/target-count-$1" RUSTC_WRAPPER="$work/wrap.sh" COUNT_CRATE=$1
    unset CARGO_INCREMENTAL
    for _ in 1 2; do
      cargo build -q --manifest-path "$manifest" >/dev/null
      touch "$work/$1/src/lib.rs"
    done
    COUNT_LOG="$log" cargo build -q --manifest-path "$manifest" >/dev/null
    eval "ir_$1=$(grep -o 'refs: *[0-9,]*' "$log" | tr -d 'refs: ,')"
    printf '%-10s rustc instructions, crate only: %s\n' "$1" "$(eval echo "\$ir_$1")"
  }
  counted derive200
  counted hand200
  printf 'derive200 / hand200 (rustc instructions) = %.3f\n' "$(echo "$ir_derive200 / $ir_hand200" | bc -l)"
  exit 0
fi

# One build of `manifest` into its own target directory, prepared by `prep`: `clean`
# empties the target directory (dependencies included), `touch` only touches the crate's
# lib.rs (what every edit of the crate costs). Prints the seconds it took.
build_once() { # prep, label, manifest, extra cargo args...
  local prep=$1 label=$2 manifest=$3 target="$work/target-$2" start end
  shift 3
  if [ "$prep" = clean ] && [ -z "${BUILD_TIME_INCREMENTAL:-}" ]; then
    export CARGO_INCREMENTAL=0
  else
    unset CARGO_INCREMENTAL
  fi
  if [ "$prep" = clean ]; then rm -rf "$target"; else touch "$(dirname "$manifest")/src/lib.rs"; fi
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$manifest" "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# Prepares `manifest` for `prep`: dependencies fetched; for `touch`, everything built once,
# untimed, so that a touch run times the crate alone.
prepare() { # prep, label, manifest
  local prep=$1 label=$2 manifest=$3
  cargo fetch -q --manifest-path "$manifest" >/dev/null 2>&1 || true
  if [ "$prep" = touch ]; then
    unset CARGO_INCREMENTAL
    CARGO_TARGET_DIR="$work/target-$label" cargo build -q --manifest-path "$manifest" >/dev/null 2>&1
  fi
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# Builds A and B alternately, $2 pairs of them (A B A B ...: this VM's load drifts, and a
# pair sees the same load), and prints each one's median and the median of the pairs'
# ratios A / B, which it also sets as ratio_A_B.
paired() { # prep, pairs, label A, manifest A, label B, manifest B
  local prep=$1 pairs=$2 a=$3 ma=$4 b=$5 mb=$6 ta tb times_a=() times_b=() ratios=()
  prepare "$prep" "$a" "$ma"
  prepare "$prep" "$b" "$mb"
  for _ in $(seq 1 "$pairs"); do
    ta=$(build_once "$prep" "$a" "$ma")
    tb=$(build_once "$prep" "$b" "$mb")
    times_a+=("$ta") times_b+=("$tb")
    ratios+=("$(echo "$ta / $tb" | bc -l)")
  done
  printf '%-10s %-6s %6.2f s   (runs: %s)\n' "$a" "$prep" "$(median "${times_a[@]}")" "${times_a[*]}"
  printf '%-10s %-6s %6.2f s   (runs: %s)\n' "$b" "$prep" "$(median "${times_b[@]}")" "${times_b[*]}"
  eval "ratio_${a}_${b}=$(median "${ratios[@]}")"
}

echo "clean debug builds, median of $runs, $(nproc) cores; ratios are the median of A/B pairs"
spec_times=()
prepare clean spec "$root/Cargo.toml"
for _ in $(seq 1 "$runs"); do
  spec_times+=("$(build_once clean spec "$root/Cargo.toml" -p status-spec --no-default-features)")
done
printf '%-10s %-6s %6.2f s   (runs: %s)\n' spec clean "$(median "${spec_times[@]}")" "${spec_times[*]}"
paired clean "$runs" core "$work/core/Cargo.toml" thiserror "$work/thiserror/Cargo.toml"
core_thiserror=$ratio_core_thiserror
paired clean "$runs" specfile "$work/specfile/Cargo.toml" thiserror "$work/thiserror/Cargo.toml"
paired clean "$runs" derive200 "$work/derive200/Cargo.toml" hand200 "$work/hand200/Cargo.toml"
clean_200=$ratio_derive200_hand200
# A crate-only build is a third of a second: three times the pairs, for the same noise.
paired touch "$((3 * runs))" derive200 "$work/derive200/Cargo.toml" hand200 "$work/hand200/Cargo.toml"
printf 'core / thiserror (clean)             = %.2f\n' "$core_thiserror"
printf 'specfile / thiserror (clean)         = %.2f\n' "$ratio_specfile_thiserror"
printf 'derive200 / hand200 (clean)          = %.2f\n' "$clean_200"
printf 'derive200 / hand200 (crate only)     = %.2f\n' "$ratio_derive200_hand200"
