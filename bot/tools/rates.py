"""The annualised cost of a loan, as 中国人民银行公告〔2021〕第3号 asks lenders to show it.

All costs against the money actually received and in use. One repayment: simple annualisation
(cost / received x 365 / days). Instalments: internal rate of return per period, shown as the
nominal annual rate (period rate x periods a year) and the effective annual rate.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

PERIODS_PER_YEAR = {"month": 12, "week": 52}
LENDER_TYPES = ("licensed", "private", "unknown")  # who lent: licensed institution, private or unlicensed, not known
MAX_AMOUNT = 100_000_000
MAX_DAYS = 3650
MAX_INSTALMENTS = 360


class RateInputError(ValueError):
    """A loan that cannot be computed; the message is written for the borrower."""


@dataclass(frozen=True)
class Loan:
    contract: float  # amount on the contract
    received: float  # amount that actually arrived (after 砍头息 and fees taken up front)
    payment: float  # the single repayment, or each instalment
    count: int = 1  # number of instalments; 1 with `days` for a single repayment
    days: int = 0  # days until the single repayment
    period: str = "month"  # "month" or "week" for instalments
    fees: float = 0.0  # other fees paid separately at the start (会员费, 服务费 …)


@dataclass(frozen=True)
class RateResult:
    loan: Loan
    method: str  # "simple" or "irr"
    annual_percent: float  # simple annual rate, or nominal IRR (period rate x periods a year)
    effective_percent: float  # effective annual rate ((1+r)^n - 1); equals annual_percent for simple
    in_use: float  # money actually received and in use: received - fees
    total_repaid: float
    cost: float  # total repaid - money in use
    upfront_cut: float  # contract - received: 砍头息 and fees taken before the money arrived


@dataclass(frozen=True)
class Lpr:
    percent: float
    published: str  # the date this value was published
    source: str
    reverified: str | None = None  # the date it was last confirmed as current, or None: not re-checked since

    def note(self) -> str:
        """How old the value is, in words a user sees: its own date, and whether it was re-checked."""
        if self.reverified:
            return f"{self.published}公布，{self.reverified}核实仍为最新值"
        return f"{self.published}公布，之后未再核实"


def check(loan: Loan) -> None:
    """Reject loans that make no sense, with a message that says what to fix."""
    if min(loan.contract, loan.received, loan.payment) <= 0:
        raise RateInputError("金额都要大于0，请检查合同金额、到手金额和还款金额。")
    if loan.fees < 0:
        raise RateInputError("其他费用不能是负数；没有就填0。")
    if max(loan.contract, loan.received, loan.payment, loan.fees) > MAX_AMOUNT:
        raise RateInputError("金额太大了（超过一亿），请检查是不是多打了几个0。")
    if loan.received > loan.contract:
        raise RateInputError("到手金额比合同金额还多，这不太对：请检查是不是两个数填反了。")
    if loan.fees >= loan.received:
        raise RateInputError("其他费用不少于到手金额，算不出利率：请检查费用是不是填成了总额。")
    if loan.count == 1 and not 1 <= loan.days <= MAX_DAYS:
        raise RateInputError(f"一次还清的借款，天数要在1到{MAX_DAYS}天之间。")
    if not 1 <= loan.count <= MAX_INSTALMENTS:
        raise RateInputError(f"期数要在1到{MAX_INSTALMENTS}期之间。")
    if loan.count > 1 and loan.period not in PERIODS_PER_YEAR:
        raise RateInputError("分期要说明是每月还还是每周还。")
    if loan.payment * loan.count < loan.received - loan.fees:
        raise RateInputError("要还的总数比到手的钱还少，算不出利率：请检查期数和每期金额（已经还了几期不是总期数）。")


def annual_rate(loan: Loan) -> RateResult:
    check(loan)
    in_use = loan.received - loan.fees
    total = loan.payment * loan.count
    common = dict(loan=loan, in_use=in_use, total_repaid=total, cost=total - in_use,
                  upfront_cut=loan.contract - loan.received)
    if loan.count == 1:
        rate = (total - in_use) / in_use * 365 / loan.days
        return RateResult(method="simple", annual_percent=rate * 100, effective_percent=rate * 100, **common)
    per_year = PERIODS_PER_YEAR[loan.period]
    period_rate = _irr(in_use, loan.payment, loan.count)
    return RateResult(method="irr", annual_percent=period_rate * per_year * 100,
                      effective_percent=((1 + period_rate) ** per_year - 1) * 100, **common)


def _irr(present: float, payment: float, count: int) -> float:
    """The period rate r with present = sum(payment / (1+r)^k, k=1..count), by bisection."""
    def value(rate: float) -> float:
        return sum(payment / (1 + rate) ** k for k in range(1, count + 1)) - present

    low, high = -0.99, 1.0
    while value(high) > 0:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if value(middle) > 0 else (low, middle)
    return (low + high) / 2


def load_lpr(path: Path) -> Lpr:
    """The one-year LPR is data that changes: it lives in knowledge/data/lpr.yaml with its dates."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for field in ("one_year_lpr_percent", "published", "reverified", "source"):
        if field not in data:
            raise ValueError(f"{path}: field '{field}' is missing; add it (see the comment at the top of the file)")
    percent = data["one_year_lpr_percent"]
    if not isinstance(percent, (int, float)) or not 0 < percent < 20:
        raise ValueError(f"{path}: one_year_lpr_percent must be a number such as 3.0 (percent), not {percent!r}")
    published, reverified = _date(data["published"]), data["reverified"]
    if published is None:
        raise ValueError(f"{path}: published must be the date the value was published, like 2025-05-20")
    if reverified is not False and _date(reverified) is None:
        raise ValueError(f"{path}: reverified must be the date you confirmed the value on the official site, "
                         "like 2026-11-29, or false if nobody has")
    return Lpr(float(percent), published, str(data["source"]), _date(reverified) if reverified else None)


