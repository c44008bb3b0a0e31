#!/usr/bin/env python3
"""Checks that `rust-version` is true of what a user compiles.

The one toolchain here is the current stable, so an older rustc cannot be run. What can be
checked: no crate a user builds with the default features (a product crate and its normal
and build dependencies) declares a higher `rust-version` than ours, and every optional
feature of status-core that pulls in a crate needing a newer Rust says so in
`status-core/docs/features.md` ("needs Rust X.Y"). Language and std features are checked by
clippy's `incompatible_msrv` lint, which reads the same `rust-version`.
"""
import json
import re
import subprocess
import sys

PRODUCT = ["status-core", "status-spec", "status-codegen", "status-macros", "status-cli"]


def version(text):
    parts = [int(p) for p in (text or "0").split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def show(v):
    return ".".join(map(str, v[:2] if v[2] == 0 else v))


meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--format-version", "1", "--all-features"]))
declared = {(p["name"], p["version"]): version(p.get("rust_version")) for p in meta["packages"]}
ours = {p["rust_version"] for p in meta["packages"] if p["name"] in PRODUCT and p["source"] is None}
if len(ours) != 1:
    sys.exit(f"product crates disagree on rust-version: {sorted(ours)}")
msrv = version(ours.pop())


def highest(package, *flags):
    """The highest rust-version among what `package` builds with these feature flags."""
    out = subprocess.check_output(
        ["cargo", "tree", "-q", "-p", package, "-e", "normal,build", "--prefix", "none",
         "-f", "{p}", *flags], text=True)
    best = ((0, 0, 0), "")
    for line in out.splitlines():
        name, ver = line.split()[:2]
        need = declared.get((name, ver.lstrip("v")), (0, 0, 0))
        best = max(best, (need, f"{name} {ver}"))
    return best


failed = False
for package in PRODUCT:
    need, who = highest(package)
    print(f"{package}: highest rust-version {show(need)} ({who})")
    if need > msrv:
        print(f"  error: {who} needs Rust {show(need)}, above rust-version {show(msrv)}", file=sys.stderr)
        failed = True

features_doc = open("status-core/docs/features.md", encoding="utf-8").read()
status_core = next(p for p in meta["packages"] if p["name"] == "status-core" and p["source"] is None)
for feature in sorted(f for f in status_core["features"] if f != "default"):
    need, who = highest("status-core", "--features", feature)
    if need <= msrv:
        continue
    row = next((l for l in features_doc.splitlines() if l.startswith(f"| `{feature}`")), "")
    said = re.search(r"needs Rust (\d+\.\d+)", row)
    print(f"feature {feature}: needs Rust {show(need)} ({who}); docs say {said.group(1) if said else 'nothing'}")
    if not said or version(said.group(1)) != need:
        print(f"  error: status-core/docs/features.md must say the `{feature}` feature needs Rust {show(need)}",
              file=sys.stderr)
        failed = True

if failed:
    sys.exit(1)
print(f"rust-version {show(msrv)} holds")
