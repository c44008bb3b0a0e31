#!/usr/bin/env bash
# Proves the product crates reach a user whole: packages the five with cargo's verification,
# then builds and tests a user crate and installs the CLI from the unpacked `.crate` files
# alone (no path into the workspace), as they would come from crates.io.
set -euo pipefail
cd "$(dirname "$0")/.."

crates=(status-spec status-codegen status-macros status-core status-cli)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
# Outside the workspace, as a user's crate is: cargo would otherwise take it for a member.
work=$(mktemp -d "${TMPDIR:-/tmp}/status-codes-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/unpacked" "$work/bin"

# cargo verifies each package against the others through a temporary local registry and
# unpacks them under $CARGO_HOME/registry/src/-HASH/, the hash taken from that registry's
# path; an unpacked copy left by an earlier run at the same path and version is reused as
# it is, old sources and all (a status-spec still using toml broke verification once).
cargo_home=${CARGO_HOME:-$HOME/.cargo}
for c in "${crates[@]}"; do rm -rf "$cargo_home"/registry/src/-*/"$c-$version"; done

echo "--- cargo package (verified) ${crates[*]} $version"
args=()
for c in "${crates[@]}"; do args+=(-p "$c"); done
# cargo has no switch that turns packaging warnings into errors: any warning fails here.
# On a clean clone (CI) the tree is committed; set PACKAGE_ALLOW_DIRTY=1 to try uncommitted work.
cargo package ${PACKAGE_ALLOW_DIRTY:+--allow-dirty} "${args[@]}" 2>&1 | tee "$work/package.log"
if grep -q '^warning' "$work/package.log"; then
  echo "cargo package printed warnings (above); fix them" >&2
  exit 1
fi

for c in "${crates[@]}"; do
  tar -xzf "target/package/$c-$version.crate" -C "$work/unpacked"
done
cmp codes.toml "$work/unpacked/status-spec-$version/codes.toml" \
  || { echo "the packaged status-spec carries a codes.toml that differs from ./codes.toml" >&2; exit 1; }

# Each crate of ours resolves to its unpacked package, as crates.io would serve it.
patches() {
  for c in "$@"; do printf -- '--config\npatch.crates-io.%s.path="%s"\n' "$c" "$work/unpacked/$c-$version"; done
}
mapfile -t patch < <(patches status-spec status-codegen status-macros status-core)
mapfile -t cli_patch < <(patches status-spec status-codegen)

echo "--- a user crate built and tested from the packages"
cp -r tests/package-user "$work/user"
CARGO_TARGET_DIR="$PWD/target/package-user" \
  cargo test "${patch[@]}" --manifest-path "$work/user/Cargo.toml"

echo "--- the status-codes command installed from its package"
CARGO_TARGET_DIR="$PWD/target/package-cli" \
  cargo install "${cli_patch[@]}" --path "$work/unpacked/status-cli-$version" --root "$work/bin"
cli="$work/bin/bin/status-codes"
(cd "$work/user" && "$cli" check && "$cli" list --service orders) | tee "$work/cli.log"
grep -q 'Order Already Placed' "$work/cli.log" \
  || { echo "status-codes list did not read the user crate's codes.toml" >&2; exit 1; }
echo "packages ok"
