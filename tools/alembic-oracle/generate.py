#!/usr/bin/python3
"""Generate Alembic revision-graph oracle fixtures for Retort.

Runs the REAL Alembic (Debian package python3-alembic) against SQLite for a
set of scenarios and writes one fixture file per scenario into
retort-core/src/test/resources/alembic-oracle/<scenario>.txt

Fixture format (line oriented, '#' starts a comment line):

    rev <id> down=<none|id|id,id,...> [labels=<l1,l2>] [depends=<id,id>]
    heads <ids sorted>              (or: heads !error <Class>: <msg>)
    bases <ids sorted>              (or: bases !error <Class>: <msg>)
    <upgrade|downgrade|stamp> <target> => <alembic_version rows, sorted, space separated>
    <upgrade|downgrade|stamp> <target> => (empty)
    <upgrade|downgrade|stamp> <target> => !error <ExceptionClass>: <message on one line>

State (the SQLite database) carries across the command lines of one file.
After each command line the generator also writes an informational comment
'#   ran: <step>; <step>' listing the migration steps Alembic executed, in
order ('upgrade a -> b', 'downgrade b -> a', 'stamp_revision  -> a' ...).
The order of steps between independent branches is Alembic's own
topological order; it is made reproducible by running with PYTHONHASHSEED=0.

Usage:  /usr/bin/python3 tools/alembic-oracle/generate.py [OUTPUT_DIR]
"""

import io
import logging
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import warnings

# Alembic iterates over sets of revision ids in places; fix the hash seed so
# that step order (recorded in comments) and messages are reproducible.
# A different seed can be forced with --seed N (used only to check which
# recorded results depend on Alembic's internal set ordering).
_SEED = "0"
if "--seed" in sys.argv:
    _i = sys.argv.index("--seed")
    _SEED = sys.argv[_i + 1]
    del sys.argv[_i:_i + 2]
if os.environ.get("PYTHONHASHSEED") != _SEED:
    env = dict(os.environ, PYTHONHASHSEED=_SEED)
    os.execve(sys.executable, [sys.executable] + sys.argv + ["--seed", _SEED], env)

import alembic  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(
    os.path.join(HERE, "..", "..", "retort-core", "src", "test", "resources", "alembic-oracle")
)


# ---------------------------------------------------------------------------
# Scenario definitions
#
# R(id, down, labels=..., depends=...): down is None, a str, or a tuple.
# Commands are "<cmd> <target>" strings.
# ---------------------------------------------------------------------------

def R(rev, down, labels=None, depends=None):
    return (rev, down, labels, depends)


SCENARIOS = []


def scenario(name, description, revs, commands):
    SCENARIOS.append((name, description, revs, commands))


scenario(
    "01_linear",
    "linear chain a..e; absolute, relative (+n/-n) and rev+n / rev-n targets",
    [R("a", None), R("b", "a"), R("c", "b"), R("d", "c"), R("e", "d")],
    [
        "upgrade +2",
        "upgrade head",
        "downgrade -1",
        "downgrade -2",
        "downgrade base",
        "upgrade e",
        "downgrade c",
        "upgrade c+1",
        "downgrade e-2",
        "upgrade +1",
        "upgrade +5",
        "downgrade -10",
        "upgrade b",
        "downgrade e",
        "upgrade heads",
        "downgrade a",
        "downgrade -1",
        "downgrade -1",
        "upgrade -1",
        "upgrade b+2",
        "downgrade +1",
        "upgrade head-1",
        "downgrade base+1",
        "upgrade zzz",
        "upgrade head+0",
    ],
)

scenario(
    "02_two_branches",
    "two branches from one root: a; b,c children of a; b1 child of b",
    [R("a", None), R("b", "a"), R("c", "a"), R("b1", "b")],
    [
        "upgrade heads",
        "downgrade b",
        "downgrade a",
        "upgrade b1",
        "upgrade c",
        "downgrade base",
        "upgrade head",
        "upgrade heads",
        "downgrade c",
        "downgrade -1",
        "downgrade b1-1",
        "downgrade a",
        "upgrade b",
        "upgrade c",
        "downgrade b",
        "upgrade +1",
        "downgrade base",
    ],
)

