#!/usr/bin/env python3
# tests/cli/utf8_input.py — non-ASCII text typed at the prompt of a real terminal (a pty)
# reaches the query intact and is kept in the history, under LANG=C.UTF-8 and under LANG=C
# (kgq then reads UTF-8 anyway): `’`, accents, CJK and emoji, which libedit dropped before
# kgq set its LC_CTYPE (issue 13). Usage: utf8_input.py KGQ_BINARY. Prints "N passed, N failed".
import os, pty, select, sys, tempfile, time

from pty_support import Checks, quit_and_wait, read_until

kgq = sys.argv[1]
checks = Checks()
check = checks.check
text = "People’s ü € 中文字符 🔥🐉"




for lang in ["C.UTF-8", "C"]:
    home = tempfile.mkdtemp()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.environ["LANG"] = lang
        os.environ.pop("LC_ALL", None)
        os.environ.pop("LC_CTYPE", None)
        os.execv(kgq, [kgq, "--format", "csv"])
    ok, _ = read_until(fd, b"kgq> ", 10)
    check(ok, "LANG=%s: the prompt opens" % lang)
    os.write(fd, ("RETURN '%s' AS s, size('%s') AS n;\r" % (text, text)).encode())
    ok, out = read_until(fd, b"kgq> ", 10)
    # The answer line (not the echo of the input): the text, then its length in characters.
    answer = ("%s,%d" % (text, len(text))).encode()
    check(ok and answer in out, "LANG=%s: typed UTF-8 reaches the query (%s)" % (lang, "ok" if answer in out else out[-200:]))
    quit_and_wait(fd, pid)
    history = os.path.join(home, ".kgq_history")
    kept = open(history, "rb").read() if os.path.exists(history) else b""
    # libedit's history file escapes some bytes (vis(3)); the text must come back unescaped.
    check(text.encode() in kept or text.encode() in kept.replace(b"\\040", b" "), "LANG=%s: the history keeps the statement in UTF-8" % lang)

checks.finish()
