"""Loan figures read from plain words, one piece at a time, so a loan told over several messages adds up.

"借了5000，到手4000，一个月还5500", "借了10000元，分12个月每月还1000", "每月1000", "没有" (fees):
each figure is read only where a word says what it is; a number the parser cannot place is left out,
never guessed into a field.
"""

from __future__ import annotations

import re

from bot.tools.rates import NUMBER, Loan, to_number

COUNT = r"(\d+|[一二两三四五六七八九十]+|半)"
TERM_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "个星期": 7, "礼拜": 7, "个礼拜": 7, "个月": 30, "月": 30, "年": 365}
# after an amount, not a count or a length of time: "收到一个律师函", "以贷养贷两年了" (walk 55), "借了三个平台"
NOT_MONEY = r"(?![\d零〇一二两三四五六七八九十百千万.几]|\s*(?:个|家|笔|次|期|口子|平台|app|年|天|日|周|星期|礼拜|封|份|条|张|位|辈子))"
_PATTERNS = {
    # "一个月到手五千二", "工资到账": pay, not a loan's money
    "received": rf"(?<!月)(?<!薪)(?<!工资)(?<!薪水)(?:到手|到账|实际(?:到账|拿到|收到|下款|到手)|实际(?:上)?(?:只)?(?:给|打|转|放)(?:了|给)?(?:我)?|放款(?:金额)?|下款|只给了?|只到了?|只拿到|拿到手?|收到|"
                rf"到(?:我的?)?(?:卡|银行卡|账户|账上|支付宝|微信)(?:上|里)?)(?:了|的|只有|是|才)*{NUMBER}{NOT_MONEY}",
    # "分12000元", "分期金额12000": the amount put on instalments (a card bill) is what the fees are charged on;
    # "借了朋友5000块": a person named between the verb and the amount (walk 79 p30 was asked for the amount)
    "contract": rf"(?:合同(?:金额|写的?|上)?(?:写的?)?|借款(?:金额)?|借了?(?:(?:朋友|亲戚|同事|老乡|同乡|同学|熟人|邻居|老板|表哥|表姐|堂哥|舅舅|叔叔|他|她)的?(?:钱)?)?|贷了?|额度|本金|借条(?:上)?(?:写的?)?|分期?(?:金额)?了?)"
                rf"(?:了|是|有)?{NUMBER}{NOT_MONEY}",
    # "我已经还了6000多了": what was repaid so far (set against what arrived; not a figure of the loan's terms)
    # ("三个月后一共还八千", "现在要我还八千" are what is owed at the end, not paid: walk 77 was told "本金已经还清了")
    "paid": rf"(?:(?:已经|前后|累计|已)(?:已)?(?:还了|还过|付了|交了|还)|(?:一共|总共|都)(?:已经|已)?(?:还了|还过|付了|交了))"
            rf"(?:差不多|将近|大概|快|有|了)?{NUMBER}{NOT_MONEY}",  # ("已经还了十周了": weeks, not ten yuan, walk 87)
    "fees": rf"(?:另外|额外|又|单独)(?:交|付|给)了?(?:[\u4e00-\u9fff]{{0,4}}费)?{NUMBER}"
            rf"|(?:会员费|担保费|服务费|手续费|审核费)(?:另外|额外|单独)?(?:交了|付了)了?{NUMBER}",
}
# "现在要我还八千", "一共还八千", "到期要还八千" with no term beside it: one payment at the end (the term asked for next);
# "借了三个月": the term (walk 77 was asked twice "到期一共要还多少" after saying it)
_OWED = re.compile(rf"(?:要我|让我|叫我|一共要?|总共要?|到期要?|到时候要?|最后要?)(?:一次)?还{NUMBER}")
_TERM = re.compile(rf"(?:借了?|借款|期限(?:是)?){COUNT}(天|日|个?星期|个?礼拜|周|个月|月|年)(?![\d零〇一二两三四五六七八九十百千万]|多少)")
_SINGLE = re.compile(rf"{COUNT}(天|日|个?星期|个?礼拜|周|个月|月|年)(?:后|以后|之后|到期)?(?:要|得|需要|一次)?(?:还|要还|共还|一共还)(?:款)?{NUMBER}")
_INTEREST_EACH = re.compile(rf"每(周|月|个月)(?:要)?(?:还|付|交|给)?的?(利息|息)?(?:是|要)?{NUMBER}(?:的|块|元)?(利息|息)?")
_EACH_COUNT = re.compile(rf"(?:分)?{COUNT}(期|个月|周)[,，]?每个?(期|月|周)(?:要)?还?{NUMBER}")
# "只能每个月还1000", "最多每月还800": what the person can pay, not what the loan asks; "每月0.75%" is a rate
_EACH_FIRST = re.compile(rf"(?<!能)(?<!多)每(期|月|个月|周)(?:要)?还?{NUMBER}(?![\d.]*\s*[%％])[,，]?(?:要?还|共|分)?(?:{COUNT}(期|个月|周))?")
# "分12期", "12期", "分6个月", "6个月还清": a number of instalments; "逾期三个月", "三个月没还" are not
# "每期手续费0.6%", "手续费每月0.6%", "每月收0.6%的手续费": a card instalment's fee, charged on the whole amount each
# period however much is left (so its real rate is higher than 0.6% x 12)
_FEE_RATE = re.compile(r"(?:每期|每月|每个月|月)的?(?:分期)?(?:手续费|费率|服务费)率?(?:是|为|收|要)?(\d+(?:\.\d+)?)\s*[%％]"
                       r"|(?:手续费|费率|服务费)率?(?:每期|每月|每个月)(?:是|为|收|要)?(\d+(?:\.\d+)?)\s*[%％]"
                       r"|(?:每期|每月|每个月)(?:收|要)?(\d+(?:\.\d+)?)\s*[%％]的?(?:手续费|费率|服务费)")
