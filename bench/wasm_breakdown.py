#!/usr/bin/env python3
"""Prints where a wasm module's bytes go: sections, data segments, and code size per crate (from the
`name` section, so run it on target/wasm32-unknown-unknown/release/tier1.wasm, before wasm-opt strips names).
Usage: python3 bench/wasm_breakdown.py path/to/module.wasm [top_n]"""
import re
import sys
from collections import Counter


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def crate_of(name):
    """First path segment of a Rust symbol, mangled (`_ZN5serde…`, `_ZN58_$LT$serde_json…`) or not."""
    if name.startswith("_ZN"):
        m = re.match(r"_ZN(\d+)", name)
        if m:
            n = int(m.group(1))
            seg = name[3 + len(m.group(1)):3 + len(m.group(1)) + n]
            seg = seg.replace("_$LT$", "").replace("$LT$", "")
            inner = re.match(r"([a-z_][a-z0-9_]*)", seg)
            return inner.group(1) if inner else seg[:30]
    m = re.search(r"([a-z_][a-z0-9_]*)::", name)
    return m.group(1) if m else name[:30]


def main(path, top):
    data = open(path, "rb").read()
    pos, sections, bodies, names, imports = 8, Counter(), [], {}, 0
    section_names = {0: "custom", 1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export",
                     9: "elem", 10: "code", 11: "data", 12: "datacount", 4: "table", 8: "start"}
    while pos < len(data):
        sid = data[pos]
        size, body = leb(data, pos + 1)
        end = body + size
        label = section_names.get(sid, str(sid))
        if sid == 0:
            nlen, p = leb(data, body)
            cname = data[p:p + nlen].decode(errors="replace")
            label = f"custom:{cname}"
            if cname == "name":
                q = p + nlen
                while q < end:
                    sub, q = data[q], q + 1
                    ssize, q = leb(data, q)
                    if sub == 1:
                        count, r = leb(data, q)
                        for _ in range(count):
                            idx, r = leb(data, r)
                            ln, r = leb(data, r)
                            names[idx] = data[r:r + ln].decode(errors="replace")
                            r += ln
                    q += ssize
        elif sid == 2:
            count, p = leb(data, body)
            for _ in range(count):
                ml, p = leb(data, p); p += ml
                fl, p = leb(data, p); p += fl
                kind = data[p]; p += 1
                if kind == 0:
                    _, p = leb(data, p); imports += 1
                elif kind == 1:
                    p += 1; flags = data[p]; p += 1; _, p = leb(data, p)
                    if flags & 1: _, p = leb(data, p)
                elif kind == 2:
                    flags = data[p]; p += 1; _, p = leb(data, p)
                    if flags & 1: _, p = leb(data, p)
                elif kind == 3:
                    p += 2
        elif sid == 10:
            count, p = leb(data, body)
            for _ in range(count):
                fsize, p = leb(data, p)
                bodies.append(fsize)
                p += fsize
        sections[label] += end - pos
        pos = end
    print(f"{path}: {len(data):,} bytes")
    for label, size in sections.most_common():
        print(f"  section {label:<28}{size:>12,}")
    per_crate = Counter()
    for i, size in enumerate(bodies):
        name = names.get(imports + i, "?")
        per_crate[crate_of(name)] += size
    print("  code by crate (first path segment of the demangled name):")
    for crate, size in per_crate.most_common(top):
        print(f"    {crate:<30}{size:>10,}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25)