scenario(
    "03_branch_merge",
    "branch then merge: a; b,c from a; m merges b,c; n after m",
    [R("a", None), R("b", "a"), R("c", "a"), R("m", ("b", "c")), R("n", "m")],
    [
        "upgrade b",
        "upgrade m",
        "downgrade b",
        "upgrade m",
        "downgrade c",
        "upgrade m",
        "downgrade -1",
        "upgrade heads",
        "downgrade m",
        "downgrade a",
        "upgrade n",
        "downgrade m-1",
        "upgrade head",
        "downgrade -2",
        "upgrade c",
        "downgrade base",
    ],
)

scenario(
    "04_two_bases_merge",
    "two independent bases a->b and x->y, merged by m(b,y), then n",
    [R("a", None), R("b", "a"), R("x", None), R("y", "x"), R("m", ("b", "y")), R("n", "m")],
    [
        "upgrade b",
        "upgrade y",
        "upgrade m",
        "downgrade a",
        "downgrade x",
        "downgrade base",
        "upgrade heads",
        "downgrade b",
        "downgrade base",
        "upgrade +1",
        "upgrade a",
        "upgrade x",
        "upgrade +1",
        "upgrade n",
        "downgrade -1",
        "downgrade -1",
        "downgrade y",
        "downgrade base",
        "upgrade m",
    ],
)

scenario(
    "05_depends_on",
    "depends_on across branches: a->b; x->y with y depends_on b",
    [R("a", None), R("b", "a"), R("x", None), R("y", "x", depends="b")],
    [
        "upgrade y",
        "downgrade base",
        "upgrade heads",
        "downgrade b",
        "downgrade a",
        "upgrade y",
        "downgrade x",
        "downgrade base",
        "upgrade x",
        "upgrade b",
        "upgrade y",
        "downgrade a",
        "upgrade heads",
        "downgrade -1",
        "downgrade y",
        "upgrade head",
        "downgrade base",
    ],
)

scenario(
    "06_branch_labels",
    "branch labels: a->b labelled core on b; c (down=a) labelled feature; c->d",
    [R("a", None), R("b", "a", labels="core"), R("c", "a", labels="feature"), R("d", "c")],
    [
        "upgrade feature@head",
        "upgrade core@head",
        "downgrade feature@-1",
        "upgrade feature@+1",
        "downgrade core@base",
        "downgrade core@-1",
        "upgrade core@+1",
        "upgrade heads",
        "downgrade feature@-1",
        "upgrade feature@d",
        "upgrade core@d",
        "upgrade feature",
        "downgrade base",
        "upgrade feature",
        "upgrade core",
        "downgrade feature",
        "downgrade base",
        "upgrade feature@+1",
        "upgrade feature@+1",
        "upgrade b@head",
        "upgrade c@head",
        "downgrade c@base",
        "upgrade core@head",
        "downgrade feature@c",
        "downgrade base",
    ],
)

scenario(
    "07_three_way_merge",
    "merge of three parents: a; b,c,d from a; m(b,c,d); n after m",
    [R("a", None), R("b", "a"), R("c", "a"), R("d", "a"), R("m", ("b", "c", "d")), R("n", "m")],
    [
        "upgrade n",
        "downgrade -1",
        "downgrade -1",
        "upgrade m",
        "downgrade c",
        "upgrade m",
        "downgrade a",
        "upgrade b",
        "upgrade m",
        "downgrade d",
        "downgrade b",
        "upgrade c",
        "upgrade head",
        "downgrade m-1",
        "downgrade -2",
        "downgrade base",
        "upgrade +2",
        "upgrade heads",
        "downgrade base",
    ],
)

scenario(
    "08_stamp_linear",
    "stamp on a linear chain a..d",
    [R("a", None), R("b", "a"), R("c", "b"), R("d", "c")],
    [
        "stamp head",
        "stamp b",
        "stamp base",
        "stamp c",
        "upgrade head",
        "stamp a",
        "stamp heads",
        "stamp -1",
        "stamp +1",
        "stamp b+1",
        "stamp zzz",
        "downgrade b",
        "stamp base",
        "upgrade +1",
        "stamp d",
        "downgrade base",
    ],
)

