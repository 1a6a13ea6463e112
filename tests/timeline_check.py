#!/usr/bin/env python3
"""Timeline oracle: `ikescope timeline --json` against the strongSwan
corpus manifests (the charon initiator's own log of every exchange).

For every capture with a manifest it checks, per IKE SA the manifest names
(by initiator cookie): the SA exists; its mode; its outcome (established,
or failed with the reason for expected failures); that the phase-1 script
was fully labelled; that the Quick Mode and Informational message IDs are
exactly the ones charon logged for that SA; that Quick Modes completed.
Prints TAP.  usage: timeline_check.py IKESCOPE CORPUS_DIR
"""
import glob
import json
import os
import subprocess
import sys

tests = []


def ok(cond, name, diag=None):
    tests.append((bool(cond), name, diag))


def timeline(ikescope, pcap, keys=None):
    cmd = [ikescope, "timeline", "--json", "-q"]
    if keys:
        cmd += ["-k", keys]
    out = subprocess.run(cmd + [pcap],
                         capture_output=True, text=True, check=False)
    sas = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    return out.returncode, sas


def check_capture(ikescope, man_path):
    name = os.path.basename(man_path)[:-5]
    pcap = man_path[:-5] + ".pcap"
    man = json.load(open(man_path))
    rc, sas = timeline(ikescope, pcap)
    ok(rc == 0, f"{name}: timeline exits 0", f"rc={rc}")
    by_ck = {s["icookie"]: s for s in sas}
    log = man.get("exchanges_initiator_log") or []
    mode = "aggressive" if "Aggressive" in (man.get("exchange_mode") or "") \
        else "main"
    if not man.get("ike_sas"):
        # ike-scan probe: AM1 and AM2 only; the prober never sends AM3.
        ok(len(sas) >= 1, f"{name}: IKE SA seen", f"{len(sas)} SAs")
        # If the responder resent AM2 and no AM3 came, it failed for lack
        # of response; with no resend it is merely incomplete.
        for s in sas:
            labels = [m["label"] for m in s["messages"]
                      if not m["retransmit"]]
            resent = [m for m in s["messages"] if m["retransmit"]]
            want = "failed" if resent else "incomplete"
            ok(s["mode"] == mode and labels == ["AM1", "AM2"]
               and all(m["label"] == "AM2" for m in resent)
               and s["state"] == want
               and (not resent or "no response after %d" % len(resent)
                    in s["reason"]),
               f"{name}: {s['icookie']} AM1 AM2 only, {want}",
               f"mode={s['mode']} labels={labels} state={s['state']} "
               f"reason={s['reason']}")
        return
    ok(len(sas) == len(man["ike_sas"]),
       f"{name}: {len(man['ike_sas'])} IKE SA(s)",
       f"got {len(sas)}: {[s['icookie'] for s in sas]}")
    for msa in man["ike_sas"]:
        ck = msa["initiator_cookie"]
        s = by_ck.get(ck)
        ok(s is not None, f"{name}: IKE SA {ck} present")
        if s is None:
            continue
        uid = str(msa.get("charon_initiator_uid", 1))
        mine = [e for e in log if str(e["uid"]) == uid]
        ok(s["rcookie"] == msa["responder_cookie"],
           f"{name}: {ck} responder cookie", s["rcookie"])
        # Mode: the manifest's for the first SA; rekeyed SAs are Main Mode
        # in this corpus (the log says ID_PROT or AGGRESSIVE).
        p1 = [e["exch"] for e in mine if e["mid"] == 0]
        want_mode = "aggressive" if "AGGRESSIVE" in p1 else "main"
        ok(s["mode"] == want_mode, f"{name}: {ck} mode {want_mode}",
           s["mode"])
        labels = [m["label"] for m in s["messages"] if not m["retransmit"]]
        want_p1 = ["AM1", "AM2", "AM3"] if want_mode == "aggressive" else \
            ["MM1", "MM2", "MM3", "MM4", "MM5", "MM6"]
        if man.get("expected_failure"):
            ok(s["state"] == "failed", f"{name}: {ck} failed", s["state"])
            # Without keys nothing tells the PSKs apart; with the
            # initiator's key table the responder's messages never
            # decrypt, and the reason says why.
            ok("pre-shared keys differ" not in (s["reason"] or ""),
               f"{name}: {ck} no PSK verdict without keys", s["reason"])
            table = pcap[:-5] + ".ikev1_decryption_table"
            differ = man.get("responder_psk") not in (None,
                                                      man.get("psk"))
            if os.path.exists(table):
                _, ksas = timeline(ikescope, pcap, table)
                ks = {x["icookie"]: x for x in ksas}.get(ck, {})
                r = ks.get("reason") or ""
                ok(("pre-shared keys differ: the responder's" in r) ==
                   differ and "no response after 3 retransmissions" in r,
                   f"{name}: {ck} with the initiator's keys, the reason "
                   f"{'names' if differ else 'does not claim'} different "
                   "pre-shared keys", r)
            ok(s["reason"] and "no response after 3 retransmissions"
               in s["reason"], f"{name}: {ck} reason names the 3 "
               "unanswered retransmissions", s["reason"])
            rex = [m for m in s["messages"] if m["retransmit"]]
            ok(len(rex) == 3 and all(m["label"] == "MM5" for m in rex),
               f"{name}: {ck} three MM5 retransmissions marked",
               [(m["frame"], m["label"]) for m in rex])
            continue
        ok(s["state"] == "established", f"{name}: {ck} established",
           f"{s['state']} ({s['reason']})")
        ok([l for l in labels if l in want_p1] == want_p1,
           f"{name}: {ck} phase 1 labelled {' '.join(want_p1)}", labels)
        for exch, typ, lab in (("QUICK_MODE", "quick", ["QM1", "QM2",
                                                        "QM3"]),
                               ("INFORMATIONAL_V1", "informational",
                                ["INFO"])):
            want = sorted({"%08x" % e["mid"] for e in mine
                           if e["exch"] == exch})
            got_ex = [x for x in s["exchanges"] if x["type"] == typ]
            got = sorted({x["msgid"] for x in got_ex})
            ok(got == want, f"{name}: {ck} {typ} message IDs as charon "
               f"logged ({len(want)})", f"want {want} got {got}")
            if typ == "quick":
                bad = [(x["msgid"], x["labels"], x["state"]) for x in got_ex
                       if x["labels"] != lab or x["state"] != "established"]
                ok(not bad, f"{name}: {ck} every Quick Mode QM1 QM2 QM3 "
                   "established", bad)


def main():
    ikescope, corpus = sys.argv[1], sys.argv[2]
    d = os.path.join(corpus, "strongswan")
    mans = sorted(glob.glob(os.path.join(d, "*.json")))
    if not mans:
        print("1..0 # SKIP no strongSwan corpus at " + d)
        return 0
    for m in mans:
        check_capture(ikescope, m)
    print(f"1..{len(tests)}")
    for i, (c, n, diag) in enumerate(tests, 1):
        print(f"{'ok' if c else 'not ok'} {i} - {n}")
        if not c and diag is not None:
            print(f"# {diag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
