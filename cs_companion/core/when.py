"""Turns what an agent types or picks ("2h", "今天18:00前", "明天中午前") into a moment for a reminder.

Agents promise customers times in words ("明天中午前给您回复"), and the reply
form offers exactly such phrases for ETA fields. A follow-up reminder set "at
the ETA" must understand them, and must say so when it cannot: a guessed
time is worse than asking, because a missed call-back is a complaint.

Everything takes ``now`` (an aware datetime) from the caller, so tests drive
it with a fixed clock and nothing here reads the system time.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

WORKDAY_END = (18, 0)
"""A promise of "今天" or "明天" without a time means by the end of that working day."""
PART_OF_DAY = {"上午": (12, 0), "中午": (12, 0), "下午": (18, 0), "傍晚": (19, 0), "晚上": (21, 0), "今晚": (21, 0)}
"""A part of the day without a clock time means by its end."""
ETA_MARGIN = timedelta(minutes=30)
"""A reminder for a promise "by 18:00" fires this much earlier, so there is time to find the answer and reply."""
MIN_LEAD = timedelta(minutes=1)
MAX_AHEAD = timedelta(days=366)

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DURATION = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|分钟|分|h|hrs?|hours?|小时|个小时|d|days?|天)\s*$", re.IGNORECASE
)
_UNIT_MINUTES = {"m": 1, "min": 1, "分": 1, "分钟": 1, "h": 60, "hr": 60, "hour": 60, "小时": 60, "个小时": 60}
_RELATIVE = re.compile(r"(\d+|[一二两三四五六七八九十半]+)\s*(?:个)?\s*(分钟|小时|天|个?工作日)\s*(?:内|之内|以内|后)?")
_DAY_WORD = re.compile(r"(今天|今日|今晚|明天|明日|明早|后天)")
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_DATE_YMD = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?")
_DATE_MD = re.compile(r"(\d{1,2})(?:月|/)(\d{1,2})[日号]?")
_CLOCK = re.compile(r"(\d{1,2})\s*[:：]\s*(\d{2})")
_HOUR = re.compile(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*点\s*(半|(\d{1,2})\s*分?)?")
_PART = re.compile("(" + "|".join(PART_OF_DAY) + ")")


def parse_duration(text: str) -> timedelta | None:
    """``30m``, ``2h``, ``1d``, ``90分钟``, ``2小时``: the library's ``follow_up: after:`` values. None if not one."""
    match = _DURATION.match(text)
    if match is None:
        return None
    unit = match.group(2).lower().rstrip("s")
    minutes = 24 * 60 if unit in ("d", "day", "天") else _UNIT_MINUTES.get(unit, 1)
    value = float(match.group(1)) * minutes
    if value <= 0 or value > MAX_AHEAD.total_seconds() / 60:
        return None
    return timedelta(minutes=round(value))


def tomorrow_at(now: datetime, hour: int, minute: int = 0) -> datetime:
    """The next day at ``hour:minute`` in ``now``'s time zone (the chooser's "明天 10:00")."""
    return (now + timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)


def eta_deadline(text: str, now: datetime) -> datetime | None:
    """The moment a promised ETA phrase runs out, or None when it is not understood or already past.

    Understood: 今天/明天/后天/周五/3月5日/2024-03-05, optionally with 上午/中午/
    下午/晚上 and a clock time (18:00, 5点, 下午5点半); relative spans
    (30分钟内, 2小时内, 48小时内, 3个工作日内). Unknown words around them
    (前, 之前, 给您回复) are ignored.
    """
    text = text.strip()
    if not text:
        return None
    relative = _relative(text, now)
    if relative is not None:
        return relative if now < relative <= now + MAX_AHEAD else None
    day = _day(text, now)
    clock = _clock(text)
    if day is None and clock is None:
        return None
    day = day or now
    if clock is None:
        part = _PART.search(text)
        clock = PART_OF_DAY[part.group(1)] if part else WORKDAY_END
    hour, minute = clock
    if hour >= 24 or minute >= 60:
        return None
    deadline = day.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return deadline if now < deadline <= now + MAX_AHEAD else None


def eta_reminder_time(text: str, now: datetime) -> datetime | None:
    """When to remind the agent of a promise made with ``text``: ``ETA_MARGIN`` before it runs out.

    Never earlier than a minute from now (a promise due in 20 minutes gets a
    reminder in a minute, not one in the past). None when the phrase is not
    understood: the caller must ask for a time instead of guessing.
    """
    deadline = eta_deadline(text, now)
    if deadline is None:
        return None
    return max(deadline - ETA_MARGIN, now + MIN_LEAD)


def _number(text: str) -> float | None:
    if text.isdigit():
        return float(text)
    if text == "半":
        return 0.5
    if text == "十":
        return 10.0
    if "十" in text:
        tens, _, ones = text.partition("十")
        return float(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)) if tens or ones else 10.0
    if len(text) == 1 and text in _CN_DIGITS:
        return float(_CN_DIGITS[text])
    return None


def _relative(text: str, now: datetime) -> datetime | None:
    match = _RELATIVE.search(text)
    if match is None:
        return None
    amount = _number(match.group(1))
    if amount is None or amount <= 0:
        return None
    unit = match.group(2)
    if unit == "分钟":
        return now + timedelta(minutes=amount)
    if unit == "小时":
        return now + timedelta(hours=amount)
    if unit == "天":
        return _end_of_day(now + timedelta(days=amount))
    day = now  # N个工作日: skip Saturdays and Sundays, due at the end of the Nth working day
    remaining = int(amount)
    while remaining > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return _end_of_day(day)


def _end_of_day(day: datetime) -> datetime:
    return day.replace(hour=WORKDAY_END[0], minute=WORKDAY_END[1], second=0, microsecond=0)


def _day(text: str, now: datetime) -> datetime | None:
    word = _DAY_WORD.search(text)
    if word is not None:
        offset = {"明天": 1, "明日": 1, "明早": 1, "后天": 2}.get(word.group(1), 0)
        return now + timedelta(days=offset)
    weekday = _WEEKDAY.search(text)
    if weekday is not None:
        target = "一二三四五六日".find(weekday.group(1)) if weekday.group(1) != "天" else 6
        ahead = (target - now.weekday()) % 7
        return now + timedelta(days=ahead)
    try:
        ymd = _DATE_YMD.search(text)
        if ymd is not None:
            return now.replace(year=int(ymd.group(1)), month=int(ymd.group(2)), day=int(ymd.group(3)))
        md = _DATE_MD.search(text)
        if md is not None:
            found = now.replace(month=int(md.group(1)), day=int(md.group(2)))
            return found if found.date() >= now.date() else found.replace(year=now.year + 1)
    except ValueError:  # 2月30日
        return None
    return None


def _clock(text: str) -> tuple[int, int] | None:
    """A clock time in the text, with 下午/晚上 moving 1–11 o'clock into the afternoon."""
    found = _CLOCK.search(text)
    if found is not None:
        hour, minute = int(found.group(1)), int(found.group(2))
    else:
        spoken = _HOUR.search(text)
        if spoken is None:
            return None
        value = _number(spoken.group(1))
        if value is None:
            return None
        hour = int(value)
        minute = 30 if spoken.group(2) == "半" else int(spoken.group(3) or 0)
    part = _PART.search(text)
    if part is not None and part.group(1) in ("下午", "傍晚", "晚上", "今晚") and 1 <= hour < 12:
        hour += 12
    return hour, minute
