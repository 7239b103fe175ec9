"""Words for BM25: jieba's search-mode cut, with a dictionary that loads in milliseconds.

jieba reads its whole prefix dictionary (about 500,000 entries; 0.6 s from its own cache in /tmp)
before it cuts anything. But every entry it looks up while cutting a text is a substring of that
text, so it only needs the entries that begin with a character of the text. The dictionary is kept
in the cache folder (bot.core.cache) split by first character, and before each cut the parts for
the text's characters are added to the Tokenizer's dictionary: the words are exactly jieba's with its
full dictionary (tests/test_index.py checks this), a start costs a few milliseconds, and a worker
only ever holds the part of the dictionary its users' messages have needed.

The passages' words are cut once, at `index build`, and stored with the index (index/words.jsonl);
`scheme()` is recorded in the manifest so words cut differently are never mixed.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import struct
import sys
import threading
import time
import zlib
from collections import defaultdict
from pathlib import Path

from bot.core.cache import cache_dir, remove_siblings, write_atomic

SCHEME = 1  # raise when words() changes what it returns: indexes cut the old way are then refused

log = logging.getLogger(__name__)

_FORMAT = 1
_MAGIC = b"CGJIEBA" + bytes([_FORMAT])
_PREFIX = struct.Struct("<8sQI4x")


def scheme() -> str:
    """How words are cut, as recorded in the index manifest."""
    import jieba

    return f"jieba {jieba.__version__} search-mode, lower case, no punctuation (scheme {SCHEME})"


def passage_text(passage) -> str:
    """The text of a passage that BM25 indexes: title, text and the ways people ask."""
    return " ".join([passage.title, passage.text, *passage.asks])


class Words:
    """Cuts text into the words BM25 compares; safe to call from several threads."""

    def __init__(self, cache: Path | None = None) -> None:
        import jieba

        jieba.setLogLevel(60)
        self._jieba = jieba.Tokenizer()  # its own, so the process-wide jieba.dt is left alone
        self._lock = threading.Lock()
        self._dictionary: _ShardedDictionary | None = None
        folder = cache or cache_dir()
        try:
            self._dictionary = _ShardedDictionary.open(folder)
        except Exception as exc:  # the folder cannot be written: jieba's own full load
            log.warning("jieba dictionary cache off (%s); loading jieba's full dictionary", exc)
            self._jieba.initialize()
            return
        self._jieba.FREQ, self._jieba.total = self._dictionary.freq, self._dictionary.total
        self._jieba.initialized = True

    def __call__(self, text: str) -> list[str]:
        text = text.lower()
        if self._dictionary is not None:
            try:
                self._dictionary.prepare(text)
            except Exception as exc:  # a corrupt part: rebuild the file, use the full dictionary
                self._fall_back(exc)
        return [w for w in self._jieba.lcut_for_search(text) if w.strip() and not _is_punct(w)]

    def _fall_back(self, exc: Exception) -> None:
        with self._lock:
            dictionary = self._dictionary
            if dictionary is None:
                return
            log.warning("jieba dictionary cache %s unusable (%s); rebuilding it", dictionary.path, exc)
            freq, total = _full_dictionary()
            try:
                _ShardedDictionary.write(dictionary.path, freq, total)
            except OSError as error:
                log.warning("jieba dictionary cache not rewritten: %s", error)
            self._jieba.FREQ, self._jieba.total = freq, total
            self._dictionary = None


def _is_punct(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)


def _full_dictionary() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary built from its dict.txt, as jieba.Tokenizer.initialize does."""
    import jieba

    tokenizer = jieba.Tokenizer()
    return tokenizer.gen_pfdict(tokenizer.get_dict_file())


