"""The books every case starts from, built once a run from seeds/shg01-roshni by the program itself.

    group     SHG01 created from group.txt, nothing else
    members   + its roster (14 members)
    two       + the meeting register's first two meetings (April and May 2024)
    full      + the whole register and the SBI passbook (225 entries): the seed's year
    closed    + the year closed (`shg year-end SHG01 --date 2025-03-31`)

Each is a SQLite file with its write-ahead log folded in, copied for every case; its State (verify
and trial balance) is taken once, so a refused import is compared with it.
"""
import hashlib
import json
import os

from common import State, copy_db, log, settle, state

GROUP = "SHG01"


def seed_dir(root):
    return os.path.join(root, "seeds", "shg01-roshni")


def group_args(root):
    """`shg group create` arguments from the seed's group.txt (one argument a line, the option
    and its value separated by the first space)."""
    args = ["group", "create"]
    for line in open(os.path.join(seed_dir(root), "group.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("--"):
            opt, _, value = line.partition(" ")
            args += [opt, value]
        else:
            args.append(line)
    return args


def read(root, name):
    with open(os.path.join(seed_dir(root), name), "rb") as f:
        return f.read()


def register_rows(root):
    """The seed's meeting register: header line and row lines (str, no line ends)."""
    lines = read(root, "meetings.csv").decode("utf-8").splitlines()
    return lines[0], [l for l in lines[1:] if l.strip()]


def two_meetings(root):
    header, rows = register_rows(root)
    return header, [r for r in rows if r.startswith(("2024-04-10", "2024-05-10"))]


def later_meetings(root):
    header, rows = register_rows(root)
    return header, [r for r in rows if not r.startswith(("2024-04-10", "2024-05-10"))]


class Bases:
    def __init__(self, shg, root, work):
        self.shg, self.root = shg, root
        self.dir = os.path.join(work, "bases")
        self.paths = {}
        self.states = {}

    def build(self):
        """Builds the bases, or takes them from the last run when the jar and seeds are the same."""
        os.makedirs(self.dir, exist_ok=True)
        shg, sd = self.shg, seed_dir(self.root)
        h = hashlib.sha256(shg.stamp().encode())
        for name in sorted(os.listdir(sd)):
            h.update(name.encode() + read(self.root, name))
        stamp = h.hexdigest()
        saved = os.path.join(self.dir, "bases.json")
        if os.path.exists(saved):
            data = json.load(open(saved))
            if data.get("stamp") == stamp and all(os.path.exists(p) for p in data["paths"].values()):
                self.paths = data["paths"]
                self.states = {n: State(s["verify"], s["tbs"], s["rc"])
                               for n, s in data["states"].items()}
                log("bases: as built by the last run (same jar and seeds)")
                return
        two = os.path.join(self.dir, "two-meetings.csv")
        header, rows = two_meetings(self.root)
        with open(two, "w", encoding="utf-8") as f:
            f.write("\n".join([header] + rows) + "\n")
        steps = [
            ("group", group_args(self.root)),
            ("members", ["import", "members", GROUP, os.path.join(sd, "members.csv")]),
            ("two", ["import", "meetings", GROUP, two]),
            ("full", ["import", "books", GROUP, "--meetings", os.path.join(sd, "meetings.csv"),
                      "--passbook", os.path.join(sd, "passbook.csv"),
                      "--rules", os.path.join(sd, "rules.txt")]),
            ("closed", ["year-end", GROUP, "--date", "2025-03-31"]),
        ]
        db = os.path.join(self.dir, "work.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        for name, args in steps:
            r = shg.run(args + ["--db", db], cwd=self.dir)
            if r.rc != 0:
                raise SystemExit(f"building the base '{name}' failed: exit {r.rc}: {r.err.strip()}"
                                 f"\n{shg.repro(args + ['--db', db])}")
            settle(db)
            path = os.path.join(self.dir, name + ".db")
            copy_db(db, path)
            self.paths[name] = path
        for name, path in self.paths.items():
            self.states[name] = state(shg, path, [GROUP], cwd=self.dir)
            if not self.states[name].verified():
                raise SystemExit(f"the base '{name}' does not verify: {self.states[name].verify}")
        with open(saved, "w") as f:
            json.dump({"stamp": stamp, "paths": self.paths,
                       "states": {n: {"verify": s.verify, "tbs": s.tbs, "rc": s.rc}
                                  for n, s in self.states.items()}}, f)
        log("bases: " + ", ".join(f"{n} {self.states[n].counts().get(GROUP, 0)} entries"
                                  for n in self.paths))

    def copy(self, name, dst):
        copy_db(self.paths[name], dst)
        return dst