# "每月还1000本金加72手续费": the fee after the principal is part of each payment (walk 68: 1000 alone read as all)
_EACH_EXTRA = re.compile(rf"(?:的)?(?:本金)?(?:加上?|\+|＋|再加|另加|另外加)(?:上)?{NUMBER}(?:元|块)?的?(?:手续费|利息|服务费|费用|息|费)")
# "每次展期交900，展了五次": the rollover fees paid so far; "交了4500展期费" (walk 79 was asked five times how much
# was due at the end, when the question was whether anything was still owed)
_ROLLED = re.compile(rf"每次(?:展期|续期|延期)?(?:要)?(?:交|付|给|还)了?{NUMBER}(?:元|块)?[^\d]{{0,6}}?(?:展|续|延)(?:期)?了?{COUNT}次")
_PAID_FEE = re.compile(rf"(?:交了|付了|给了|还了)(?:差不多|大概|将近)?{NUMBER}(?:元|块)?的?(?:展期费|续期费|延期费|展期|续期)")
NOTIONAL = 10000.0  # a fee told as a percent alone: its rate is the same for any amount, shown on this one
_COUNT_ONLY = re.compile(rf"(?<!逾期)(?<!还了)(?<!已还)(?:分|共)?{COUNT}期|(?:分|共){COUNT}个月|{COUNT}个月(?:还清|分期)")
_YEARS = re.compile(r"(?:分|还|共)(一|两|二|三|半)年")  # "每个月还1200，还一年": twelve monthly payments
# English: "I borrowed 5,000, only got 4000, have to pay back 5500 in one month", "1000 a month for 12 months"
EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half a": 0.5}
_EN_COUNT = r"(\d+|half a|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_EN_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}
_EN_MONEY = r"(?:rmb|cny|yuan|¥|￥)?\s*"
_EN_PATTERNS = {
    "received": rf"(?<![a-z])(?:only (?:got|get|received|receive)|(?:got|get) only|actually (?:got|get|received)|received|receive|got|get|gets|"
                rf"into my (?:account|card)(?: was)?)"
                rf"\s*(?:only\s*)?{_EN_MONEY}(\d+(?:\.\d+)?\s*k?)(?!\s*(?:loans?|apps?|platforms?|times|calls))",
    "contract": rf"(?<![a-z])(?:borrowed|borrow|loan of|took out|principal(?: of| is)?|contract (?:says|amount(?: is)?|of))"
                rf"\s*(?:a loan of\s*)?{_EN_MONEY}(\d+(?:\.\d+)?\s*k?)(?!\s*(?:loans?|apps?|platforms?|times))",
}
_EN_SINGLE = re.compile(rf"(?:repay|pay back|pay|return|give back)\s*{_EN_MONEY}(\d+(?:\.\d+)?\s*k?)\s*"
                        rf"(?:rmb|yuan)?\s*(?:in|after|within)\s*{_EN_COUNT}\s*(day|week|month|year)s?")
