#!/usr/bin/env python3
"""Checks that the workspace's `rust-version` is true of what a user compiles.

The one toolchain here is the current stable, so an older rustc cannot be run. What can be
checked: no crate a user builds (the product crates and their normal and build dependencies,
all features on) declares a higher `rust-version` than ours, and no product crate declares a
lower one than its dependencies. Language and std features are checked by clippy's
`incompatible_msrv` lint, which reads the same `rust-version`.
"""
import json
import subprocess
import sys

PRODUCT = {"status-core", "status-spec", "status-codegen", "status-macros", "status-cli"}


def version(text):
    parts = [int(p) for p in (text or "0").split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--format-version", "1", "--all-features"]))
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}

roots = [i for i, p in packages.items() if p["name"] in PRODUCT and p["source"] is None]
ours = {packages[i]["rust_version"] for i in roots}
if len(ours) != 1:
    sys.exit(f"product crates disagree on rust-version: {sorted(ours)}")
msrv = ours.pop()

seen, stack = set(), list(roots)
while stack:
    node = nodes[stack.pop()]
    for dep in node["deps"]:
        kinds = {k["kind"] for k in dep["dep_kinds"]}
        if kinds & {None, "build"} and dep["pkg"] not in seen:
            seen.add(dep["pkg"])
            stack.append(dep["pkg"])

too_new = sorted(
    (version(packages[i]["rust_version"]), packages[i]["name"], packages[i]["version"])
    for i in seen
    if version(packages[i]["rust_version"]) > version(msrv)
)
highest = max((version(packages[i]["rust_version"]), packages[i]["name"]) for i in seen)
print(f"rust-version {msrv}; {len(seen)} dependencies, highest rust-version "
      f"{'.'.join(map(str, highest[0]))} ({highest[1]})")
if too_new:
    for v, name, ver in too_new:
        print(f"  {name} {ver} needs Rust {'.'.join(map(str, v))}", file=sys.stderr)
    sys.exit(f"dependencies need a newer Rust than rust-version = {msrv}")
