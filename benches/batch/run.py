"""Batch benchmark: the PlainPage CLI against trafilatura on the same files, same machine, same run.

Usage: run.py CLI CORPUS_DIR [PAGES]
Both tools use every core: PlainPage through its own batch mode (rayon), trafilatura through a
process pool. Each tool runs REPEATS times, alternating; the best run of each is reported, as
pages/s and MB/s, and their ratio, in a markdown table on stdout.
"""

import json
import multiprocessing
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

REPEATS = 3


def pages(corpus, limit):
    names = sorted(n for n in os.listdir(corpus) if os.path.isfile(os.path.join(corpus, n, "source.html")))
    if limit:
        names = names[:limit]
    return [os.path.join(corpus, n, "source.html") for n in names]


def run_plainpage(cli, files):
    out = tempfile.mkdtemp(prefix="plainpage-batch-")
    try:
        start = time.perf_counter()
        subprocess.run([cli, "read", *files, "--format", "text", "--out-dir", out],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start
    finally:
        shutil.rmtree(out, ignore_errors=True)


def trafilatura_one(path):
    import trafilatura  # imported in each worker
    with open(path, "rb") as f:
        html = f.read()
    text = trafilatura.extract(html, url="http://fakehost/test/page.html")
    return len(text or "")


def run_trafilatura(pool, files):
    start = time.perf_counter()
    pool.map(trafilatura_one, files, chunksize=1)
    return time.perf_counter() - start


def main():
    cli, corpus = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    files = pages(corpus, limit)
    total = sum(os.path.getsize(f) for f in files)
    cores = os.cpu_count() or 1
    import trafilatura
    times = {"plainpage": [], "trafilatura": []}
    with multiprocessing.Pool(cores) as pool:
        pool.map(trafilatura_one, files[:cores], chunksize=1)  # warm the workers' imports
        for _ in range(REPEATS):
            times["plainpage"].append(run_plainpage(cli, files))
            times["trafilatura"].append(run_trafilatura(pool, files))
    best = {k: min(v) for k, v in times.items()}
    rows = []
    for tool, t in best.items():
        rows.append((tool, t, len(files) / t, total / t / 1e6))
    ratio = best["trafilatura"] / best["plainpage"]
    print(f"Machine: {platform.machine()}, {cores} cores, {platform.system()} {platform.release()}; "
          f"trafilatura {trafilatura.__version__}; {len(files)} pages, {total / 1e6:.1f} MB; best of {REPEATS}")
    print()
    print("| tool | seconds | pages/s | MB/s |")
    print("|---|---:|---:|---:|")
    for tool, t, pps, mbs in rows:
        print(f"| {tool} | {t:.3f} | {pps:.1f} | {mbs:.2f} |")
    print()
    print(f"**PlainPage is {ratio:.1f}x trafilatura** (goal: at least 20x)")
    print()
    print("```json")
    print(json.dumps({"pages": len(files), "bytes": total, "seconds": best, "ratio": ratio}))
    print("```")


if __name__ == "__main__":
    main()