_EN_EACH = re.compile(rf"{_EN_MONEY}(\d+(?:\.\d+)?\s*k?)\s*(?:rmb|yuan)?\s*(?:a|per|each|every)\s*(month|week)"
                      rf"(?:\s*for\s*{_EN_COUNT}\s*(?:months|weeks))?"
                      rf"|{_EN_COUNT}\s*(monthly|weekly)?\s*(?:payments|instal?ments)\s*of\s*{_EN_MONEY}(\d+(?:\.\d+)?\s*k?)")
_NO_FEES = re.compile(r"^(没有|没|无|沒有|没交|没有别的|没有其他费用|0|零|no|none)[了的啊呀。.!]*$")
# "5,000", "12,000,000": groups of three after one to three digits; "5000,100天" is two numbers (walk 59: it was
# read as 5,000,100 days once the comma of "借5000，100天" was made half-width)
_THOUSANDS = re.compile(r"(?<![\d.,，])\d{1,3}(?:[,，]\d{3})+(?!\d|[,，]\d)")
_BARE = re.compile(rf"^{NUMBER}(?:元|块|块钱|rmb|期|天|日)?$")
# "1500到手": the amount before the word (walk 86 p11 was asked for it)
_RECEIVED_AFTER = re.compile(rf"(?<![\d.])(?<!工资)(?<!薪水)(?<!薪)(?<!月){NUMBER}(?:元|块|块钱)?(?:实际)?(?:到手|到账)(?!率)")
# "还2250，7天": the payment, then when (the other order of _SINGLE); not what was paid already ("已经还2000，3个月了")
_SINGLE_AFTER = re.compile(rf"(?<!已经)(?<!已)(?<!累计)(?<!前后)(?<!每月)(?<!每周)(?<!每期)(?:要|得|一共|共)?还{NUMBER}(?:元|块)?[，,]?"
                           rf"{COUNT}(天|日|个?星期|个?礼拜|周|个月|月|年)(?:后|以后|到期|内)?(?![\d零〇一二两三四五六七八九十]|了|期|逾期)")
# "借了714的口子": the name of a kind of loan (due in 7 or 14 days), not an amount (walk 86 p11 got 714 yuan)
_LOAN_NAME = re.compile(r"(?<![\d.])714(?=\s*的?(?:口子|高炮|网贷|贷|平台|app|那种|这种|类))")


def _number(text: str) -> float | None:
    try:
        return to_number(text)
    except (KeyError, ValueError):
        return None


def _en_count(word: str) -> float | None:
    return float(word) if word.isdigit() else EN_COUNT.get(word)


def read_english(text: str) -> dict[str, float | str]:
    """The loan figures of an English message (lowercased, thousands separators removed)."""
    found: dict[str, float | str] = {}
    for field, pattern in _EN_PATTERNS.items():
        if (match := re.search(pattern, text)) and (value := _number(match.group(1))) is not None:
            found[field] = value
    if re.search(r"(?<![a-z])no (?:other |extra )?(?:fees?|charges?)", text):
        found["fees"] = 0.0
    if single := _EN_SINGLE.search(text):
        amount, count, unit = single.groups()
        if (payment := _number(amount)) is not None and (span := _en_count(count)) is not None:
            found.update(days=round(span * _EN_UNIT[unit]), payment=payment, count=1.0, period="single")
    elif each := _EN_EACH.search(text):
        amount, per, count, number, kind, amount_after = each.groups()
        payment = _number(amount or amount_after)
        if payment is not None:
            found.update(payment=payment, period="week" if (per or kind or "").startswith("week") else "month")
            if (n := _en_count(count or number or "")) is not None and n > 1:
                found["count"] = n
    return found


