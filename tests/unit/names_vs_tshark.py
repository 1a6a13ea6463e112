#!/usr/bin/env python3
"""Cross-check dissectors/isakmp_names.c numbers against Wireshark.

usage: names_vs_tshark.py PATH/TO/test_isakmp_names [--verbose]

Compares the numbers each registry names with the value strings tshark
reports for the matching isakmp.* field ("tshark -G values").  Names may be
spelled differently; numbers must agree.  Exit 0 when every difference is
listed in KNOWN below, 1 otherwise, 77 (skip) when tshark is missing.
"""
import shutil
import subprocess
import sys

# registry index (enum isakmp_reg order) -> Wireshark field
FIELDS = {
    0: "isakmp.nextpayload", 1: "isakmp.exchangetype", 2: "isakmp.sa.doi",
    3: "isakmp.prop.protoid", 7: "isakmp.notify.data.ipcomp.transform_id",
    8: "isakmp.ike.attr.type", 9: "isakmp.ike.attr.encryption_algorithm",
    10: "isakmp.ike.attr.hash_algorithm",
    11: "isakmp.ike.attr.authentication_method",
    12: "isakmp.ike.attr.group_description",
    13: "isakmp.ike.attr.group_type", 14: "isakmp.ike.attr.life_type",
    16: "isakmp.ipsec.attr.type", 17: "isakmp.ipsec.attr.encap_mode",
    18: "isakmp.ipsec.attr.auth_algorithm", 19: "isakmp.ipsec.attr.life_type",
    20: "isakmp.ipsec.attr.ecn_tunnel", 21: "isakmp.id.type",
    22: "isakmp.cert.encoding", 23: "isakmp.notify.msgtype",
    24: "isakmp.cfg.attr.type", 25: "isakmp.cfg.type",
    26: "isakmp.cfg.attr.xauth.type", 27: "isakmp.cfg.attr.xauth.status",
    29: "isakmp.ike.attr.asymmetric_cryptographic_algorithm_type",
    30: "isakmp.ipsec.attr.ext_seq_nbr",
    32: "isakmp.ipsec.attr.addr_preservation",
    33: "isakmp.ipsec.attr.sa_direction",
}

# (registry, value, side) differences reviewed and accepted; side is
# "ours" (we name it, Wireshark does not) or "ws" (the reverse).
KNOWN = {
    (1, 43, "ours"), (1, 44, "ours"),  # IKE_INTERMEDIATE, IKE_FOLLOWUP_KE
    (12, 0, "ws"), (13, 0, "ws"),      # Wireshark "UNDEFINED - 0"
    (17, 61440, "ws"),    # Check Point private encapsulation value
    (22, 11, "ours"), (22, 12, "ours"), (22, 13, "ours"),
    (22, 14, "ours"),     # IKEv2 certificate encodings, flagged as such
    (23, 40500, "ours"),  # UNITY-HEARTBEAT (racoon isakmp_unity.h)
    (23, 40502, "ws"),    # Wireshark "UNITY-UNKNOWN": no documented meaning
    (24, 16400, "ws"), (24, 16401, "ws"), (24, 16402, "ws"),  # CHKPT_UNKNOWNn
    (24, 23456, "ours"), (24, 23457, "ours"),  # Microsoft INTERNAL_IPx_SERVER
}

SKIP_WORDS = ("unassigned", "private", "reserved", "future use",
              "doi-specific", "<unknown>")


def ws_tables():
    out = subprocess.run(["tshark", "-G", "values"], capture_output=True,
                         text=True).stdout
    tabs = {}
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) < 4 or not f[1].startswith("isakmp."):
            continue
        try:
            if f[0] == "V":
                lo, hi, name = int(f[2], 0), int(f[2], 0), f[3]
            elif f[0] == "R" and len(f) >= 5:
                lo, hi, name = int(f[2], 0), int(f[3], 0), f[4]
            else:
                continue
        except ValueError:
            continue
        blocks = tabs.setdefault(f[1], [[]])
        # a field carrying IKEv1 and IKEv2 tables lists them one after the
        # other; the IKEv1 table is the first block
        if blocks[-1] and lo < blocks[-1][-1][0]:
            blocks.append([])
        blocks[-1].append((lo, hi, name))
    return {k: v[0] for k, v in tabs.items()}


def ws_named(entries):
    named = {}
    for lo, hi, name in entries:
        if lo != hi:
            continue
        low = name.lower()
        if low.startswith(SKIP_WORDS) and not low.startswith(
                "reserved (was"):
            continue
        named[lo] = name
    return named


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 1
    if shutil.which("tshark") is None:
        print("names_vs_tshark: SKIP (no tshark)")
        return 77
    verbose = "--verbose" in sys.argv
    ours = {}
    dump = subprocess.run([sys.argv[1], "--dump"], capture_output=True,
                          text=True, check=True).stdout
    for line in dump.splitlines():
        r, v, name = line.split("\t", 2)
        ours.setdefault(int(r), {})[int(v)] = name
    ws = ws_tables()
    bad = 0
    for r, field in sorted(FIELDS.items()):
        if field not in ws:
            print(f"reg {r}: {field} not in this tshark; skipped")
            continue
        theirs = ws_named(ws[field])
        mine = ours.get(r, {})
        for v in sorted(set(mine) | set(theirs)):
            if v in mine and v in theirs:
                if verbose:
                    print(f"reg {r:2} {v:6}  {mine[v]!r:45} {theirs[v]!r}")
                continue
            side = "ours" if v in mine else "ws"
            tag = "known" if (r, v, side) in KNOWN else "DIFF"
            if tag == "DIFF":
                bad += 1
            if tag == "DIFF" or verbose:
                who = mine.get(v) if side == "ours" else theirs.get(v)
                print(f"{tag}: reg {r} ({field}) value {v} only in "
                      f"{side}: {who!r}")
    print(f"names_vs_tshark: {bad} unexplained differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