scenario(
    "09_stamp_branches",
    "stamp with branches present: a; b(a); c(b); d(a)",
    [R("a", None), R("b", "a"), R("c", "b"), R("d", "a")],
    [
        "stamp head",
        "stamp heads",
        "stamp b",
        "stamp d",
        "stamp base",
        "stamp c",
        "stamp d",
        "stamp a",
        "stamp b",
        "stamp c",
        "stamp d",
        "stamp heads",
        "stamp base",
        "upgrade d",
        "stamp c",
        "downgrade base",
        "stamp a",
        "upgrade heads",
        "stamp -1",
        "downgrade base",
    ],
)

scenario(
    "10_diamond_deep",
    "diamond with extra depth on one side: a; b->b2->b3 from a; c from a; m(b3,c)",
    [R("a", None), R("b", "a"), R("b2", "b"), R("b3", "b2"), R("c", "a"), R("m", ("b3", "c"))],
    [
        "upgrade m",
        "downgrade b2",
        "upgrade heads",
        "downgrade c",
        "downgrade b",
        "upgrade b3",
        "downgrade base",
        "upgrade c",
        "upgrade b2",
        "upgrade +1",
        "upgrade m",
        "downgrade -1",
        "downgrade -1",
        "downgrade b3-2",
        "upgrade head",
        "downgrade base",
    ],
)

scenario(
    "11_depends_redundant_and_merge",
    "depends_on an ancestor (redundant) and depends_on a merge: "
    "a; b,c from a; m(b,c) ; d(m) depends b; z (base) depends m",
    [
        R("a", None),
        R("b", "a"),
        R("c", "a"),
        R("m", ("b", "c")),
        R("d", "m", depends="b"),
        R("z", None, depends="m"),
    ],
    [
        "upgrade d",
        "downgrade base",
        "upgrade z",
        "upgrade heads",
        "downgrade m",
        "downgrade b",
        "upgrade heads",
        "downgrade c",
        "downgrade base",
        "upgrade c",
        "upgrade z",
        "downgrade -1",
        "upgrade d",
        "downgrade a",
        "downgrade base",
    ],
)

scenario(
    "12_relative_across_merge",
    "relative steps with two heads present and across a merge: a; b,c from a; m(b,c)",
    [R("a", None), R("b", "a"), R("c", "a"), R("m", ("b", "c"))],
    [
        "upgrade b",
        "upgrade c",
        "upgrade +1",
        "downgrade -1",
        "upgrade m",
        "downgrade -1",
        "upgrade +1",
        "downgrade -2",
        "upgrade b+1",
        "downgrade m-1",
        "downgrade base",
        "upgrade +1",
        "upgrade +1",
        "upgrade +1",
        "upgrade +1",
        "downgrade -3",
        "upgrade +3",
        "downgrade base",
    ],
)

scenario(
    "13_id_prefixes",
    "revision ids sharing prefixes: abc1 -> abc2 -> abd3 -> xyz (a 3-char id); "
    "partial ids only match revisions whose id is longer than 3 chars",
    [R("abc1", None), R("abc2", "abc1"), R("abd3", "abc2"), R("xyz", "abd3")],
    [
        "upgrade abc",
        "upgrade abd",
        "downgrade abc1",
        "upgrade ab",
        "upgrade abc2",
        "downgrade a",
        "downgrade abc1",
        "upgrade abc1+1",
        "upgrade abd3",
        "downgrade abc2",
        "stamp abc",
        "stamp abd",
        "downgrade abc1",
        "upgrade abc2-1",
        "upgrade xy",
        "upgrade x",
        "upgrade xyz",
        "downgrade abd3x",
        "downgrade abd",
        "downgrade ABC1",
        "downgrade base",
    ],
)

scenario(
    "14_cross_branch_targets",
    "subtle targets: downgrade to another branch's revision, upgrade to an applied "
    "ancestor, downgrade to an unapplied revision; a; b(a); b2(b); c(a); c2(c)",
    [R("a", None), R("b", "a"), R("b2", "b"), R("c", "a"), R("c2", "c")],
    [
        "upgrade b2",
        "downgrade c",
        "downgrade c2",
        "upgrade b",
        "upgrade a",
        "upgrade c",
        "upgrade c2",
        "downgrade b2",
        "downgrade c2",
        "downgrade b",
        "upgrade b",
        "downgrade c",
        "downgrade a",
        "upgrade b2",
        "upgrade c",
        "downgrade c2",
        "upgrade c2",
        "downgrade b",
        "downgrade base",
        "upgrade c2",
        "upgrade b",
        "downgrade b2",
        "downgrade base",
    ],
)

