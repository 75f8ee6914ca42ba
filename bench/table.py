#!/usr/bin/env python3
"""The markdown table of bench/run: medians, ranges, peak RSS and ratios from its times.tsv
(size, what, run, wall seconds, peak RSS KiB[, CPU seconds]), and the heap after GC from each size's gc.log.

Usage: bench/table.py WORK/times.tsv WORK
"""
import glob, re, statistics, sys
from collections import defaultdict
times, work = sys.argv[1], sys.argv[2]
rows = defaultdict(list)
cpus = defaultdict(list)
for line in open(times):
    size, what, run, wall, rss, *cpu = line.rstrip("\n").split("\t")
    cpus[(int(size), what)].extend(float(c) for c in cpu if c.strip())
    rows[(int(size), what)].append((float(wall), int(rss)))
def med(size, what):
    return statistics.median(w for w, _ in rows[(size, what)]) if rows[(size, what)] else None
def heap_after_gc(size):
    peak = None
    for name in glob.glob(f"{work}/{size}/gc.log*"):  # -Xlog rotates the file
        for line in open(name):
            m = re.search(r"->(\d+)M\(\d+M\)", line)
            if m: peak = max(peak or 0, int(m.group(1)))
    return peak
def label(size):
    # bench/run's crowded passbook: 50 lines a day over 5 years
    return f"{size:,} (50 a day)" if size == 91300 else f"{size:,}"
names = {
    "shg": "`shg import passbook` + `shg trial-balance`",
    "shg-tb": "`shg trial-balance` alone (of the imported book)",
    "raw": "raw insert of the same rows (ceiling, in-process)",
    "hledger": "`hledger -f passbook.csv --rules-file passbook.csv.rules bal`",
    "ledger": "`ledger -f passbook.ledger bal`",
}
print("| lines | command | runs | median s | min–max s | median CPU s | peak RSS MiB | its median ÷ shg's (above 1: shg is faster) |")
print("|---|---|---|---|---|---|---|---|")
for size in sorted({s for s, _ in rows}):
    shg = med(size, "shg")
    for what in ["shg", "shg-tb", "raw", "hledger", "ledger"]:
        r = rows[(size, what)]
        if not r: continue
        walls = [w for w, _ in r]
        rss = max(k for _, k in r)
        m = med(size, what)
        ratio = "" if what in ("shg", "shg-tb") else (f"{m / shg:.2f}×" if what != "raw" else f"import+TB takes {shg / m:.1f}× the ceiling")
        print(f"| {label(size)} | {names[what]} | {len(r)} | {m:.2f} | {min(walls):.2f}–{max(walls):.2f} | {f'{statistics.median(cpus[(size, what)]):.2f}' if cpus[(size, what)] else '–'} | {f'{rss / 1024:.0f}' if rss else '–'} | {ratio} |")
print()
for size in sorted({s for s, _ in rows}):
    h = heap_after_gc(size)
    if h is not None:
        print(f"- {label(size)} lines, `-Xmx256m`: largest heap after a collection during the import: {h} MiB")
