#!/usr/bin/env python3
"""Decode-bomb load test for `cifar10 serve` (issue 17).

16 concurrent clients x 8 requests each; every other request posts a ~6 KB 1-bit PNG that declares
7000x7000 pixels, the rest a real 32x32 PNG. Prints, per kind, the statuses and p50/p99 latency, the
wall time, and the server's peak resident memory (VmHWM of its process).

usage: run.py CLI_DLL MODEL [--port N]   (CLI_DLL: path to cifar10.dll of the build to measure)
"""
import argparse, concurrent.futures, os, signal, struct, subprocess, sys, time, urllib.error, urllib.request, zlib

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def png(width, height, bit_depth, colour_type, rows):
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")

def bomb(side=7000):
    return png(side, side, 1, 0, (b"\x00" * ((side + 7) // 8 + 1)) * side)

def small():
    # A gradient, so the image is a real 32x32 RGB picture rather than a constant.
    rows = b"".join(b"\x00" + b"".join(bytes((x * 8, y * 8, 128)) for x in range(32)) for y in range(32))
    return png(32, 32, 8, 2, rows)

def post(port, body):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/predict", data=body, method="POST",
                                     headers={"Content-Type": "image/png"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except Exception as error:  # a reset or a timeout is a result too
        status = type(error).__name__
    return status, time.perf_counter() - start

def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return float("nan")

def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("model")
    parser.add_argument("--port", type=int, default=5391)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=8)
    args = parser.parse_args()

    server = subprocess.Popen(["dotnet", args.cli, "serve", "--model", args.model, "--urls", f"http://127.0.0.1:{args.port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in server.stdout:
            if "listening on" in line:
                break
        bodies = {"bomb": bomb(), "small": small()}
        print(f"bodies: bomb {len(bodies['bomb'])} bytes (7000x7000), small {len(bodies['small'])} bytes (32x32)")
        post(args.port, bodies["small"])  # warm-up
        jobs = [("bomb" if (c + r) % 2 == 0 else "small") for c in range(args.clients) for r in range(args.requests)]
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.clients) as pool:
            results = list(pool.map(lambda kind: (kind, *post(args.port, bodies[kind])), jobs))
        wall = time.perf_counter() - started
        for kind in ("small", "bomb"):
            times = [t for k, _, t in results if k == kind]
            statuses = {}
            for k, s, _ in results:
                if k == kind:
                    statuses[s] = statuses.get(s, 0) + 1
            print(f"{kind:5}: {len(times)} requests, statuses {statuses}, p50 {percentile(times, 50) * 1000:.0f} ms, p99 {percentile(times, 99) * 1000:.0f} ms")
        print(f"wall {wall:.1f} s, server peak RSS {peak_rss_mb(server.pid):.0f} MB")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

if __name__ == "__main__":
    main()