def read_figures(text: str, asking: str = "") -> dict[str, float | str]:
    """The loan figures a message states. `asking` is the figure the bot just asked for, so a bare
    "5000" or "没有" answers it."""
    text = _THOUSANDS.sub(lambda m: re.sub(r"[,，]", "", m.group()), text)  # "5,000" is five thousand
    text = _LOAN_NAME.sub("高炮", text)
    if re.search(r"[a-z]{3}", text.lower()) and not re.search(r"[\u4e00-\u9fff]", text) and not asking:
        return read_english(text.lower())
    plain = " ".join(text.lower().split())
    text = re.sub(r"\s+", "，", text.replace(",", "，").strip()).lower()  # "借5000 到手3500" keeps its numbers apart
    found: dict[str, float | str] = {}
    if asking:
        bare = _BARE.match(text)
        if bare and (value := _number(bare.group(1))) is not None:
            found["days" if asking == "days" else asking] = value
            return found
        if asking == "fees" and _NO_FEES.match(text):
            return {"fees": 0.0}
        term = re.fullmatch(rf"{COUNT}(天|日|个?星期|个?礼拜|周|个月|月|年)(后|以后|之后|到期)?", text)
        if asking == "days" and term and (span := 0.5 if term.group(1) == "半" else _number(term.group(1))):
            return {"days": round(span * TERM_DAYS[term.group(2)])}
        term = re.fullmatch(rf"(?:in |after )?{_EN_COUNT} (day|week|month|year)s?", plain)
        if asking == "days" and term and (span := _en_count(term.group(1))) is not None:
            return {"days": round(span * _EN_UNIT[term.group(2)])}
    for field, pattern in _PATTERNS.items():
        match = re.search(pattern, text)
        if match and (value := _number(match.group(1))) is not None:
            found[field] = value
    if "received" not in found and (after := _RECEIVED_AFTER.search(text)) and (
            value := _number(after.group(1))) is not None:
        found["received"] = value
    if "paid" not in found and (rolled := _ROLLED.search(text)):
        if (each := _number(rolled.group(1))) is not None and (times := _number(rolled.group(2))) is not None:
            found["paid"] = each * times
    if "paid" not in found and (fee := _PAID_FEE.search(text)) and (value := _number(fee.group(1))) is not None:
        found["paid"] = value
    if re.search(r"(没有|无|没交|没扣)(其他|别的)?(费用|服务费|手续费)", text):
        found["fees"] = 0.0
    if single := _SINGLE.search(text):
        count, unit, amount = single.groups()
        span = 0.5 if count == "半" else _number(count)
        if span is not None and (payment := _number(amount)) is not None:
            days = round(span * TERM_DAYS[unit])
            # "每周还1000利息，13周后还20000本金": the interest paid along the way is part of what is repaid (taken
            # as paid at the end, so the rate shown is, if anything, too low)
            interest = _INTEREST_EACH.search(text)
            if interest and (interest.group(2) or interest.group(4)) and (each := _number(interest.group(3))) is not None:
                payment += each * days / (7 if interest.group(1) == "周" else 30)
            found.update(days=days, payment=payment, count=1.0, period="single")
    elif (after := _SINGLE_AFTER.search(text)) and (payment := _number(after.group(1))) is not None and (
            span := 0.5 if after.group(2) == "半" else _number(after.group(2))) is not None:
        found.update(days=round(span * TERM_DAYS[after.group(3)]), payment=payment, count=1.0, period="single")
    elif each := (_EACH_COUNT.search(text) or None):
        count, unit, per, amount = each.groups()
        if (n := _number(count)) is not None and (payment := _number(amount)) is not None:
            found.update(count=n, payment=payment, period="week" if "周" in unit + per else "month")
    elif each := _EACH_FIRST.search(text):
        per, amount, count, unit = each.groups()
        if (payment := _number(amount)) is not None:
            extra = _EACH_EXTRA.match(text, each.end(2))
            if extra and (fee := _number(extra.group(1))) is not None:
                payment += fee
            found.update(payment=payment, period="week" if per == "周" else "month")
        if count and (n := _number(count)) is not None:
            found["count"] = n
        elif per in ("月", "个月") and (years := _YEARS.search(text)):
            found["count"] = 6.0 if years.group(1) == "半" else 12 * _number(years.group(1))
    elif count_only := _COUNT_ONLY.search(text):
        if (n := _number(next(g for g in count_only.groups() if g))) is not None and n > 1:
            found["count"] = n
    elif (owed := _OWED.search(text)) and (payment := _number(owed.group(1))) is not None:
        # only where no instalments were named: what is owed, once, at the end
        found.update(payment=payment, count=1.0, period="single")
        if (term := _TERM.search(text)) and (span := 0.5 if term.group(1) == "半" else _number(term.group(1))):
            found["days"] = round(span * TERM_DAYS[term.group(2)])
    if found.get("period") != "single" and (fee_rate := _FEE_RATE.search(text)):
        if (percent := _number(next(g for g in fee_rate.groups() if g))) is not None and 0 < percent < 10:
            found["fee_rate"] = percent
            found.setdefault("period", "month")
    return found