scenario(
    "15_merge_with_ancestor_parent",
    "merge where one parent is an ancestor of the other: a; b(a); c(b); m(b,c)",
    [R("a", None), R("b", "a"), R("c", "b"), R("m", ("b", "c"))],
    [
        "upgrade b",
        "upgrade m",
        "downgrade -1",
        "downgrade b",
        "upgrade head",
        "downgrade c",
        "downgrade a",
        "upgrade +2",
        "upgrade +1",
        "downgrade base",
        "stamp m",
        "downgrade -1",
        "downgrade base",
    ],
)

scenario(
    "16_labels_propagation",
    "labels on a base and on a branch point child; multiple labels on one revision: "
    "r0 (base, labels=root); r1(r0); l1(r1, labels=left,lft); l2(l1); q1(r1, labels=right); q2(q1)",
    [
        R("r0", None, labels="root"),
        R("r1", "r0"),
        R("l1", "r1", labels="left,lft"),
        R("l2", "l1"),
        R("q1", "r1", labels="right"),
        R("q2", "q1"),
    ],
    [
        "upgrade root@head",
        "upgrade r1",
        "upgrade lft@head",
        "upgrade right@+1",
        "upgrade left@head",
        "downgrade right@base",
        "downgrade left@-1",
        "upgrade right@head",
        "downgrade root@base",
        "upgrade heads",
        "downgrade right@r1",
        "downgrade lft@base",
        "upgrade left@+2",
        "upgrade right@+3",
        "downgrade root@-1",
        "downgrade base",
        "upgrade nolabel@head",
        "upgrade left@q2",
    ],
)

scenario(
    "17_depends_chain_downgrade",
    "dependency of a dependency, and downgrading the depended-on revision while the "
    "dependent is applied: a->b->c; x depends c; y(x) depends a",
    [
        R("a", None),
        R("b", "a"),
        R("c", "b"),
        R("x", None, depends="c"),
        R("y", "x", depends="a"),
    ],
    [
        "upgrade x",
        "upgrade y",
        "downgrade b",
        "upgrade heads",
        "downgrade x",
        "downgrade a",
        "downgrade base",
        "upgrade y",
        "stamp c",
        "upgrade heads",
        "downgrade c",
        "downgrade -1",
        "downgrade base",
        "stamp y",
        "downgrade base",
    ],
)

scenario(
    "18_special_targets",
    "special and odd targets (base, heads, head as downgrade targets, label/id with "
    "@, empty-table no-ops): a; b(a); b1(b); c(a)",
    [R("a", None), R("b", "a"), R("b1", "b"), R("c", "a")],
    [
        "downgrade base",
        "stamp base",
        "upgrade base",
        "downgrade -1",
        "upgrade heads",
        "upgrade heads",
        "downgrade heads",
        "downgrade head",
        "upgrade base",
        "downgrade b@base",
        "upgrade b1@-1",
        "upgrade b@+1",
        "upgrade c@+1",
        "downgrade b1@-1",
        "upgrade heads@+1",
        "downgrade c@-1",
        "upgrade a@head",
        "downgrade base",
        "upgrade a@head",
        "upgrade head@head",
        "downgrade base",
    ],
)


# ---------------------------------------------------------------------------
# Machinery
# ---------------------------------------------------------------------------

ENV_PY = '''\
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config

connectable = engine_from_config(
    config.get_section(config.config_ini_section),
    prefix="sqlalchemy.",
    poolclass=pool.NullPool,
)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
'''

def py_repr_labels(labels):
    if labels is None:
        return None
    parts = labels.split(",")
    return parts[0] if len(parts) == 1 else tuple(parts)


