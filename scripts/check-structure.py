#!/usr/bin/env python3
"""Checks the layering of src/ that README "How it is built" states, so it cannot erode silently:

1. every top-level module imports (via `crate::…`) only modules below it in LAYERS;
2. no two files import each other through a chain of `crate::…` paths (file cycles);
3. no Rust file in src/ is longer than MAX_LINES, except the data tables listed in LONG_OK.

Comments are ignored, so a doc link to a higher layer is not an import. Exit 1 with every violation listed.
"""
import os
import re
import sys

# Bottom first. A module may import any module listed before it, never one after it.
LAYERS = [
    "model", "domain",
    "percent", "platform", "concurrent", "settled", "test_ids", "i18n", "demo_tenants",
    "routes", "document", "config", "auth", "graph", "knowledge", "backend",
    "state", "tables", "loaders", "components", "panes", "app",
]
ROOT_FILES = {"lib", "main"}  # the crate roots declare every module
MAX_LINES = 400
LONG_OK = set()

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
STRING = re.compile(r'"(?:\\.|[^"\\])*"')
PATH = re.compile(r"crate::((?:[a-z_][a-z0-9_]*)(?:::[a-z_][a-z0-9_]*)*)")


def rust_files():
    for root, _, files in os.walk(SRC):
        for name in sorted(files):
            if name.endswith(".rs"):
                yield os.path.relpath(os.path.join(root, name), SRC)


def module_of(rel):
    """src-relative file -> module path segments (`graph/http/mod.rs` -> ['graph', 'http'])."""
    parts = rel[:-3].split(os.sep)
    if parts[-1] == "mod":
        parts = parts[:-1]
    return parts


def main():
    files = list(rust_files())
    by_module = {tuple(module_of(f)): f for f in files}
    problems = []
    edges = {f: set() for f in files}
    for f in files:
        text = open(os.path.join(SRC, f), encoding="utf-8").read()
        lines = text.count("\n") + 1
        if lines > MAX_LINES and f not in LONG_OK:
            problems.append(f"{f}: {lines} lines (limit {MAX_LINES}): split it by concern")
        code = STRING.sub('""', COMMENT.sub("", text))
        mine = module_of(f)
        if not mine or mine[0] in ROOT_FILES:
            continue
        # `use crate::a::{b, c::d}` names several paths; the part before the brace is enough for layers and files.
        for m in PATH.finditer(code):
            segs = m.group(1).split("::")
            top = segs[0]
            if top != mine[0]:
                if top not in LAYERS or mine[0] not in LAYERS:
                    unknown = top if top not in LAYERS else mine[0]
                    problems.append(f"{f}: module `{unknown}` is not in LAYERS of scripts/check-structure.py")
                elif LAYERS.index(top) > LAYERS.index(mine[0]):
                    problems.append(f"{f}: `{mine[0]}` imports `crate::{m.group(1)}` from a layer above it")
            # The file that defines the longest prefix of the path.
            for n in range(len(segs), 0, -1):
                target = by_module.get(tuple(segs[:n]))
                if target:
                    if target != f:
                        edges[f].add(target)
                    break
    problems += [f"file cycle: {' -> '.join(c + [c[0]])}" for c in cycles(edges)]
    for p in sorted(set(problems)):
        print(p)
    print(f"structure: {len(files)} files, {sum(map(len, edges.values()))} file imports, {len(set(problems))} problems")
    return 1 if problems else 0


def cycles(edges):
    """Strongly connected components of more than one file (Tarjan), each as one cycle's members."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


if __name__ == "__main__":
    sys.exit(main())
