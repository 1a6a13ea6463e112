"""taplib.py - TAP output for the python script tests: check(ok, desc,
diag) prints "ok N - desc" or "not ok N - desc" and the diagnostics as
comments; done() prints the plan and returns the exit status."""

_n = 0
_failed = 0


def check(ok, desc, diag=None):
    global _n, _failed
    _n += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", _n, desc))
    if not ok:
        _failed += 1
        for line in str(diag or "").splitlines()[:40]:
            print("# " + line)


def done():
    print("1..%d" % _n)
    return 1 if _failed else 0
