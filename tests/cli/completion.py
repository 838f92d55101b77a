#!/usr/bin/env python3
# tests/cli/completion.py — Tab completion at a real prompt (a pty) on the bundled graph:
# labels after `(x:`, relationship types after `[:`, property keys after `x.`, keywords,
# meta commands, files inside quotes (a folder ends in `/`, no space), and no file names
# where a query word is expected (issue 13). Usage: completion.py KGQ_BINARY REPO_ROOT.
import os, pty, sys, time

from pty_support import Checks, quit_and_wait, read_until

kgq, root = sys.argv[1], sys.argv[2]
checks = Checks()
check = checks.check
graph = os.path.join(root, "graphs", "unc4841", "unc4841.kgq")

pid, fd = pty.fork()
if pid == 0:
    os.environ["HOME"] = "/tmp"
    os.chdir(root)
    os.execv(kgq, [kgq, graph])
ok, _ = read_until(fd, b"kgq> ", 20)
check(ok, "the prompt opens on the bundled graph")


# libedit inserts what the word lacks and redraws from the cursor: `expect` is that insertion.
def complete(typed, expect, absent=None):
    os.write(fd, typed.encode() + b"\t")
    ok, out = read_until(fd, expect.encode(), 3)
    time.sleep(0.2)
    _, more = read_until(fd, b"\x00never", 0.3)
    out += more
    good = ok and (absent is None or absent.encode() not in out)
    check(good, "%r + Tab inserts %r%s (%r)" % (typed, expect, "" if absent is None else ", not %r" % absent, out[-60:]))
    os.write(fd, b"\x03")  # Ctrl-C: clear the line for the next one
    read_until(fd, b"kgq> ", 3)
    return out


complete("MATCH (x:Camp", "aign")                     # Campaign
complete("MATCH (:Campaign)-[:ATTR", "IBUTED_TO")     # ATTRIBUTED_TO
complete("MATCH (x:Report) RETURN x.na", "me")        # name
complete("MAT", "CH ")                                # MATCH
complete("match (n) ret", "urn ")                     # return, in the case typed
complete(":timi", "ng")                               # :timing
complete("IMPORT STIX 'tests/cli/scripts/tiny-b", "undle.json")
out = complete("IMPORT STIX 'tests/cl", "i/")         # tests/cli/
check(b"i/ " not in out, "a folder is completed without a space after it")
complete("RETURN gra", "RETURN gra", absent="phs")    # no file names for a query word

quit_and_wait(fd, pid)
checks.finish()