class _ShardedDictionary:
    """jieba's prefix dictionary in one file, one marshalled part per first character.

    Layout: MAGIC | header length (8) | header crc32 (4) | 4 zero bytes | header (marshal: key,
    total, {first character: (offset, length, crc32)}) | the parts.
    """

    def __init__(self, path: Path, fd: int, total: int, parts: dict[str, tuple[int, int, int]]) -> None:
        self.path, self.total = path, total
        self.freq: dict[str, int] = {}
        self._fd, self._parts = fd, parts
        self._loaded: set[str] = set()
        self._lock = threading.Lock()

    @classmethod
    def open(cls, folder: Path) -> "_ShardedDictionary":
        """The dictionary file in folder, written first when missing, stale or corrupt."""
        path = folder / _file_name()
        if path.exists():
            try:
                return cls._read(path)
            except Exception as exc:
                log.warning("jieba dictionary cache %s unusable (%s); rebuilding it", path, exc)
        started = time.perf_counter()
        cls.write(path, *_full_dictionary())
        remove_siblings(path, "jieba-")
        log.info("jieba dictionary cache written to %s in %.2fs", path, time.perf_counter() - started)
        return cls._read(path)

    @classmethod
    def _read(cls, path: Path) -> "_ShardedDictionary":
        fd = os.open(path, os.O_RDONLY)
        try:
            magic, header_len, header_crc = _PREFIX.unpack(os.pread(fd, _PREFIX.size, 0))
            if magic != _MAGIC:
                raise ValueError("not a jieba dictionary cache file of this format")
            header = os.pread(fd, header_len, _PREFIX.size)
            if len(header) != header_len or zlib.crc32(header) != header_crc:
                raise ValueError("header checksum mismatch")
            key, total, parts, size = marshal.loads(header)
            if key != path.name:
                raise ValueError("written for another jieba or Python version")
            if os.fstat(fd).st_size != size:
                raise ValueError("truncated")
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, total, parts)

    @staticmethod
    def write(path: Path, freq: dict[str, int], total: int) -> None:
        groups: dict[str, dict[str, int]] = defaultdict(dict)
        for word, count in freq.items():
            groups[word[0]][word] = count
        blobs = {first: marshal.dumps(group) for first, group in groups.items()}
        parts, offset = {}, 0
        for first, blob in blobs.items():
            parts[first] = (offset, len(blob), zlib.crc32(blob))
            offset += len(blob)
        # the header holds absolute offsets, so its own length is settled first
        header = b""
        for _ in range(4):
            start = _PREFIX.size + len(header)
            absolute = {first: (start + off, n, crc) for first, (off, n, crc) in parts.items()}
            header = marshal.dumps((path.name, total, absolute, start + offset))
            if _PREFIX.size + len(header) == start:
                break
        else:
            raise RuntimeError("header length did not settle")
        write_atomic(path, [_PREFIX.pack(_MAGIC, len(header), zlib.crc32(header)), header, *blobs.values()])

    def prepare(self, text: str) -> None:
        """Make sure every entry that starts with a character of text is in self.freq."""
        missing = set(text) - self._loaded
        if not missing:
            return
        with self._lock:
            for first in missing - self._loaded:
                part = self._parts.get(first)
                if part is not None:
                    offset, length, crc = part
                    blob = os.pread(self._fd, length, offset)
                    if len(blob) != length or zlib.crc32(blob) != crc:
                        raise ValueError(f"part {first!r} is corrupt")
                    self.freq.update(marshal.loads(blob))
                self._loaded.add(first)  # only once its entries are in: other threads skip it then

    def __del__(self) -> None:
        try:
            os.close(self._fd)
        except (OSError, AttributeError):
            pass


def _file_name() -> str:
    """Keyed by jieba's version and dictionary file, and Python's version (marshal's format)."""
    import jieba

    dict_file = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    stat = dict_file.stat()
    parts = [f"format {_FORMAT}", f"jieba {jieba.__version__}", f"python {sys.version_info[:2]}",
             f"{dict_file} {stat.st_size} {stat.st_mtime_ns}"]
    return f"jieba-{jieba.__version__}-{hashlib.sha1('|'.join(parts).encode()).hexdigest()[:12]}.dict"
