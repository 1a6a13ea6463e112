#!/usr/bin/env python3
"""Write one libFuzzer seed per frame of the given captures.

usage: seeds.py OUTDIR CAPTURE...

Each seed is what tests/fuzz/fuzz_packet.c expects: one selector byte
(index of the capture's link type in its table) followed by the frame.
Captures are converted to classic pcap by tshark first, so pcapng and
.gz files work too.  Standard library only.
"""
import hashlib
import os
import struct
import subprocess
import sys

# Same order as fuzz_links[] in fuzz_packet.c (pcap file link types).
LINKS = {1: 0, 113: 1, 276: 2, 101: 3, 12: 3, 14: 3, 0: 4, 108: 5,
         228: 6, 229: 7}


def frames(path):
    raw = subprocess.run(["tshark", "-r", path, "-F", "pcap", "-w", "-"],
                         check=True, capture_output=True).stdout
    if len(raw) < 24:
        return
    magic = raw[:4]
    end = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    link = struct.unpack(end + "I", raw[20:24])[0]
    sel = LINKS.get(link, 0)
    off = 24
    while off + 16 <= len(raw):
        incl = struct.unpack(end + "I", raw[off + 8:off + 12])[0]
        off += 16
        yield bytes([sel]) + raw[off:off + incl]
        off += incl


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    n = 0
    for path in sys.argv[2:]:
        for seed in frames(path):
            name = hashlib.sha1(seed).hexdigest()
            with open(os.path.join(out, name), "wb") as f:
                f.write(seed)
            n += 1
    print("%d seeds from %d captures" % (n, len(sys.argv) - 2))


if __name__ == "__main__":
    main()
