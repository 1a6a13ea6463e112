#!/usr/bin/env python3
"""Timelines of public captures against the expected outputs their own
test suites ship:

- zeek-spicy-ipsec baselines (ipsec.log, one row per ISAKMP message): the
  multiset of (direction, exchange type, message ID, length, cookies) of
  our timeline's messages equals the baseline's rows.
- suricata-verify tests/ikev1 (EVE ike event): cookies, exchange type and
  the chosen algorithms equal our timeline's SA and proposal.
Prints TAP.  usage: timeline_public.py IKESCOPE CORPUS
"""
import json
import os
import subprocess
import sys

tests = []
ZEEK = {  # baseline test -> trace (zeek-spicy-ipsec README mapping)
    "analyzer.ikev1-a": "ikev1-certs.pcap",
    "analyzer.ikev1-b": "ipsec-ikev1-isakmp-aggressive-mode.pcap",
    "analyzer.ikev1-c": "ipsec-ikev1-isakmp-main-mode.pcap",
}


def ok(cond, name, diag=None):
    tests.append((bool(cond), name, diag))


def timeline(ikescope, pcap):
    out = subprocess.run([ikescope, "timeline", "--json", "-q", pcap],
                         capture_output=True, text=True, check=False)
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def zeek(ikescope, corpus):
    base = os.path.join(corpus, "public", "zeek-spicy-ipsec", "tests")
    for test, trace in sorted(ZEEK.items()):
        log = os.path.join(base, "baseline", test, "ipsec.log")
        pcap = os.path.join(base, "traces", trace)
        if not os.path.exists(log) or not os.path.exists(pcap):
            ok(True, f"zeek {test}: # SKIP files missing")
            continue
        fields, want = None, []
        for line in open(log):
            line = line.rstrip("\n")
            if line.startswith("#fields"):
                fields = line.split("\t")[1:]
                continue
            if line.startswith("#") or not line:
                continue
            r = dict(zip(fields, line.split("\t")))
            if r.get("maj_ver") != "1":
                continue
            want.append((r["is_orig"] == "T", int(r["exchange_type"]),
                         int(r["message_id"]), int(r["length"]),
                         r["initiator_spi"]))
        got = []
        for sa in timeline(ikescope, pcap):
            for m in sa["messages"]:
                got.append((m["dir"] == "i2r", m["exchange_type"],
                            int(m["msgid"], 16), m["length"], sa["icookie"]))
        ok(sorted(want) == sorted(got) and want,
           f"zeek {test} ({trace}): {len(want)} messages match ipsec.log "
           "(direction, exchange, message ID, length, cookie)",
           f"missing={sorted(set(want) - set(got))} "
           f"extra={sorted(set(got) - set(want))}")


SURI_ALG = {"EncAesCbc": "aes_cbc", "HashSha": "sha1",
            "GroupAlternate1024BitModpGroup": "modp1024",
            "AuthPreSharedKey": "psk"}


def suricata(ikescope, corpus):
    d = os.path.join(corpus, "public", "suricata-verify", "tests")
    pcap = os.path.join(d, "ikev1-rules", "ikev1-isakmp-main-mode.pcap")
    if not os.path.exists(pcap):
        ok(True, "suricata ikev1: # SKIP capture missing")
        return
    # tests/ikev1/test.yaml (facts, transcribed): init/resp SPIs,
    # exchange type 2, EncAesCbc, HashSha, GroupAlternate1024BitModpGroup,
    # AuthPreSharedKey.
    sas = timeline(ikescope, pcap)
    sa = sas[0] if sas else {}
    p = sa.get("proposal") or {}
    ok(len(sas) == 1 and sa["icookie"] == "e47a591fd057587f"
       and sa["rcookie"] == "a00b8ef0902bb8ec" and sa["mode"] == "main",
       "suricata ikev1: cookies and Main Mode as the EVE expectation",
       sas and {k: sa[k] for k in ("icookie", "rcookie", "mode")})
    want = {"enc": "aes_cbc", "hash": "sha1", "group": "modp1024",
            "auth": "psk"}
    got = {k: p.get(k) for k in want}
    ok(got == want, "suricata ikev1: chosen enc/hash/group/auth as the EVE "
       "expectation", f"got {got} want {want} (names: {SURI_ALG})")


def main():
    ikescope, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(os.path.join(corpus, "public")):
        print("1..0 # SKIP no public corpus at " + corpus)
        return 0
    zeek(ikescope, corpus)
    suricata(ikescope, corpus)
    print(f"1..{len(tests)}")
    for i, (c, n, diag) in enumerate(tests, 1):
        if n.endswith("# SKIP files missing") or "# SKIP" in n:
            print(f"ok {i} {n[n.index('#'):]}")
            continue
        print(f"{'ok' if c else 'not ok'} {i} - {n}")
        if not c and diag is not None:
            print(f"# {str(diag)[:2000]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