def _date(value: object) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return value.strip()
    return None


# --- reading a loan from a sentence such as “借5000到手3500，7天还5000” ---------------------------

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
NUMBER = r"(\d+(?:\.\d+)?\s*(?:万(?:\d{1,4}千?)?|千\d?|[kK])?|[零〇一二两三四五六七八九十百千万]+)"


def to_number(text: str) -> float:
    """'5000', '1.2万', '1万2' (12000), '3千5' (3500), '3k', '七千', '三千五', '一万二' -> a number."""
    text = text.strip()
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:(万)(\d{1,4})?(千)?|(千)(\d)?|([kK]))?", text)
    if match:
        head, wan, after_wan, qian_after, qian, after_qian, k = match.groups()
        value = float(head) * (10000 if wan else 1000 if qian or k else 1)
        if after_wan:  # 1万2 = 12000, 1万25 = 12500, 1万2000 = 12000, 1万2千 = 12000
            value += int(after_wan) * (1000 if qian_after else 10 ** (4 - len(after_wan)))
        if after_qian:  # 3千5 = 3500
            value += int(after_qian) * 100
        return value
    total, section, digit, last_unit = 0, 0, 0, 1
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char == "万":
            total += (section + digit) * 10000
            section, digit, last_unit = 0, 0, 10000
        else:
            unit = UNITS[char]
            section += (digit or 1) * unit
            digit, last_unit = 0, unit
    if digit and last_unit >= 10:  # 三千五 = 3500, 一万二 = 12000
        digit *= last_unit // 10
    return float(total + section + digit)


def parse_loan(text: str) -> Loan | None:
    """A complete loan described in one sentence, or None when something is missing."""
    text = text.replace(",", "，").replace(" ", "")
    received = re.search(rf"(?:到手|到账|实际(?:到账|拿到|收到|下款)|下款|只给了?|只到了?)(?:了)?{NUMBER}", text)
    contract = re.search(rf"(?:合同(?:金额|写的?|上)?|借款(?:金额)?|借了?|贷了?|额度)(?:是)?{NUMBER}", text)
    if not received or not contract:
        return None
    single = re.search(rf"(\d+|[一二两三四五六七八九十]+)天(?:后|以后|之后|到期)?(?:要|得|需要)?还(?:款)?{NUMBER}", text)
    if single:
        return Loan(contract=to_number(contract.group(1)), received=to_number(received.group(1)),
                    payment=to_number(single.group(2)), days=int(to_number(single.group(1))))
    count_first = re.search(rf"(?:分)?(\d+|[一二两三四五六七八九十]+)(期|个月|周)[，,]?每(期|月|周)(?:要)?还{NUMBER}", text)
    pay_first = re.search(rf"每(期|月|周)(?:要)?还{NUMBER}[，,]?(?:还|共|分)?(\d+|[一二两三四五六七八九十]+)(期|个月|周)", text)
    if count_first:
        count, unit, each, payment = count_first.group(1), count_first.group(2), count_first.group(3), count_first.group(4)
    elif pay_first:
        each, payment, count, unit = pay_first.groups()
    else:
        return None
    period = "week" if "周" in (unit + each) else "month"
    return Loan(contract=to_number(contract.group(1)), received=to_number(received.group(1)),
                payment=to_number(payment), count=int(to_number(count)), period=period)
