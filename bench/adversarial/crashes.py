"""Category 3: kill -9 at random moments during imports and commands.

Each workload is first run to its end once, on a fresh copy of its base books: that is the
reference (trial balance with members, entry count, and where loans are involved `shg loans`).
Then, again and again on a fresh copy: start it, send SIGKILL to the JVM after a random time
between 15 % and 95 % of the reference run's time, and

- `shg verify` must pass on what the kill left;
- running the same command again must finish (exit 0);
- the books must then be exactly the reference: the same trial balance, entry count and loans.

A run that finished before its kill is not counted as a kill (the table's note says how many).
Workloads: the seed year through `shg import books`, the seed register through `shg import
meetings`, a generated 3,000-line passbook through `shg import passbook` (written in several
batches), `shg year-end`, `shg member exit` (with its settlement), and on PostgreSQL the seed
year through `shg import books`.
"""
import os
import random
import shutil
import signal
import time

from bases import GROUP, group_args, seed_dir
from common import Tally, copy_db, log, parallel, short, state


class Workload:
    def __init__(self, name, base, args, kills, loans=False, group=GROUP, pg=False):
        self.name, self.base, self.args, self.kills = name, base, args, kills
        self.loans, self.group, self.pg = loans, group, pg
        self.reference = None
        self.loans_ref = None
        self.seconds = None


