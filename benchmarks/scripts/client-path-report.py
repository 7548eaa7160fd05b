"""Medians and quartiles of client-path.bt's histograms, in µs, one row per step."""
import re
import sys

STEPS = [
    ("server_round", "request written -> reply's wake-up (server, network)"),
    ("wakeup_to_running", "wake-up -> thread running"),
    ("running_to_wait_return", "running -> wait returns"),
    ("wait_return_to_read", "wait returns -> read enters"),
    ("read_syscall", "read"),
    ("read_to_write", "read returns -> next write enters"),
    ("wakeup_to_write", "wake-up -> next write enters (all)"),
]


def histograms(path):
    found, current = {}, None
    for line in open(path):
        header = re.match(r"@(\w+)\[(\d+)\]:", line)
        if header:
            current = found.setdefault((header.group(1), header.group(2)), [])
            continue
        bucket = re.match(r"\[(\d+)(?:, \d+\)|, \.\.\.\))\s+(\d+)", line)
        if bucket and current is not None:
            current.append((int(bucket.group(1)), int(bucket.group(2))))
    return found


# The unit of each histogram's buckets, in µs.
UNITS = {"server_round": 1.0}


def quantile(buckets, q, unit):
    total = sum(count for _, count in buckets)
    seen = 0
    for low, count in buckets:
        seen += count
        if seen >= q * total:
            return low * unit
    return float("nan")


def main():
    found = histograms(sys.argv[1])
    clients = [arg.split("=") for arg in sys.argv[2:]]
    print("| step (us: p25 / p50 / p75) | " + " | ".join(name for name, _ in clients) + " |")
    print("| --- |" + " ---: |" * len(clients))
    for key, label in STEPS:
        cells = []
        for _, tid in clients:
            buckets = found.get((key, tid))
            if not buckets:
                cells.append("-")
                continue
            unit = UNITS.get(key, 0.1)
            cells.append(" / ".join("%.1f" % quantile(buckets, q, unit) for q in (0.25, 0.5, 0.75)))
        print("| " + label + " | " + " | ".join(cells) + " |")


main()
