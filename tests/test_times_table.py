"""Table of time expressions: each with its reference date, tense and expected interval.

Columns: expression | reference date | tense | start | end.  "-" is an open
bound; a row whose start and end are both "-" expects no interval at all.
References: 2015-10-12 is a Monday, 2013-03-22 a Friday, 2020-02-29 a Saturday
(leap day), 2019-01-03 a Thursday.
"""
from __future__ import annotations

from datetime import date

import pytest

from dateline.resolve.times import normalise

TABLE = """
in July                      | 2015-10-12 | past    | 2015-07-01 | 2015-07-31
July                         | 2015-10-12 | past    | 2015-07-01 | 2015-07-31
in July                      | 2015-10-12 | future  | 2016-07-01 | 2016-07-31
in October                   | 2015-10-12 | past    | 2015-10-01 | 2015-10-31
in December                  | 2015-10-12 | future  | 2015-12-01 | 2015-12-31
in December                  | 2015-10-12 | past    | 2014-12-01 | 2014-12-31
in January                   | 2015-10-12 | present | 2016-01-01 | 2016-01-31
in March                     | 2015-10-12 | present | 2016-03-01 | 2016-03-31
last week                    | 2015-10-12 | past    | 2015-10-05 | 2015-10-11
Last week                    | 2013-03-22 | past    | 2013-03-11 | 2013-03-17
this week                    | 2015-10-12 | present | 2015-10-12 | 2015-10-18
next week                    | 2015-10-12 | future  | 2015-10-19 | 2015-10-25
the previous week            | 2015-10-12 | past    | -          | -
in recent days               | 2015-10-12 | past    | 2015-10-06 | 2015-10-12
recent weeks                 | 2015-10-12 | past    | 2015-09-15 | 2015-10-12
since late September         | 2015-10-12 | past    | 2015-09-21 | -
since 1998                   | 2015-10-12 | past    | 1998-01-01 | -
since July                   | 2015-10-12 | past    | 2015-07-01 | -
since March 2011             | 2015-10-12 | past    | 2011-03-01 | -
since then                   | 2015-10-12 | past    | -          | -
a few months ago             | 2015-10-12 | past    | 2015-06-12 | 2015-08-12
several months ago           | 2015-10-12 | past    | 2015-04-12 | 2015-07-12
a couple of weeks ago        | 2015-10-12 | past    | 2015-09-28 | 2015-10-04
two weeks ago                | 2015-10-12 | past    | 2015-09-28 | 2015-10-04
three days ago               | 2015-10-12 | past    | 2015-10-09 | 2015-10-09
two years ago                | 2015-10-12 | past    | 2013-01-01 | 2013-12-31
a month ago                  | 2015-10-12 | past    | 2015-09-01 | 2015-09-30
ten days ago                 | 2013-03-22 | past    | 2013-03-12 | 2013-03-12
earlier this year            | 2015-10-12 | past    | 2015-01-01 | 2015-10-12
later this year              | 2015-10-12 | future  | 2015-10-12 | 2015-12-31
earlier this month           | 2015-10-12 | past    | 2015-10-01 | 2015-10-12
earlier this week            | 2015-10-14 | past    | 2015-10-12 | 2015-10-14
later this month             | 2015-10-12 | future  | 2015-10-12 | 2015-10-31
four-year-long               | 2015-10-12 | past    | 2011-01-01 | 2015-10-12
four-year-long war           | 2015-10-12 | past    | 2011-01-01 | 2015-10-12
a decade-long                | 2015-10-12 | past    | 2005-01-01 | 2015-10-12
In 2001                      | 2015-10-12 | past    | 2001-01-01 | 2001-12-31
2001                         | 2015-10-12 | past    | 2001-01-01 | 2001-12-31
the year 1998                | 2015-10-12 | past    | 1998-01-01 | 1998-12-31
currently                    | 2015-10-12 | present | 2015-10-12 | 2015-10-12
now                          | 2015-10-12 | present | 2015-10-12 | 2015-10-12
right now                    | 2015-10-12 | present | 2015-10-12 | 2015-10-12
today                        | 2015-10-12 | present | 2015-10-12 | 2015-10-12
Today                        | 2020-02-29 | past    | 2020-02-29 | 2020-02-29
at present                   | 2015-10-12 | present | 2015-10-12 | 2015-10-12
late September               | 2015-10-12 | past    | 2015-09-21 | 2015-09-30
early September              | 2015-10-12 | past    | 2015-09-01 | 2015-09-10
mid-September                | 2015-10-12 | past    | 2015-09-11 | 2015-09-20
late February                | 2020-02-29 | past    | 2020-02-21 | 2020-02-29
early 2015                   | 2015-10-12 | past    | 2015-01-01 | 2015-04-30
mid-2015                     | 2015-10-12 | past    | 2015-05-01 | 2015-08-31
late 2014                    | 2015-10-12 | past    | 2014-09-01 | 2014-12-31
the end of 2014              | 2015-10-12 | past    | 2014-09-01 | 2014-12-31
the beginning of 2015        | 2015-10-12 | past    | 2015-01-01 | 2015-04-30
on Tuesday                   | 2015-10-12 | past    | 2015-10-06 | 2015-10-06
on Tuesday                   | 2015-10-12 | future  | 2015-10-13 | 2015-10-13
Tuesday                      | 2013-03-22 | past    | 2013-03-19 | 2013-03-19
Friday                       | 2013-03-22 | past    | 2013-03-22 | 2013-03-22
Friday                       | 2013-03-22 | future  | 2013-03-22 | 2013-03-22
on Monday                    | 2013-03-22 | future  | 2013-03-25 | 2013-03-25
on Sunday                    | 2013-03-22 | present | 2013-03-24 | 2013-03-24
on Wednesday                 | 2013-03-22 | present | 2013-03-20 | 2013-03-20
last Friday                  | 2013-03-22 | past    | 2013-03-15 | 2013-03-15
next Friday                  | 2013-03-22 | future  | 2013-03-29 | 2013-03-29
this coming Sunday           | 2013-03-22 | future  | 2013-03-24 | 2013-03-24
early Tuesday                | 2013-03-22 | past    | 2013-03-19 | 2013-03-19
Tuesday night                | 2013-03-22 | past    | 2013-03-19 | 2013-03-19
Saturday                     | 2020-02-29 | past    | 2020-02-29 | 2020-02-29
Thursday                     | 2019-01-03 | past    | 2019-01-03 | 2019-01-03
Monday                       | 2019-01-03 | past    | 2018-12-31 | 2018-12-31
yesterday                    | 2015-10-12 | past    | 2015-10-11 | 2015-10-11
yesterday                    | 2019-01-01 | past    | 2018-12-31 | 2018-12-31
tomorrow                     | 2015-10-12 | future  | 2015-10-13 | 2015-10-13
tomorrow                     | 2020-02-28 | future  | 2020-02-29 | 2020-02-29
the day before yesterday     | 2015-10-12 | past    | 2015-10-10 | 2015-10-10
the day after tomorrow       | 2015-10-12 | future  | 2015-10-14 | 2015-10-14
last night                   | 2015-10-12 | past    | 2015-10-11 | 2015-10-11
tonight                      | 2015-10-12 | future  | 2015-10-12 | 2015-10-12
this morning                 | 2015-10-12 | past    | 2015-10-12 | 2015-10-12
yesterday afternoon          | 2015-10-12 | past    | 2015-10-11 | 2015-10-11
late yesterday               | 2015-10-12 | past    | 2015-10-11 | 2015-10-11
last month                   | 2015-10-12 | past    | 2015-09-01 | 2015-09-30
last month                   | 2019-01-03 | past    | 2018-12-01 | 2018-12-31
last month                   | 2020-03-31 | past    | 2020-02-01 | 2020-02-29
this month                   | 2015-10-12 | present | 2015-10-01 | 2015-10-31
next month                   | 2015-10-12 | future  | 2015-11-01 | 2015-11-30
next month                   | 2015-12-05 | future  | 2016-01-01 | 2016-01-31
last year                    | 2015-10-12 | past    | 2014-01-01 | 2014-12-31
this year                    | 2015-10-12 | present | 2015-01-01 | 2015-12-31
next year                    | 2015-10-12 | future  | 2016-01-01 | 2016-12-31
last spring                  | 2015-10-12 | past    | 2015-03-01 | 2015-05-31
last summer                  | 2015-10-12 | past    | 2015-06-01 | 2015-08-31
this summer                  | 2015-10-12 | past    | 2015-06-01 | 2015-08-31
last winter                  | 2015-10-12 | past    | 2014-12-01 | 2015-02-28
next winter                  | 2015-10-12 | future  | 2015-12-01 | 2016-02-29
in the spring                | 2015-10-12 | future  | 2016-03-01 | 2016-05-31
in the summer                | 2015-10-12 | past    | 2015-06-01 | 2015-08-31
summer 2014                  | 2015-10-12 | past    | 2014-06-01 | 2014-08-31
the summer of 2012           | 2015-10-12 | past    | 2012-06-01 | 2012-08-31
autumn                       | 2015-10-12 | present | 2015-09-01 | 2015-11-30
the winter of 2013           | 2015-10-12 | past    | 2013-12-01 | 2014-02-28
the past four years          | 2015-10-12 | past    | 2011-10-12 | 2015-10-12
the past two months          | 2015-10-12 | past    | 2015-08-12 | 2015-10-12
the last three days          | 2015-10-12 | past    | 2015-10-09 | 2015-10-12
the next two weeks           | 2015-10-12 | future  | 2015-10-12 | 2015-10-26
the coming days              | 2015-10-12 | future  | -          | -
the past few weeks           | 2015-10-12 | past    | 2015-09-14 | 2015-10-12
the past year                | 2015-10-12 | past    | 2014-10-12 | 2015-10-12
the past decade              | 2015-10-12 | past    | 2005-10-12 | 2015-10-12
by Tuesday                   | 2015-10-12 | future  | -          | 2015-10-13
by the end of the year       | 2015-10-12 | future  | -          | 2015-12-31
until March                  | 2015-10-12 | future  | -          | 2016-03-31
before July                  | 2015-10-12 | past    | -          | 2015-06-30
after 2010                   | 2015-10-12 | past    | 2011-01-01 | -
12 October 2015              | 2015-10-12 | past    | 2015-10-12 | 2015-10-12
12th October 2015            | 2015-10-12 | past    | 2015-10-12 | 2015-10-12
the 12th of October          | 2015-10-20 | past    | 2015-10-12 | 2015-10-12
Oct. 12, 2015                | 2015-10-20 | past    | 2015-10-12 | 2015-10-12
October 12, 2015             | 2015-10-20 | past    | 2015-10-12 | 2015-10-12
Monday, Oct. 12, 2015        | 2015-10-20 | past    | 2015-10-12 | 2015-10-12
Sept. 30                     | 2015-10-12 | past    | 2015-09-30 | 2015-09-30
Nov. 2                       | 2015-10-12 | past    | 2015-11-02 | 2015-11-02
Dec. 20                      | 2015-10-12 | past    | 2014-12-20 | 2014-12-20
Dec. 20                      | 2015-10-12 | future  | 2015-12-20 | 2015-12-20
Jan. 5                       | 2015-12-28 | future  | 2016-01-05 | 2016-01-05
Dec 30                       | 2016-01-02 | past    | 2015-12-30 | 2015-12-30
2015-10-12                   | 2016-01-01 | past    | 2015-10-12 | 2015-10-12
2015-10                      | 2016-01-01 | past    | 2015-10-01 | 2015-10-31
12/10/2015                   | 2015-12-20 | past    | 2015-12-10 | 2015-12-10
25/10/2015                   | 2015-12-20 | past    | 2015-10-25 | 2015-10-25
10/25/15                     | 2015-12-20 | past    | 2015-10-25 | 2015-10-25
October 2015                 | 2016-01-01 | past    | 2015-10-01 | 2015-10-31
Oct. 2014                    | 2016-01-01 | past    | 2014-10-01 | 2014-10-31
June last year               | 2015-10-12 | past    | 2014-06-01 | 2014-06-30
March this year              | 2015-10-12 | past    | 2015-03-01 | 2015-03-31
this September               | 2015-02-05 | future  | 2015-09-01 | 2015-09-30
last February                | 2015-10-12 | past    | 2015-02-01 | 2015-02-28
the 1990s                    | 2015-10-12 | past    | 1990-01-01 | 1999-12-31
the 1980s                    | 2015-10-12 | past    | 1980-01-01 | 1989-12-31
the '80s                     | 2015-10-12 | past    | 1980-01-01 | 1989-12-31
the early 1990s              | 2015-10-12 | past    | 1990-01-01 | 1993-12-31
the 20th century             | 2015-10-12 | past    | 1900-01-01 | 1999-12-31
nineteen ninety-six          | 2015-10-12 | past    | 1996-01-01 | 1996-12-31
the third quarter            | 2015-10-12 | past    | 2015-07-01 | 2015-09-30
the fourth quarter           | 2015-10-12 | past    | 2015-10-01 | 2015-12-31
the fourth quarter           | 2015-10-12 | future  | 2015-10-01 | 2015-12-31
the first quarter of 2014    | 2015-10-12 | past    | 2014-01-01 | 2014-03-31
Q2 2013                      | 2015-10-12 | past    | 2013-04-01 | 2013-06-30
the first half of 2015       | 2015-10-12 | past    | 2015-01-01 | 2015-06-30
the weekend                  | 2015-10-12 | past    | 2015-10-10 | 2015-10-11
the weekend                  | 2013-03-22 | future  | 2013-03-23 | 2013-03-24
this weekend                 | 2013-03-22 | future  | 2013-03-23 | 2013-03-24
last weekend                 | 2013-03-22 | past    | 2013-03-16 | 2013-03-17
10 a.m. Tuesday              | 2015-10-12 | past    | 2015-10-06 | 2015-10-06
at 3:30 p.m.                 | 2015-10-12 | past    | 2015-10-12 | 2015-10-12
noon Thursday                | 2013-03-22 | past    | 2013-03-21 | 2013-03-21
midnight                     | 2013-03-22 | past    | 2013-03-22 | 2013-03-22
from May to July             | 2015-10-12 | past    | 2015-05-01 | 2015-07-31
between 2009 and 2012        | 2015-10-12 | past    | 2009-01-01 | 2012-12-31
2009-2010                    | 2015-10-12 | past    | 2009-01-01 | 2010-12-31
from 12 to 14 October        | 2015-10-20 | past    | 2015-10-12 | 2015-10-14
October 12-14                | 2015-10-20 | past    | 2015-10-12 | 2015-10-14
Easter                       | 2013-03-22 | future  | 2013-03-31 | 2013-03-31
Easter                       | 2013-03-22 | past    | 2012-04-08 | 2012-04-08
Thanksgiving Day             | 2012-12-01 | past    | 2012-11-22 | 2012-11-22
Christmas 2010               | 2015-10-12 | past    | 2010-12-25 | 2010-12-25
last Christmas               | 2015-10-12 | past    | 2014-12-25 | 2014-12-25
a decade ago                 | 2015-10-12 | past    | 2005-01-01 | 2005-12-31
4 a.m. EDT Thursday          | 2013-03-22 | past    | 2013-03-21 | 2013-03-21
the week of March 6          | 2000-02-24 | future  | 2000-03-06 | 2000-03-12
last Oct. 23                 | 1999-04-19 | past    | 1998-10-23 | 1998-10-23
the mid-1990s                | 2015-10-12 | past    | 1994-01-01 | 1996-12-31
the late 1990s               | 2015-10-12 | past    | 1997-01-01 | 1999-12-31
6-year-old                   | 2015-10-12 | past    | -          | -
every Thursday               | 2015-10-12 | present | -          | -
the year                     | 2015-10-12 | past    | 2015-01-01 | 2015-12-31
three business days          | 2015-10-12 | past    | -          | -
in two weeks                 | 2015-10-12 | future  | 2015-10-26 | 2015-11-01
in three days                | 2015-10-12 | future  | 2015-10-15 | 2015-10-15
in two weeks                 | 2015-10-12 | past    | -          | -
the quarter                  | 2015-10-12 | past    | 2015-07-01 | 2015-09-30
the latest quarter           | 2015-02-03 | past    | 2014-10-01 | 2014-12-31
the current quarter          | 2015-10-12 | present | 2015-10-01 | 2015-12-31
the year-ago quarter         | 2015-10-12 | past    | 2014-07-01 | 2014-09-30
this year's first quarter    | 2015-10-12 | past    | 2015-01-01 | 2015-03-31
the 2013 second quarter      | 2015-10-12 | past    | 2013-04-01 | 2013-06-30
the fiscal first quarter     | 2015-10-12 | past    | 2015-01-01 | 2015-03-31
the last half of 2014        | 2015-10-12 | past    | 2014-07-01 | 2014-12-31
year-end                     | 2015-10-12 | future  | 2015-12-31 | 2015-12-31
Election Day 2012            | 2015-10-12 | past    | 2012-11-06 | 2012-11-06
4 in the morning             | 2015-10-12 | past    | 2015-10-12 | 2015-10-12
every week                   | 2015-10-12 | present | -          | -
each Thursday                | 2015-10-12 | present | -          | -
daily                        | 2015-10-12 | present | -          | -
twice a year                 | 2015-10-12 | present | -          | -
for three days               | 2015-10-12 | past    | -          | -
three days                   | 2015-10-12 | past    | -          | -
nearly two years             | 2015-10-12 | past    | -          | -
recently                     | 2015-10-12 | past    | -          | -
soon                         | 2015-10-12 | future  | -          | -
in the past                  | 2015-10-12 | past    | -          | -
the future                   | 2015-10-12 | future  | -          | -
the day                      | 2015-10-12 | past    | -          | -
may                          | 2015-10-12 | past    | -          | -
forty                        | 2015-10-12 | past    | -          | -
the Syrian army              | 2015-10-12 | past    | -          | -
"""


def _day(cell: str) -> date | None:
    return None if cell == "-" else date.fromisoformat(cell)


ROWS = [tuple(cell.strip() for cell in line.split("|")) for line in TABLE.strip().splitlines()]


def test_table_is_large_enough() -> None:
    assert len(ROWS) >= 150


@pytest.mark.parametrize("text, ref, tense, start, end", ROWS, ids=[f"{r[0]}@{r[1]}/{r[2]}" for r in ROWS])
def test_expression(text: str, ref: str, tense: str, start: str, end: str) -> None:
    span = normalise(text, date.fromisoformat(ref), tense)
    if start == "-" and end == "-":
        assert span is None
        return
    assert span is not None, text
    assert (span.start, span.end) == (_day(start), _day(end))