def write_env(root, revs):
    os.makedirs(os.path.join(root, "migrations", "versions"))
    db = os.path.join(root, "oracle.db")
    with open(os.path.join(root, "alembic.ini"), "w") as f:
        f.write(
            "[alembic]\n"
            "script_location = %s\n"
            "sqlalchemy.url = sqlite:///%s\n" % (os.path.join(root, "migrations"), db)
        )
    with open(os.path.join(root, "migrations", "env.py"), "w") as f:
        f.write(ENV_PY)
    for i, (rev, down, labels, depends) in enumerate(revs):
        dep = None
        if depends is not None:
            parts = depends.split(",")
            dep = parts[0] if len(parts) == 1 else tuple(parts)
        body = (
            "revision = %r\n"
            "down_revision = %r\n"
            "branch_labels = %r\n"
            "depends_on = %r\n"
            "\n\n"
            "def upgrade():\n    pass\n\n\n"
            "def downgrade():\n    pass\n"
        ) % (rev, down, py_repr_labels(labels), dep)
        fname = "v%02d_%s.py" % (i, rev)
        with open(os.path.join(root, "migrations", "versions", fname), "w") as f:
            f.write(body)
    return db


def rev_line(rev, down, labels, depends):
    if down is None:
        d = "none"
    elif isinstance(down, str):
        d = down
    else:
        d = ",".join(down)
    s = "rev %s down=%s" % (rev, d)
    if labels:
        s += " labels=%s" % labels
    if depends:
        s += " depends=%s" % depends
    return s


class StepCapture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.steps = []

    def emit(self, record):
        msg = record.getMessage()
        if msg.startswith("Running "):
            self.steps.append(msg[len("Running "):])


def one_line(exc, root):
    msg = str(exc).replace(root, "<env>")
    msg = re.sub(r"\s+", " ", msg).strip()
    return ("%s: %s" % (type(exc).__name__, msg)).rstrip()


def read_rows(db):
    if not os.path.exists(db):
        return []
    con = sqlite3.connect(db)
    try:
        try:
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.OperationalError:
            return []
        return sorted(r[0] for r in rows)
    finally:
        con.close()


def run_scenario(name, description, revs, commands, out_dir):
    root = tempfile.mkdtemp(prefix="alembic-oracle-")
    try:
        db = write_env(root, revs)
        cfg = Config(os.path.join(root, "alembic.ini"))
        cfg.stdout = io.StringIO()  # swallow command output
        lines = [
            "# alembic %s" % alembic.__version__,
            "# scenario %s: %s" % (name, description),
            "# generated by tools/alembic-oracle/generate.py (SQLite backend); do not edit by hand",
            "",
        ]
        for r in revs:
            lines.append(rev_line(*r))
        script = ScriptDirectory.from_config(cfg)
        for what, fn in (("heads", script.get_heads), ("bases", script.get_bases)):
            try:
                lines.append("%s %s" % (what, " ".join(sorted(fn()))))
            except Exception as exc:  # record graph-load errors too
                lines.append("%s !error %s" % (what, one_line(exc, root)))
        lines.append("")

        capture = StepCapture()
        mlog = logging.getLogger("alembic.runtime.migration")
        mlog.setLevel(logging.INFO)
        mlog.propagate = False
        mlog.addHandler(capture)
        try:
            for cmdline in commands:
                cmd, target = cmdline.split(" ", 1)
                fn = {"upgrade": command.upgrade, "downgrade": command.downgrade,
                      "stamp": command.stamp}[cmd]
                capture.steps = []
                cause = None
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    try:
                        fn(cfg, target)
                        rows = read_rows(db)
                        result = " ".join(rows) if rows else "(empty)"
                    except Exception as exc:
                        result = "!error " + one_line(exc, root)
                        cause = exc.__cause__ or exc.__context__
                lines.append("%s %s => %s" % (cmd, target, result))
                for w in caught:
                    lines.append("#   warning: %s: %s" % (
                        w.category.__name__, re.sub(r"\s+", " ", str(w.message)).strip()))
                if result.startswith("!error") and cause is not None:
                    lines.append("#   cause: " + one_line(cause, root))
                if capture.steps:
                    lines.append("#   ran: " + "; ".join(re.sub(r"\s+", " ", s) for s in capture.steps))
        finally:
            mlog.removeHandler(capture)
    finally:
        shutil.rmtree(root)

    with open(os.path.join(out_dir, name + ".txt"), "w") as f:
        f.write("\n".join(line.rstrip() for line in lines) + "\n")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    os.makedirs(out_dir, exist_ok=True)
    for name, description, revs, commands in SCENARIOS:
        run_scenario(name, description, revs, commands, out_dir)
        print("wrote %s" % os.path.join(out_dir, name + ".txt"))


if __name__ == "__main__":
    main()
