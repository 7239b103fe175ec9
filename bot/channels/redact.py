"""Mask the numbers that identify a borrower before any text reaches a debug log.

Only used when the operator turns on text logging; by default no message text is logged at all.
"""

from __future__ import annotations

import re

# Order matters: an ID number is 18 characters and a mobile number 11 digits, so both are masked
# before the catch-all for long digit runs (bank cards are 12-19 digits, often grouped by spaces).
PATTERNS = [
    (re.compile(r"(?<!\d)\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])"),
     "[身份证号]"),
    (re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)"), "[手机号]"),
    (re.compile(r"(?<!\d)\d(?:[ -]?\d){11,18}(?!\d)"), "[银行卡号]"),
    (re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"), "[电话]"),
]


def redact(text: str) -> str:
    for pattern, label in PATTERNS:
        text = pattern.sub(label, text)
    return text