# "利率是年化24%", "合同上写年化35.9%": a rate told, not worked out (walk 79 asked four times whether 24% was lawful)
_STATED = re.compile(r"(?:年化|年利率|年息|apr)(?:利率)?(?:是|为|有|大概|约|才|就)?\s*(\d+(?:\.\d+)?)\s*[%％]")


# ("超过24%的利息…已经还了的能要回来吗", walk 82 was told "按你说的年化 24.00%…没超过": a line, not their rate)
_BARE_PERCENT = re.compile(r"(?<![\d.])(?<!超过)(?<!超出)(?<!高于)(?<!低于)(?<!不到)(\d+(?:\.\d+)?)\s*[%％]"
                           r"(?!\s*(?:的)?(?:手续费|服务费|费率|首付|定金|以上|以下|部分|那部分|那一部分))")


# "一周50%的利息", "月息3%", "日息1%": a rate for a shorter period, made annual (simple interest, as the calculator)
_PERIODIC = re.compile(r"(一周|每周|周|一个?星期|每个?星期|一个?礼拜|每个?礼拜|一个月|每个?月|月|一天|每天|日)的?(?:利息|息|利率)(?:是|为|有|要|大概|约)?\s*"
                       r"(\d+(?:\.\d+)?)\s*[%％]|(一周|每周|一个?星期|每个?星期|一个?礼拜|每个?礼拜|一个月|每个?月|一天|每天)(?:就|要|得)?"
                       r"(?:收|要)?\s*(\d+(?:\.\d+)?)\s*[%％]的?(?:利息|息)")
_PER_YEAR = {"周": 52, "星期": 52, "礼拜": 52, "月": 12, "天": 365, "日": 365}


def stated_rate(text: str, bare: bool = False) -> float | None:
    """An annual rate the message states in so many words, in percent (a weekly, monthly or daily one made annual);
    `bare`: a percent alone counts too (a rate was told before: "那36%呢")."""
    if periodic := _PERIODIC.search(text.lower()):
        period, value = (periodic.group(1), periodic.group(2)) if periodic.group(1) else (periodic.group(3),
                                                                                        periodic.group(4))
        times = next(n for unit, n in _PER_YEAR.items() if unit in period)
        return float(value) * times if 0 < float(value) * times < 100000 else None
    found = _STATED.search(text.lower()) or (_BARE_PERCENT.search(text) if bare else None)
    return float(found.group(1)) if found and 0 < float(found.group(1)) < 10000 else None


def missing(figures: dict[str, float | str]) -> list[str]:
    """What is still needed to compute a rate, in the order to ask for it."""
    need = [] if "received" in figures else ["contract"]  # one amount only: the contract is what arrived
    if "fee_rate" in figures:  # the rate of a fee told as a percent does not depend on the amount
        need = ["count"]
    elif figures.get("period") == "single":
        need += ["days", "payment"]
    elif figures.get("period") in ("month", "week"):
        need += ["count", "payment"]
    else:
        need += ["payment"]
    return [field for field in need if field not in figures]


def to_loan(figures: dict[str, float | str]) -> Loan | None:
    """A whole loan once every figure is known; received defaults to the contract (the reply says so)."""
    if missing(figures) or "period" not in figures:
        return None
    contract = float(figures.get("contract", figures.get("received", NOTIONAL if "fee_rate" in figures else 0.0)))
    single = figures["period"] == "single"
    payment = figures.get("payment")
    if payment is None:  # a fee told as a percent: the amount spread over the periods, plus the fee each period
        payment = contract / float(figures["count"]) + contract * float(figures["fee_rate"]) / 100
    return Loan(contract=contract, received=float(figures.get("received", contract)),
                payment=float(payment), count=1 if single else int(figures["count"]),
                days=int(figures.get("days", 0)), period="month" if single else str(figures["period"]),
                fees=float(figures.get("fees", 0.0)))