def workloads(ctx, top, quick):
    sd = seed_dir(ctx.root)
    books = ["import", "books", GROUP, "--members", f"{sd}/members.csv", "--meetings",
             f"{sd}/meetings.csv", "--passbook", f"{sd}/passbook.csv", "--rules",
             f"{sd}/rules.txt"]
    gen = os.path.join(top, "generated")
    r = ctx.shg.run(["generate", "--groups", "0", "--passbook-rows", "3000", "--years", "3",
                     "--seed", "5", "--out", gen])
    if r.rc != 0:
        raise SystemExit(f"category 3: shg generate failed: {r.err}")
    bench = os.path.join(gen, "bench")
    # the generated group, created once as a base of its own
    bench_db = os.path.join(top, "bench-base.db")
    args = ["group", "create"]
    for line in open(os.path.join(bench, "group.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        args += line.split(" ", 1) if line.startswith("--") else [line]
    r = ctx.shg.run(args + ["--db", bench_db], cwd=top)
    if r.rc != 0:
        raise SystemExit(f"category 3: creating the generated group failed: {r.err}")
    from common import settle
    settle(bench_db)
    ctx.bases.paths["bench"] = bench_db
    k = (lambda full, q: q if quick else full)
    out = [
        Workload("import-books", "group", books, k(18, 3), loans=True),
        Workload("import-meetings", "members", ["import", "meetings", GROUP,
                                                f"{sd}/meetings.csv"], k(12, 2), loans=True),
        Workload("import-passbook-3000", "bench", ["import", "passbook", "BENCH",
                                                   f"{bench}/passbook.csv", "--rules",
                                                   f"{bench}/rules.txt"], k(14, 2),
                 group="BENCH"),
        Workload("year-end", "full", ["year-end", GROUP, "--date", "2025-03-31"], k(6, 1)),
        Workload("member-exit", "full", ["member", "exit", GROUP, "M02", "--date", "2025-03-31",
                                         "--channel", "bank"], k(6, 1), loans=True),
    ]
    if ctx.pg_ok():
        out.append(Workload("postgres-import-books", None, books, k(8, 1), loans=True, pg=True))
    return out


def fresh(ctx, w, d):
    """A fresh copy of the workload's base: a SQLite file, or a new PostgreSQL database."""
    if w.pg:
        url = ctx.pg_url(f"kill{len(ctx.pg_dbs)}")
        r = ctx.shg.run(group_args(ctx.root) + ["--db-url", url], cwd=d)
        if r.rc != 0:
            raise RuntimeError(f"group create on PostgreSQL failed: {r.err}")
        return ["--db-url", url]
    db = os.path.join(d, "books.db")
    copy_db(ctx.bases.paths[w.base], db)
    return ["--db", db]


def observe(ctx, w, db, d):
    s = state(ctx.shg, db[1], [w.group], cwd=d)
    loans = None
    if w.loans:
        loans = ctx.shg.run(["loans", w.group, "--format", "csv", "--as-of", "2025-03-31"] + db,
                            cwd=d).out
    return s, loans


def run(ctx, quick=False):
    shg = ctx.shg
    tally = Tally(3, "Crashes (kill -9)")
    top = os.path.join(ctx.work, "cat3")
    shutil.rmtree(top, ignore_errors=True)
    os.makedirs(top)
    wls = workloads(ctx, top, quick)
    if not ctx.pg_ok():
        tally.note("PostgreSQL not reachable at 127.0.0.1:5432: its kill trials were skipped")
    # references: each workload once, uninterrupted
    for w in wls:
        d = os.path.join(top, w.name, "reference")
        os.makedirs(d)
        db = fresh(ctx, w, d)
        t0 = time.time()
        r = shg.run(w.args + db, cwd=d, timeout=900)
        w.seconds = time.time() - t0
        if r.rc != 0:
            raise SystemExit(f"category 3: the reference run of {w.name} failed: {r.err}")
        w.reference, w.loans_ref = observe(ctx, w, db, d)
        log(f"category 3: {w.name} takes {w.seconds:.1f} s uninterrupted")
    trials = [(w, i) for w in wls for i in range(w.kills)]
    finished_early = []
    rnd = random.Random(13)
    delays = {(w.name, i): rnd.uniform(0.15, 0.95) for w, i in trials}

    def trial(item):
        w, i = item
        d = os.path.join(top, w.name, f"kill{i:02d}")
        os.makedirs(d)
        kills = 0
        for attempt in range(4):  # a run that finished before its kill is tried again, sooner
            db = fresh(ctx, w, d)
            delay = w.seconds * delays[(w.name, i)] * (0.6 ** attempt)
            out = open(os.path.join(d, "killed.out"), "wb")
            err = open(os.path.join(d, "killed.err"), "wb")
            p = shg.popen(w.args + db, cwd=d, out=out, err=err)
            time.sleep(delay)
            if p.poll() is None:
                os.kill(p.pid, signal.SIGKILL)
                p.wait()
                kills = 1
                break
            p.wait()
            finished_early.append(w.name)
        if not kills:
            tally.note(f"{w.name} trial {i}: finished before every kill")
            return
        repro = shg.repro(w.args + db, cwd=d) + f"  (killed after {delay:.2f} s)"
        problems = []
        v = shg.run(["verify"] + db, cwd=d)
        if v.rc != 0 or "MISMATCH" in v.out:
            problems.append(f"after kill -9 at {delay:.2f} s, shg verify fails: "
                            f"exit {v.rc}: {short(v.out + v.err, 90)}")
        again = shg.run(w.args + db, cwd=d, timeout=900)
        if again.rc != 0:
            problems.append(f"after kill -9 at {delay:.2f} s, the run again fails: exit "
                            f"{again.rc}: {short(again.first_err(), 90)}")
        s, loans = observe(ctx, w, db, d)
        if not s.verified():
            problems.append(f"after the run again, shg verify fails: {short(s.verify, 80)}")
        if not s.same_money(w.reference):
            problems.append(f"after kill -9 at {delay:.2f} s and the run again, the books differ "
                            f"from an uninterrupted run: {s.counts()} entries against "
                            f"{w.reference.counts()}, trial balance "
                            f"{'the same' if s.tbs == w.reference.tbs else 'different'}")
        if w.loans and loans != w.loans_ref:
            problems.append(f"after kill -9 at {delay:.2f} s and the run again, shg loans "
                            f"differs from an uninterrupted run")
        tally.add(None if problems else "accepted")
        for pr in problems:
            tally.problem(f"{w.name}: {pr}", repro)

    log(f"category 3: {len(trials)} kill trials")
    parallel(trial, trials, ctx.jobs)
    tally.note(f"kill trials by workload: " + ", ".join(f"{w.name} {w.kills} ({w.seconds:.1f} s "
                                                         f"uninterrupted)" for w in wls))
    if finished_early:
        tally.note(f"{len(finished_early)} runs finished before their kill and were tried again "
                   f"with a shorter delay")
    return tally
