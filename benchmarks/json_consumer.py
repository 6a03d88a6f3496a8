#!/usr/bin/env python3
"""A JSON TCP consumer as a home-automation script would write it: reads line by line and parses each reading.

Usage: json_consumer.py HOST PORT COUNT [SILENCE_SECONDS]
Connects (retrying for 30 s), prints "connected", then reads until COUNT distinct readings came or nothing came
for SILENCE_SECONDS (default 15). The telegram number is totalT1Use in Wh (the benchmarks' numbered telegrams).
Prints one JSON line: received, distinct, duplicates, outOfOrder, firstAt/lastAt (epoch seconds).
"""
import json
import socket
import sys
import time

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
silence = float(sys.argv[4]) if len(sys.argv) > 4 else 15.0

deadline = time.time() + 30
while True:
    try:
        sock = socket.create_connection((host, port))
        break
    except OSError:
        if time.time() > deadline:
            raise
        time.sleep(0.05)
sock.settimeout(silence)
print("connected", flush=True)

seen = bytearray(count + 2)
received = distinct = duplicates = out_of_order = 0
last_number = 0
first_at = last_at = None
reader = sock.makefile("r", encoding="utf-8", newline="\n")
try:
    for line in reader:
        reading = json.loads(line)
        number = round(float(reading["totalT1Use"]) * 1000)
        now = time.time()
        if first_at is None:
            first_at = now
        last_at = now
        received += 1
        if 0 < number <= count:
            if seen[number]:
                duplicates += 1
            else:
                seen[number] = 1
                distinct += 1
        if number < last_number:
            out_of_order += 1
        last_number = number
        if distinct == count:
            break
except (socket.timeout, TimeoutError):
    pass
print(json.dumps({"received": received, "distinct": distinct, "duplicates": duplicates,
                  "outOfOrder": out_of_order, "firstAt": first_at, "lastAt": last_at}), flush=True)
