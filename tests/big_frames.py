#!/usr/bin/env python3
"""big_frames.py IN.pcap OUT.pcap N RUN: copy a classic pcap, inserting N
frames of 262,144 captured bytes (Ethernet, an IPv4/UDP datagram of 1,500
bytes, then trailer bytes) among its records, in runs of RUN frames spread
evenly."""
import struct
import sys


def records(data):
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack_from("<I", data, off + 8)[0]
        yield data[off:off + 16 + incl]
        off += 16 + incl


def big(i, ts_sec):
    udp_len = 1500 - 20
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 1500, i & 0xffff, 0, 64, 17,
                     0, bytes([192, 0, 2, 10]), bytes([192, 0, 2, 20]))
    udp = struct.pack("!HHHH", 9999, 9, udp_len, 0)
    eth = b"\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00"
    body = eth + ip + udp
    body += bytes((i + k) & 0xff for k in range(256)) * \
        ((262144 - len(body)) // 256 + 1)
    body = body[:262144]
    return struct.pack("<IIII", ts_sec, 0, len(body), len(body)) + body


def main():
    src, dst = sys.argv[1], sys.argv[2]
    n, run = int(sys.argv[3]), int(sys.argv[4])
    data = open(src, "rb").read()
    recs = list(records(data))
    step = max(1, len(recs) // (n // run + 1))
    out = [data[:24]]
    added = 0
    for k, r in enumerate(recs):
        out.append(r)
        if k % step == step - 1:
            for _ in range(run):
                if added < n:
                    out.append(big(added, struct.unpack_from("<I", r, 0)[0]))
                    added += 1
    while added < n:
        out.append(big(added, 0))
        added += 1
    open(dst, "wb").write(b"".join(out))


if __name__ == "__main__":
    main()
