"""Benchmark the core on the embedded default: per-message latency, index build, start-up, memory.

Run: .venv/bin/python benchmarks/core.py   (targets: p50 <= 10 ms, p99 <= 30 ms, --once <= 3 s, peak <= 300 MB)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.assistant import Assistant  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.core.embedders import make_embedder  # noqa: E402
from bot.knowledge.index import build  # noqa: E402


PEAK_PROBE = """
import re, sys
from bot.__main__ import main
try:
    main(["chat", "--once", "催收天天打电话给我爸妈"])
finally:
    status = open("/proc/self/status").read()
    print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024, file=sys.stderr)
"""


def main() -> None:
    questions = [json.loads(line)["text"] for name in ("dev.jsonl", "holdout.jsonl")
                 for line in (ROOT / "tests" / "data" / name).read_text().splitlines() if line.strip()]
    assistant = Assistant(Settings.from_env())
    for text in questions:  # warm up
        assistant.renderer.html(assistant.reply(text))
    latencies = []
    for _ in range(5):
        for text in questions:
            started = time.perf_counter()
            reply = assistant.reply(text)
            assistant.renderer.plain(reply)
            assistant.renderer.html(reply)
            latencies.append((time.perf_counter() - started) * 1000)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        manifest = build(ROOT / "knowledge", Path(tmp), make_embedder())
        build_s = time.perf_counter() - started
    once, peaks = [], []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "chat", "--once", "催收天天打电话给我爸妈"], cwd=ROOT,
                       check=True, capture_output=True)
        once.append(time.perf_counter() - started)
        # peak memory of the same command, read from VmHWM inside it (on Linux a child's ru_maxrss
        # keeps the high-water mark of this benchmark process it was forked from)
        probe = subprocess.run([sys.executable, "-c", PEAK_PROBE], cwd=ROOT, check=True, capture_output=True,
                               text=True)
        peaks.append(float(probe.stderr.strip().splitlines()[-1]))
    peak_mb = max(peaks)
    print(json.dumps({
        "messages": len(latencies),
        "p50_ms": round(float(np.percentile(latencies, 50)), 2),
        "p99_ms": round(float(np.percentile(latencies, 99)), 2),
        "index_build_s": round(build_s, 2),
        "index_passages": manifest["passages"], "index_vectors": manifest["vectors"],
        "chat_once_s_median": round(statistics.median(once), 2),
        "chat_once_peak_rss_mb": round(peak_mb, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
