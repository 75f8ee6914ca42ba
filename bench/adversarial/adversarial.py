#!/usr/bin/env python3
"""The adversarial suite of issue 13: bad imports, concurrency, crashes, tampering, injection and
leakage, each tried against the real program, with a table of counts and every problem found.

    bench/adversarial/run [--quick] [--category N ...] [--jobs J] [--work DIR] [--no-build]

See bench/adversarial/README.md.
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bases import Bases  # noqa: E402
from common import Shg, log  # noqa: E402

TITLES = {1: "Bad imports", 2: "Concurrency", 3: "Crashes (kill -9)", 4: "Tampering",
          5: "Injection and leakage"}


class Context:
    def __init__(self, root, work, jobs, quick):
        self.root, self.work, self.jobs, self.quick = root, work, jobs, quick
        self.shg = Shg(root, work)
        self.bases = None
        self._pg = None
        self.pg_dbs = []
        self.run_id = f"{os.getpid()}_{int(time.time()) % 100000}"
        self.keep_pg = False

    # PostgreSQL: 127.0.0.1:5432, user postgres (trust), a new database for each use, dropped
    # at the end of the run (SHG_ADV_PG="host port user" to choose another server)
    def pg_conf(self):
        host, port, user = (os.environ.get("SHG_ADV_PG") or "127.0.0.1 5432 postgres").split()
        return host, port, user

    def psql(self, statement, db="postgres"):
        host, port, user = self.pg_conf()
        if not shutil.which("psql"):
            return 127, "no psql"
        p = subprocess.run(["psql", "-h", host, "-p", port, "-U", user, "-d", db, "-v",
                            "ON_ERROR_STOP=1", "-qAtc", statement], capture_output=True,
                           text=True, timeout=120)
        return p.returncode, (p.stdout + p.stderr).strip()

    def pg_ok(self):
        if self._pg is None:
            self._pg = self.psql("SELECT 1")[0] == 0
        return self._pg

    def pg_url(self, name):
        """A new, empty PostgreSQL database for this run, as a --db-url."""
        db = f"adv_{self.run_id}_{name}"
        rc, msg = self.psql(f"CREATE DATABASE {db}")
        if rc != 0:
            raise RuntimeError(f"cannot create PostgreSQL database {db}: {msg}")
        self.pg_dbs.append(db)
        host, port, user = self.pg_conf()
        return f"jdbc:postgresql://{host}:{port}/{db}?user={user}"

    def drop_pg(self):
        for db in self.pg_dbs:
            self.psql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")

    @staticmethod
    def quick_pick(items, n):
        """A fixed sample of n names: the same every run, spread over the kinds of cases."""
        ranked = sorted(items, key=lambda c: hashlib.sha256(c.name.encode()).hexdigest())
        return [c.name for c in ranked[:n]]


def table(tallies, seconds, commands):
    lines = []
    head = ("category", "tried", "refused cleanly", "accepted, books balanced", "problems")
    rows = [(f"{t.number}. {t.title}", str(t.tried), str(t.refused), str(t.accepted),
             str(len(t.problems))) for t in tallies]
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
    fmt = lambda r: "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                              for i, c in enumerate(r))
    lines.append(fmt(head))
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append(fmt(r))
    lines.append("")
    for t in tallies:
        for n in t.notes:
            lines.append(f"{t.number}. {n}")
    lines.append(f"{commands} shg commands in {seconds:.0f} s")
    lines.append("")
    for t in tallies:
        if not t.problems:
            continue
        lines.append(f"Problems, {t.number}. {t.title} ({len(t.problems)})")
        for i, (desc, repro) in enumerate(t.problems, 1):
            lines.append(f"  {t.number}.{i} {desc}")
            if repro:
                lines.append(f"      $ {repro}")
        lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a sample of each category (< 3 min)")
    ap.add_argument("--category", type=int, action="append", choices=sorted(TITLES),
                    help="run only this category (repeatable)")
    ap.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    ap.add_argument("--work", default="/tmp/shg-adversarial",
                    help="where the files, books and results go (default /tmp/shg-adversarial); "
                         "kept after the run, so that every reproduction command works")
    ap.add_argument("--keep-pg", action="store_true",
                    help="keep the PostgreSQL databases made (adv_*), to reproduce problems")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(HERE)))
    a = ap.parse_args()
    cats = sorted(set(a.category or TITLES))
    work = os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    ctx = Context(os.path.abspath(a.root), work, a.jobs, a.quick)
    if not os.path.exists(ctx.shg.jar):
        sys.exit(f"no {ctx.shg.jar}: build it with mvn -q -o -Dmaven.test.skip=true package")
    t0 = time.time()
    log(f"shg: {ctx.shg.jar}; work: {work}; categories {cats}{' (quick)' if a.quick else ''}")
    ctx.shg.prepare_fast_start()
    ctx.bases = Bases(ctx.shg, ctx.root, work)
    ctx.bases.build()
    tallies = []
    for n in cats:
        t1 = time.time()
        logs_before = len(ctx.shg.native_lib_logs)
        log(f"category {n}: {TITLES[n]}")
        if n == 1:
            import imports as mod
        elif n == 2:
            import concurrency as mod
        elif n == 3:
            import crashes as mod
        elif n == 4:
            import tampering as mod
        else:
            import injection as mod
        try:
            tally = mod.run(ctx, quick=a.quick)
        finally:
            if not a.keep_pg:
                ctx.drop_pg()
                ctx.pg_dbs = []
        noisy = ctx.shg.native_lib_logs[logs_before:]
        if noisy:
            tally.problem(f"{len(noisy)} of this category's commands printed sqlite-jdbc's log "
                          f"'SEVERE: Failed to delete old native lib' with a Java stack trace on "
                          f"standard error (shg processes starting at the same moment delete each "
                          f"other's unpacked native library in the temporary directory); the "
                          f"command's own outcome was unaffected in every case seen",
                          "for i in $(seq 16); do (java -jar " + ctx.shg.jar + " verify --db " +
                          ctx.bases.paths["full"] + " 2>&1 | grep -m1 -A1 SEVERE) & done; wait")
        tally.seconds = time.time() - t1
        tally.note(f"{tally.seconds:.0f} s")
        tallies.append(tally)
        log(f"category {n}: {tally.tried} tried, {tally.refused} refused cleanly, "
            f"{tally.accepted} accepted, {len(tally.problems)} problems, {tally.seconds:.0f} s")
    report = table(tallies, time.time() - t0, ctx.shg.count)
    with open(os.path.join(work, "report.txt"), "w", encoding="utf-8") as f:
        f.write(report + "\n")
    print(report)
    log(f"report: {os.path.join(work, 'report.txt')}")
    sys.exit(1 if any(t.problems for t in tallies) else 0)


if __name__ == "__main__":
    main()
