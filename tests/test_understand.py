"""Question understanding: dates (dateparser, relative to the newest digest), intents
(nearest example phrasings, English and Korean), references to earlier answers."""

from __future__ import annotations

import re

import pytest

from assistant.understand.dates import find_dates, strip_dates, without_newest_clause
from assistant.understand.intents import INTENTS, classify, matcher
from assistant.understand.query import analyse
from assistant.understand.references import previous_refs
from assistant.understand.sentences import asked_part

NEWEST = "2025-06-30"


@pytest.mark.parametrize(
    "question, since, until",
    [
        ("what was in the 2024-10-23 digest?", "2024-10-23", "2024-10-23"),
        ("Show me the papers from October 23, 2024", "2024-10-23", "2024-10-23"),
        ("List everything from Feb 20 2025", "2025-02-20", "2025-02-20"),
        ("papers on 23 October", "2024-10-23", "2024-10-23"),  # no year: newest such date
        ("On Sept 3, which papers were about agents?", "2024-09-03", "2024-09-03"),
        ("8월 14일 논문 중에 비디오 관련 논문 있어?", "2024-08-14", "2024-08-14"),
        ("2024-10-15에 나온 논문 몇 편이야?", "2024-10-15", "2024-10-15"),  # a particle on it
        ("last Friday's papers", "2025-06-27", "2025-06-27"),  # the newest is a Monday
        ("What came out on Valentine's Day 2025?", "2025-02-14", "2025-02-14"),  # a holiday
        ("2024년 크리스마스 이브에 나온 논문", "2024-12-24", "2024-12-24"),
        ("What came out on Halloween?", "2024-10-31", "2024-10-31"),
        ("what came out on Friday?", "2025-06-27", "2025-06-27"),
        ("금요일 논문 보여줘", "2025-06-27", "2025-06-27"),
        ("2025-02-20의 논문", "2025-02-20", "2025-02-20"),
        ("2025년 2월 논문", "2025-02-01", "2025-02-28"),
        ("how many papers appeared in February 2025?", "2025-02-01", "2025-02-28"),
        ("papers from 2025-03", "2025-03-01", "2025-03-31"),
        ("what came out in 2024?", "2024-01-01", "2024-12-31"),
        ("August and September 2024 papers about video", "2024-08-01", "2024-09-30"),
        ("Nov-Dec 2024 papers on agents", "2024-11-01", "2024-12-31"),
        # one year written for both ends (b110: "late April to early May 2024" had been read
        # from May 2024 to April 2025); "/" and "into" join the parts too, and a part's year
        # may be two digits (b135: "late march / early april 2024" had read late March 2025,
        # "late april 24 into early may" April 2025)
        ("late April to early May 2024", "2024-04-21", "2024-05-10"),
        ("late march / early april 2024, which papers", "2024-03-21", "2024-04-10"),
        ("around the end of feb / start of march 2024", "2024-02-21", "2024-03-10"),
        ("alignment papers, late april 24 into early may", "2024-04-21", "2024-05-10"),
        ("late april '24 papers", "2024-04-21", "2024-04-30"),
        ("April or May 2024 papers", "2024-04-01", "2024-05-31"),
        ("April/May 2024 papers", "2024-04-01", "2024-05-31"),
        ("late Dec to early Jan 2025", "2024-12-21", "2025-01-10"),  # the year before
        ("papers from late Dec to early Jan 2025 about agents", "2024-12-21", "2025-01-10"),
        # about a part of a year (b111: "24년 가을쯤 ... 논문 있었나?" had no dates)
        ("24년 가을쯤 비디오에 맞는 음악 만드는 논문", "2024-09-01", "2024-11-30"),
        ("24년 말쯤 나온 이미지 워터마킹 논문들", "2024-10-01", "2024-12-31"),
        ("what's new today?", NEWEST, NEWEST),
        ("오늘 다이제스트 보여줘", NEWEST, NEWEST),
        ("What's in the latest digest?", NEWEST, NEWEST),
        ("최신 논문", NEWEST, NEWEST),
        ("papers this week", "2025-06-24", NEWEST),
        ("papers from last week", "2025-06-17", "2025-06-23"),
        ("이번 주 논문", "2025-06-24", NEWEST),
        # the past seven days (was: "최근" alone, the month, and 일주일간 a topic word)
        ("최근 일주일간 나온 에이전트 논문 몇 개야?", "2025-06-24", NEWEST),
        ("지난 7일 동안 나온 논문", "2025-06-24", NEWEST),
        ("agent papers from the past week", "2025-06-24", NEWEST),
        ("papers this month", "2025-06-01", NEWEST),
        ("recent work on web agents", "2025-06-01", NEWEST),
        ("최근 강화학습 논문 알려줘", "2025-06-01", NEWEST),
        ("2024년 논문 보여줘", "2024-01-01", "2024-12-31"),
        ("papers from 2024 and 2025", "2024-01-01", "2025-12-31"),
        ("2024년과 2025년 논문", "2024-01-01", "2025-12-31"),
        ("In 2024, which papers beat GPT-4o?", "2024-01-01", "2024-12-31"),
        ("which papers between 1 and 18 June 2025?", "2025-06-01", "2025-06-18"),
        ("between June 1 and June 18, 2025", "2025-06-01", "2025-06-18"),
        ("from 3 to 9 May about agents", "2025-05-03", "2025-05-09"),
        ("papers from February 2025 to April 2025 on agents", "2025-02-01", "2025-04-30"),
        ("Which papers from Oct–Nov 2024 are about quantizing LLMs?", "2024-10-01", "2024-11-30"),
        # one date that opens a range runs to the newest digest
        ("agent papers per month since January 2025", "2025-01-01", NEWEST),
        ("papers after March 2025", "2025-04-01", NEWEST),
        ("which of those are from 2025-01-15 or later?", "2025-01-15", NEWEST),
        # one date that closes a range starts it at the oldest digest (was: "before March
        # 2025" read as March 2025, "up to 2024-12-31" as that day)
        ("papers before March 2025", None, "2025-02-28"),
        ("papers up to 2024-12-31", None, "2024-12-31"),
        ("until June 2024, how many agent papers?", None, "2024-06-30"),
        ("2025년 2월 이전 논문", None, "2025-01-31"),
        ("2025년 2월까지 나온 논문 몇 편?", None, "2025-02-28"),
        ("from October 2024 on, how many agent papers?", "2024-10-01", NEWEST),
        # "on" before a topic is the topic's (was: read as "from February 2025 onwards")
        ("papers from February 2025 on speech synthesis", "2025-02-01", "2025-02-28"),
        ("papers from February 2025 onwards on speech synthesis", "2025-02-01", NEWEST),
        ("which papers from Feb 2025 on are about agents?", "2025-02-01", NEWEST),
        ("papers from March 2025 on there were many about RAG", "2025-03-01", NEWEST),
        ("2025년 2월 이후 LoRA 논문 월별 추이", "2025-02-01", NEWEST),
        ("2025년 1월부터 월별 강화학습 논문", "2025-01-01", NEWEST),
        # day ranges: the second end borrows the first's month and year, or names its own
        ("2024년 4월 29일부터 30일까지 논문", "2024-04-29", "2024-04-30"),
        ("2024년 12월 2일~6일 사이 논문 개수", "2024-12-02", "2024-12-06"),
        # month ranges and a year's list of months (was: "8월~9월" read as the whole year,
        # "2025년 8월, 9월" as 2024-09 to 2025-08)
        ("2025년 8월, 9월 에이전트 논문", "2025-08-01", "2025-09-30"),
        ("2025년 8월~9월 에이전트 논문", "2025-08-01", "2025-09-30"),
        ("2024년 10~11월 논문", "2024-10-01", "2024-11-30"),
        ("2024년 12월~2025년 1월 논문", "2024-12-01", "2025-01-31"),
        ("10월부터 11월까지 논문", "2024-10-01", "2024-11-30"),
        ("1월 30일부터 2월 2일까지 나온 논문", "2025-01-30", "2025-02-02"),
        ("papers from July 15-19, 2024", "2024-07-15", "2024-07-19"),
        ("15–19 July 2024 papers on agents", "2024-07-15", "2024-07-19"),
        # a day range in words, and its year written once at the end (was: "April 17 to 19"
        # ran to June 19, "Feb 3 to 5" was Feb 3 alone, "April 17 to April 19, 2024" began
        # in 2024 and ended in 2025, "jan 10 and 12" was 2012, the bracketed year unread)
        ("papers from April 17 to 19 (2024)?", "2024-04-17", "2024-04-19"),
        ("papers from April 17 through 19, 2024", "2024-04-17", "2024-04-19"),
        ("Feb 3 to 5 agent papers", "2025-02-03", "2025-02-05"),
        ("April 17 to April 19, 2024", "2024-04-17", "2024-04-19"),
        ("Dec 30 to Jan 3, 2025", "2024-12-30", "2025-01-03"),
        ("jan 10 and 12 papers", "2025-01-10", "2025-01-12"),
        ("4월 17일부터 19일(2024년)까지 올라온 논문들", "2024-04-17", "2024-04-19"),
        ("list everything from the digests between Jan 10 and 12 2025", "2025-01-10", "2025-01-12"),
        # a date's weekday before it (was: "Sunday, March 9, 2025" ran to the newest digest)
        ("show me the digest for Sunday, March 9, 2025", "2025-03-09", "2025-03-09"),
        ("papers on Friday, Mar. 7", "2025-03-07", "2025-03-07"),
        ("Friday May 9th's papers", "2025-05-09", "2025-05-09"),
        ("Thursday, Dec. 12 2024", "2024-12-12", "2024-12-12"),
        ("papers from March 3 to 2 months later", "2025-03-03", "2025-03-03"),  # no range
        # numeric and abbreviated forms
        ("2024.06 최고 득표 논문", "2024-06-01", "2024-06-30"),
        ("papers of 2025/2 on agents", "2025-02-01", "2025-02-28"),
        ("24년 10월 환각 논문", "2024-10-01", "2024-10-31"),
        ("Gaussian splatting papers, December '24", "2024-12-01", "2024-12-31"),
        ("September 2024's most voted paper?", "2024-09-01", "2024-09-30"),
        ("2025년 1월 8일자 논문들", "2025-01-08", "2025-01-08"),
        ("2024.03.05 다이제스트", "2024-03-05", "2024-03-05"),
        # a whole numeric date with a Korean particle glued on
        ("2024.01.11에 뭐 올라왔어?", "2024-01-11", "2024-01-11"),
        ("2024-10-23의 논문 목록", "2024-10-23", "2024-10-23"),
        ("2025/3/12에 나온 논문", "2025-03-12", "2025-03-12"),
        # a two-digit year in a dotted date, as Korean writes one
        ("24.04.19 논문들 정리해줘", "2024-04-19", "2024-04-19"),
        ("what was on 25.02.18?", "2025-02-18", "2025-02-18"),
        # quarters and halves of a year, the week of a day, a day's possessive
        ("Q3 2024 papers", "2024-07-01", "2024-09-30"),
        ("in the second quarter of 2025", "2025-04-01", "2025-06-30"),
        ("first half of 2024", "2024-01-01", "2024-06-30"),
        ("2024년 3분기 논문", "2024-07-01", "2024-09-30"),
        ("24년 하반기 인기 논문", "2024-07-01", "2024-12-31"),
        # (b120: a four-digit year needs no 년; "2024 하반기" had been all of 2024)
        ("2024 하반기 Mamba 논문 몇 편이야?", "2024-07-01", "2024-12-31"),
        ("2025 1분기 논문 몇 편", "2025-01-01", "2025-03-31"),
        ("what came out the week of June 10, 2024?", "2024-06-10", "2024-06-16"),
        # months before a comma and more words (was: 2024 whole; dateparser stops at ", which")
        (
            "In October–November 2024, which papers gave web agents a world model?",
            "2024-10-01",
            "2024-11-30",
        ),
        # a year alone starting a range whose end is a month (was: no start, '… – 2024-03-31')
        ("2024년부터 2025년 3월까지 KAN 관련 논문", "2024-01-01", "2025-03-31"),
        # a weekday within that week is its day (was: the whole week)
        ("the Monday digest from the week of June 10, 2024", "2024-06-10", "2024-06-10"),
        # "one" is a pointer, no day (was: 2024-05-01, "20" read as the year 2020)
        ("ok and the one from may 20, 2024?", "2024-05-20", "2024-05-20"),
        ("papers from one week ago", "2025-06-17", "2025-06-23"),
        ("Friday of the week of 2024-06-10", "2024-06-14", "2024-06-14"),
        ("the week of 2024-06-10", "2024-06-10", "2024-06-16"),
        ("June 12th's papers?", "2025-06-12", "2025-06-12"),
        ("papers from Oct. 23rd, 2024", "2024-10-23", "2024-10-23"),
        ("2025-02-20~2025-02-26 논문", "2025-02-20", "2025-02-26"),
        ("2025-02-20 – 2025-02-26 papers", "2025-02-20", "2025-02-26"),
        # dotted, the second end borrowing the first's year and month (b97: "2024.6.10 ~ 7.5
        # 사이에" was 2024-06-10 alone)
        ("2024.6.10 ~ 7.5 사이에 올라온 model merging 논문들", "2024-06-10", "2024-07-05"),
        ("2024.06.10~06.20 논문", "2024-06-10", "2024-06-20"),
        ("2024.6.10~20 논문", "2024-06-10", "2024-06-20"),
        ("2024.12.30~1.3 논문", "2024-12-30", "2025-01-03"),
        # a relative year gives its year to the month or day written without one
        ("작년 3월 논문", "2024-03-01", "2024-03-31"),
        ("지난해 12월 25일 다이제스트", "2024-12-25", "2024-12-25"),
        ("papers from December 31 last year", "2024-12-31", "2024-12-31"),
        ("올해 2월 에이전트 논문", "2025-02-01", "2025-02-28"),
        # relative months with a particle, a possessive or another spelling
        ("지난달엔 논문이 몇 편?", "2025-05-01", "2025-05-31"),
        ("저번 달 논문 보여줘", "2025-05-01", "2025-05-31"),
        ("지지난달 논문", "2025-04-01", "2025-04-30"),
        ("how many papers were in last month's digests?", "2025-05-01", "2025-05-31"),
        ("papers from the previous month", "2025-05-01", "2025-05-31"),
        # the n-th week of a month: days 7n-6 to 7n, the last its last seven days
        ("the third week of March papers", "2025-03-15", "2025-03-21"),
        ("2월 셋째 주에 가장 인기 있던 논문은?", "2025-02-15", "2025-02-21"),
        ("작년 12월 첫째 주 논문", "2024-12-01", "2024-12-07"),
        ("the last week of April 2025", "2025-04-24", "2025-04-30"),
        # dateparser reads "from the last week" (a week ago): the ordinal's words all the same
        ("papers from the last week of March 2025", "2025-03-25", "2025-03-31"),
        ("지난달 두 번째 주 논문 목록", "2025-05-08", "2025-05-14"),
        ("music papers from last September", "2024-09-01", "2024-09-30"),
        ("last December's most voted paper", "2024-12-01", "2024-12-31"),
        # parts of a year (slot year_part): seasons, early / mid / late, 초 / 말
        ("# of papers over the summer of 2024?", "2024-06-01", "2024-08-31"),
        ("how many hallucination papers in early 2025", "2025-01-01", "2025-04-30"),
        ("mid-2024 agent papers", "2024-05-01", "2024-08-31"),
        ("end of 2024 video papers", "2024-10-01", "2024-12-31"),
        ("winter 2024 papers", "2024-12-01", "2025-02-28"),
        ("2024년 여름 음악 논문", "2024-06-01", "2024-08-31"),
        ("2024년 말에 나온 에이전트 논문", "2024-10-01", "2024-12-31"),
        ("2025년 초 환각 논문 몇 개?", "2025-01-01", "2025-03-31"),
        ("hallucination papers q1 2025", "2025-01-01", "2025-03-31"),
        # the archive's own last week and day: the newest digest's
        ("how many papers came out in the last week of the archive", "2025-06-24", "2025-06-30"),
        ("papers on the last day of the archive?", "2025-06-30", "2025-06-30"),
        # parts of a month (slot month_part): halves, early / mid / late, 초 / 중순 / 말
        ("gaussian splatting papers from the second half of jan 2025", "2025-01-16", "2025-01-31"),
        ("late March 2024 agent papers", "2024-03-21", "2024-03-31"),
        ("papers from the end of February 2024", "2024-02-21", "2024-02-29"),
        ("early jan papers", "2025-01-01", "2025-01-10"),
        ("2025년 1월 하순 논문", "2025-01-21", "2025-01-31"),
        ("24년 10월 중하순에 MoE 관련 논문 뭐 나왔어?", "2024-10-11", "2024-10-31"),  # (b121)
        ("2025년 2월 마지막 주에 올라온 논문 몇 개야?", "2025-02-22", "2025-02-28"),  # (b124)
        ("first week of march 2024", "2024-03-01", "2024-03-07"),
        # (b128: after "in", dateparser read "in the second" as a time and the year alone)
        ("most upvoted paper in the second week of December 2024?", "2024-12-08", "2024-12-14"),
        # two Korean months joined by "~" or "에서 ... 사이", the first with a part of it
        # (b129: "5월 중순~6월 초" had been from May 1; "4월 말~5월" April alone; "24년 3월
        # 중순에서 4월 중순 사이" the newest April's middle)
        ("2025년 5월 중순~6월 초 차트 관련 논문 정리 부탁", "2025-05-11", "2025-06-10"),
        ("2025년 4월 말~5월에 formal math 논문", "2025-04-21", "2025-05-31"),
        ("24년 3월 중순에서 4월 중순 사이 depth 논문", "2024-03-11", "2024-04-20"),
        # a two-digit year alone (b128: "25년에 GRPO ..." had no date), not a duration
        ("25년에 GRPO 쓴 논문 제일 많았던 달이 언제야?", "2025-01-01", "2025-12-31"),
        ("24년 GRPO 논문", "2024-01-01", "2024-12-31"),
        ("24년 봄 논문", "2024-03-01", "2024-05-31"),
        ("24년도에 가장 추천 많이 받은 논문은?", "2024-01-01", "2024-12-31"),  # (review)
        # (review: a digit in the topic before the week; had been all of 2024)
        ("papers about 3D in the fourth week of October 2024", "2024-10-22", "2024-10-28"),
        # with a two-digit year (b96: "23년 12월 말에 ... 4D 생성하는 논문" was December 2024's
        # end, "23년" rewritten alone)
        ("23년 12월 말에 가우시안 스플래팅으로 4D 생성하는 논문", "2023-12-21", "2023-12-31"),
        ("24년 3월 초 논문", "2024-03-01", "2024-03-10"),
        # (review: a range's first end keeps the year for both, as before)
        ("24년 1월 초~2월 말 에이전트 논문 몇 개야?", "2024-01-01", "2024-02-29"),
        ("24년 5월 초~6월 말 논문", "2024-05-01", "2024-06-30"),
        # (and a four-digit year: was 2024-01-01 to 2025-02-28, the newest February's end;
        # then 2024-02-28, a leap year's February cut to the newest one's length)
        ("2024년 1월 초~2월 말 논문", "2024-01-01", "2024-02-29"),
        # (b93: "in the last ten days of November 2023" had been read as 2023-11 to the
        # newest digest, "ten days" a duration)
        ("text-to-video papers in the last ten days of November 2023", "2023-11-21", "2023-11-30"),
        ("papers in the first 10 days of March 2025", "2025-03-01", "2025-03-10"),
        ("2024년 11월 마지막 열흘 동안 나온 논문", "2024-11-21", "2024-11-30"),
        # weeks of a month (b99: "the first three weeks of Jan 2025" was all January); the
        # last ones counted from its end
        ("GUI agent papers from the first three weeks of Jan 2025", "2025-01-01", "2025-01-21"),
        ("the first two weeks of March 2025", "2025-03-01", "2025-03-14"),
        ("the last two weeks of Feb 2025", "2025-02-15", "2025-02-28"),
        ("2025년 2월 첫 2주 동안 나온 논문", "2025-02-01", "2025-02-14"),
        ("last week of Feb 2025", "2025-02-22", "2025-02-28"),
        # a dotted year and month with a particle (b99: "2024.01에" was all of 2024)
        ("2024.01에 vision backbone으로 Mamba 쓴 논문들", "2024-01-01", "2024-01-31"),
        ("2024.10에 나온 논문", "2024-10-01", "2024-10-31"),
        ("2024.01부터 2024.03까지", "2024-01-01", "2024-03-31"),
        ("2024.1월 논문", "2024-01-01", "2024-01-31"),
        # a dotted year's months (b102: "2024.11~12" was 2024-11-12), a two-digit year's
        # one-digit month or day (b101: "24.4.17" was no date), "2nd half" (b101)
        ("2024.11~12 사이에 speculative decoding 관련 논문 있었나?", "2024-11-01", "2024-12-31"),
        ("2024.3-5월 논문", "2024-03-01", "2024-05-31"),
        ("24.4.17 데일리 페이퍼에 어떤 논문들 올라왔는지 알려줘", "2024-04-17", "2024-04-17"),
        ("24/10/07 데일리 페이퍼 요약 ㄱㄱ", "2024-10-07", "2024-10-07"),  # (b105)
        ("24/1/9 digest", "2024-01-09", "2024-01-09"),  # (slashed: one-digit day too)
        ("Papers on web agents from the 2nd half of Oct 2024?", "2024-10-16", "2024-10-31"),
        ("2024년 12월 말 에이전트 논문", "2024-12-21", "2024-12-31"),
        ("1월 초에 나온 논문", "2025-01-01", "2025-01-10"),
        # the particle 엔 (에는)
        ("작년 11월엔?", "2024-11-01", "2024-11-30"),
        ("2024년 11월엔?", "2024-11-01", "2024-11-30"),
        # Korean weekdays, with a particle (the newest digest, 2025-06-30, is a Monday)
        ("지난 금요일에 올라온 논문 중에 에이전트 관련된 거 뭐 있어?", "2025-06-27", "2025-06-27"),
        ("지난주 금요일 논문", "2025-06-27", "2025-06-27"),
        ("이번 주 수요일 다이제스트", "2025-06-25", "2025-06-25"),
        ("일요일에 뭐 나왔어?", "2025-06-29", "2025-06-29"),
        # so many days back from the newest digest (was: the one day 3 days before it)
        ("agent papers from the last 3 days", "2025-06-28", "2025-06-30"),
        ("papers from the past two weeks", "2025-06-17", "2025-06-30"),
        ("지난 2주 동안 나온 에이전트 논문", "2025-06-17", "2025-06-30"),
        ("a week ago", "2025-06-17", "2025-06-23"),
        # "wk", as people type it (b78: "how many papers came out last wk?" was refused)
        ("how many papers came out last wk?", "2025-06-17", "2025-06-23"),
        ("this wk's agent papers", "2025-06-24", "2025-06-30"),
        # the last digest, with no dates of its own, is the newest (b78: "한국어 다이제스트
        # 마지막 날 투표 1위 논문 뭐였지?" ranked the papers on '마지막' in the whole archive)
        ("한국어 다이제스트 마지막 날 투표 1위 논문 뭐였지?", "2025-06-30", "2025-06-30"),
        ("when was the last English digest?", "2025-06-30", "2025-06-30"),
        ("what was in the last digest?", "2025-06-30", "2025-06-30"),
        # a month with a preposition after it is still a month (was: its last day alone,
        # dateparser's words being "in April 2025 in")
        (
            "how many papers did the archive pick up in April 2025 in total?",
            "2025-04-01",
            "2025-04-30",
        ),
        ("what came out in March 2025 in the vision area?", "2025-03-01", "2025-03-31"),
        # an article before a month is no day (b96: "There was a Nov 2023 BERT variant ..."
        # had been read as 2023-11-01, "a" as the 1st; "There are no digests for 2023-11-01")
        (
            "There was a Nov 2023 BERT variant that uses 0.3% of its neurons",
            "2023-11-01",
            "2023-11-30",
        ),
        ("in a May 2024 paper on arithmetic", "2024-05-01", "2024-05-31"),
        # (review: before a year, or after a date: January 2024, March 1st)
        ("a 2024 paper about LoRA", "2024-01-01", "2024-12-31"),
        ("In March 2025 a paper showed that LoRA forgets less", "2025-03-01", "2025-03-31"),
        # a part of a month, a quarter or a year as one end of a range is that end's day
        # (was: the first end's part alone, "mid-October" for the whole question)
        (
            "protein language model papers from mid-October through the end of November 2024?",
            "2024-10-11",
            "2024-11-30",
        ),
        ("between early October and late November 2024", "2024-10-01", "2024-11-30"),
        ("papers mid-October through late November 2024", "2024-10-11", "2024-11-30"),
        ("from October 5 to the end of November 2024", "2024-10-05", "2024-11-30"),
        ("from Q3 2024 through Q1 2025", "2024-07-01", "2025-03-31"),
        ("2024년 10월 중순부터 11월 말까지 논문", "2024-10-11", "2024-11-30"),
        ("2024년 하반기부터 2025년 초까지 논문", "2024-07-01", "2025-03-31"),
        ("2024년 하반기부터 나온 논문", "2024-07-01", NEWEST),  # 부터 alone: from its start
        # the second end a month of the first's year (were: 2024-11-21 alone, and
        # 2024-11-01 to 2024-12-21: "21일 ... 12월" read as one day; b70)
        ("2024년 11월 말부터 12월까지, 시각 토큰 가지치기 논문", "2024-11-21", "2024-12-31"),
        ("2024년 11월 21일부터 12월까지 논문", "2024-11-21", "2024-12-31"),
        ("2024년 12월 말부터 1월까지 논문", "2024-12-21", "2025-01-31"),  # the next year's
        # a day range whose first day has no 일 (was: the whole month)
        ("2025년 5월 20~25일 사이에 나온 dLLM 논문", "2025-05-20", "2025-05-25"),
        ("papers from late 2024 and their votes", "2024-09-01", "2024-12-31"),  # no range
        # a day written as approximate is the days about it (was: that day alone, and
        # "around" a topic word no paper of it is about)
        ("most popular papers around Christmas 2024", "2024-12-22", "2024-12-28"),
        ("papers near 2024-12-25", "2024-12-22", "2024-12-28"),
        ("2024년 크리스마스 즈음에 나온 논문 중 인기 많은 거", "2024-12-22", "2024-12-28"),
        ("12월 25일 무렵 논문", "2024-12-22", "2024-12-28"),
        ("what came out around March 2025?", "2025-03-01", "2025-03-31"),  # a month stays
        ("papers on Dec 25 2024", "2024-12-25", "2024-12-25"),
        # the weeks around the newest digest's day a year before (was: "작년 이맘때" refused,
        # no date read)
        ("작년 이맘때 나온 비전 언어 모델 논문 보여줘", "2024-06-15", "2024-07-15"),
        ("what was out on video generation this time last year?", "2024-06-15", "2024-07-15"),
    ],
)
def test_dates_read_as_ranges_relative_to_the_newest_digest(question, since, until):
    found = find_dates(question, NEWEST)
    assert (found.since, found.until) == (since, until)


@pytest.mark.parametrize(
    ("question", "recent"),
    [
        # b149: "요즘 video LMM을 거의 처음부터 설계하고 있는데 ..." had listed the last
        # month's papers: what the asker has been doing lately dates no papers
        (
            "요즘 video LMM을 거의 처음부터 설계하고 있는데 작은 모델 실험이 통하는 연구 있어?",
            False,
        ),
        ("lately I have been fine-tuning llama on my data, any paper on data selection?", False),
        ("요즘 LLM 공부하고 있는데 최근 나온 논문 추천해줘", True),  # (and asks the recent)
        ("요즘 나온 강화학습 논문 알려줘", True),
        ("these days we are building RAG apps; what recent papers cover reranking?", True),
        # (the review: what others are doing lately is the recent work asked for)
        ("요즘 Mamba가 다시 뜨고 있는데 관련 논문 뭐 있어?", True),
        ("요즘 diffusion LLM 논문이 많이 나오고 있는데 어떤 게 있어?", True),
        ("요즘 논문 많이 나오고 있는데 뭐 읽어야 돼?", True),
        # (an object often goes without its particle: the asker's own doing still)
        ("요즘 RAG 시스템 만들고 있는데 latency가 문제예요. 컨텍스트 압축하는 논문 있어?", False),
    ],
)
def test_what_the_asker_does_lately_is_no_recent_date(question, recent):
    assert (find_dates(question, NEWEST).relative == "recent") is recent


@pytest.mark.parametrize(
    "question", ["20년간 연구된 주제", "지난 20년 동안의 변화", "25년 전에 나온 개념"]
)
def test_a_duration_in_years_is_no_year(question):
    assert find_dates(question, NEWEST).since is None


@pytest.mark.parametrize(
    "question, day",
    [
        # b152: a weekday written as a word of a name ("There are no digests for 2025-06-29")
        ("o1 on the NPR Sunday Puzzle benchmark vs R1 on RoR-Bench?", None),
        ("what came out on Friday?", "found"),
        # (the review: a capitalised word after it, but no name's word before it)
        ("Summarize the Friday Digest", "found"),
        ("Monday Papers about agents?", "found"),
        ("papers from Monday March 3 2025", "2025-03-03"),
    ],
)
def test_a_weekday_in_a_name_is_no_date(question, day):
    found = find_dates(question, NEWEST)
    assert (found.since if day != "found" else bool(found.since) and "found") == day


@pytest.mark.parametrize(
    "question",
    [
        "what came out around March 2025?",
        "2024년 크리스마스 즈음에 나온 논문",
        "papers near 2024-12-25",
    ],
)
def test_the_words_of_an_approximate_date_are_no_topic(question):
    found = find_dates(question, NEWEST)
    rest = strip_dates(question, found)
    assert not re.search(r"around|즈음|near", rest), rest


@pytest.mark.parametrize(
    "question, since, until, asks",
    [
        (
            "how many Korean digests are in the archive, and which is the newest?",
            None,
            None,
            "newest",
        ),
        ("한국어 다이제스트는 몇 개 있고 가장 최근 건 언제야?", None, None, "newest"),
        ("how many English digests? which is the oldest?", None, None, "oldest"),
        ("영어 다이제스트 몇 개야? 첫 날은 언제?", None, None, "oldest"),
        # (review: "제일/젤 오래된 건" had read as the newest; a verb may come between)
        ("GRPO 논문 몇 편이고 제일 오래된 건 뭐야?", None, None, "oldest"),
        ("GRPO 논문 몇 편이고 젤 처음 나온 건 언제야?", None, None, "oldest"),
        # the rest's own dates stay; the clause picks within them
        (
            "how many papers in 2024 and which was the first one?",
            "2024-01-01",
            "2024-12-31",
            "oldest",
        ),
        # a "latest" that names what it narrows to, or stands alone, is the newest digest
        ("which is the newest Korean digest?", NEWEST, NEWEST, None),
        ("What's the latest?", NEWEST, NEWEST, None),
        ("Show me papers on RL, the latest.", NEWEST, NEWEST, None),
    ],
)
def test_a_clause_asking_which_is_the_newest_narrows_nothing(question, since, until, asks):
    """Was: "how many Korean digests are in the archive, and which is the newest?" counted
    the one Korean digest of the newest Korean day ("1 Korean digest ... 2025-02-28"): the
    second clause's "newest" narrowed the count to the newest digest."""
    found = find_dates(question, NEWEST)
    assert (found.since, found.until, found.asks) == (since, until, asks)
    assert without_newest_clause(question) != question or asks is None


OLDEST = "2023-05-02"


@pytest.mark.parametrize(
    "question, since",
    [
        ("what's the earliest digest in the archive and how many papers does it have?", OLDEST),
        ("show me the oldest digest", OLDEST),
        ("papers on the first day of the archive", OLDEST),
        ("가장 오래된 다이제스트에는 논문이 몇 편이야?", OLDEST),
        (
            "아카이브에서 제일 오래된 다이제스트 날짜가 언제야?",
            OLDEST,
        ),  # (b110: 제일, not only 가장)
        ("첫 다이제스트 보여줘", OLDEST),
        ("the first digest of 2024-08-14", "2024-08-14"),  # a named date wins
        ("the earliest work on speculative decoding", None),  # papers, not a digest's day
        ("the first Korean digest", OLDEST),  # (its language's oldest: the router's)
        ("첫 영어 다이제스트에 뭐 있었어?", OLDEST),
        # (review: "after the first one" names no day: "첫 영어 다이제스트 이후 SAMURAI
        # 나왔어?" had been asked of that day alone, and refused)
        ("첫 영어 다이제스트 이후 SAMURAI 나왔어?", None),
    ],
)
def test_the_earliest_digest_is_the_oldest_day(question, since):
    found = find_dates(question, NEWEST, OLDEST)
    assert found.since == since and found.until == since
    if since == OLDEST:
        assert not find_dates(question, NEWEST)  # the oldest day only when known


@pytest.mark.parametrize(
    "question, day",
    [
        ("what papers were in the digest on the last Friday of Jan 2025?", "2025-01-31"),
        ("the first Monday of March 2025", "2025-03-03"),
        ("the 2nd tuesday in april 2025", "2025-04-08"),
        ("2025년 1월 마지막 금요일 다이제스트", "2025-01-31"),
        ("2025년 3월 첫째 월요일 논문", "2025-03-03"),
    ],
)
def test_the_nth_weekday_of_a_month_is_that_day(question, day):
    """Was: "the last Friday of Jan 2025" read as all of 2025, "2025년 1월 마지막 금요일" as
    the newest digest's Friday."""
    found = find_dates(question, NEWEST, OLDEST)
    assert (found.since, found.until) == (day, day)
    assert not re.search(
        r"\b(of|in) (jan|march|april)|friday|monday|tuesday|금요일|월요일|\d",
        strip_dates(question, found),
        re.I,
    )


DIGESTS = ["2024-12-27", "2024-12-30", "2025-03-03", "2025-03-04", "2025-03-31"]


@pytest.mark.parametrize(
    "question, day",
    [
        ("Show me the first digest of March 2025", "2025-03-03"),
        ("2025년 3월 첫 다이제스트 보여줘", "2025-03-03"),
        ("what was in the last digest of 2024?", "2024-12-30"),
        ("2024년 마지막 다이제스트에 뭐 있었어?", "2024-12-30"),
        ("the final digest of March 2025", "2025-03-31"),
        ("papers from March 2025", None),  # no digest picked: the month
        ("the first digest of June 2025", None),  # no digest in it: the month, as asked
    ],
)
def test_the_first_or_last_digest_of_a_range_is_that_digests_day(question, day):
    """Was: "the first digest of March 2025" listed the month and read "first" as a topic."""
    info = analyse(question, None, NEWEST, OLDEST, DIGESTS)
    if day is None:
        assert info.filters.since != info.filters.until
    else:
        assert (info.filters.since, info.filters.until) == (day, day)


@pytest.mark.parametrize(
    "question",
    [
        "What did SWE-RL score on SWE-bench Verified?",
        "summarize Qwen2.5-VL",
        "what is 2502.18137 about?",  # an arXiv id is no year
        "how does a 1.58-bit model compare?",
        "Is there a paper by Jianfei Chen and Jun Zhu?",  # "Jun" is a name here
        "May I ask about mixture of experts?",
        "DeepSeek-R1 vs GPT-4o",
        "What was DeepSeek-R1's pass@1 on AIME 2024?",  # a benchmark's year
        "rStar-Coder의 USACO 2025 점수는?",
        "DeepSeek-R1 aime 2024 score?",  # a name no dictionary has, lower case
        "neurips 2024 best papers",
        "which NeurIPS 2024 papers are in the digests?",
        "from scratch to production: which papers?",
        "the trade-off between agents and tools",
        "오늘날 언어 모델은 어떻게 추론해?",  # "nowadays", no day
        "the first week of training",  # no month: no week of one
        "다섯째 주 실험 결과",
        "에너지 보정 방법은 2048 해상도에서 FID가 얼마야?",  # a quantity, not a year
        "What FID does it reach at 2048 resolution?",
        "말해줘, 2048 해상도에서 FID는?",  # 말 is a part of a year only after one
        # b158 (blind): a number long before the archive, then what it counts ("There are no
        # digests for 2000-01-01 – 2000-12-31" had answered a reranking question)
        "My plan was to rerank the top ~2000 candidates to squeeze out max recall.",
        "we could rent around 2000 GPUs for a week",
        "1500 annotators labeled it, right?",
        "early exit for faster decoding",  # "early" without a year
        "Ubuntu 22.04.3에서 CUDA 설치",  # a release, not a dotted date
        "version 12.4.1 release notes",  # (a one-digit month only of a 2020s year)
        "Qwen 2.5.1 benchmark",
        # (review: one-digit days had read releases as dates)
        "Does any paper use the NGC container 24.1.2?",
        "Megatron-LM 23.8.1 기반 논문?",
        # how long, not when (dateparser: yesterday, a day to come)
        "RL-tuned on 4 GPUs within a day: what did it cost?",
        "tuned on 4 GPUs within a day and beat o1-preview",  # dateparser's "a day and"
        "any paper that trains a model in under a day on a single GPU?",  # "a day on a"
        "which model trains in 3 days on one node?",
        "fine-tuned over a week on TPUs",
        # b168 (blind): a year a paper projects to, years after the archive, asking for no
        # papers ("There are no digests for 2030-01-01 – 2030-12-31" had answered it)
        "2030년 무제한 채택 시나리오면 에너지 사용이 몇 배 늘어난대?",
        "what energy use do they project by 2030?",
        "what energy use is expected in 2030 under that scenario?",
    ],
)
def test_no_date_where_there_is_none(question):
    assert not find_dates(question, NEWEST)


@pytest.mark.parametrize(
    "question, since",
    [
        # a year all the same: with a word for when, of papers, or close to the archive
        ("papers from 2000", "2000-01-01"),
        ("1999 digests?", "1999-01-01"),
        ("2024 papers on agents", "2024-01-01"),
        ("~2024 video models", "2024-01-01"),
        ("2000년 논문", "2000-01-01"),
        # (a year after the archive's, asking for its papers or digests: none, said so)
        ("2031년 논문", "2031-01-01"),
        ("papers from 2031", "2031-01-01"),
        ("what was in the 2031 digests?", "2031-01-01"),
        ("what's new in 2030", "2030-01-01"),  # (no projection: that year's, none; review)
        ("2029년 LLM 동향", "2029-01-01"),
        ("Will transformers be replaced by some other architecture by 2030?", "2030-01-01"),
    ],
)
def test_a_bare_year_counting_papers_is_a_year(question, since):
    assert find_dates(question, NEWEST).since == since


@pytest.mark.parametrize(
    "question, since, until",
    [
        # b161 (blind): "which days in Feb 2025 had only a single paper" read as all of 2025
        # (dateparser reads "day in" as a day to come); "came through in June 2025" as up
        # to June 2025 ("through" of the verb, not of a range)
        ("which days in Feb 2025 had only a single paper?", "2025-02-01", "2025-02-28"),
        ("busiest day in March 2025", "2025-03-01", "2025-03-31"),
        ("what day in March had the most votes?", "2025-03-01", "2025-03-31"),
        ("how many survey papers came through in June 2025?", "2025-06-01", "2025-06-30"),
        ("papers through June 2025", None, "2025-06-30"),
        ("the last 3 days in the archive", "2025-06-28", "2025-06-30"),
        # (review: a holiday's Day is that day)
        ("New Year's Day in 2025 digest", "2025-01-01", "2025-01-01"),
        ("Valentine's Day in 2024 papers", "2024-02-14", "2024-02-14"),
    ],
)
def test_a_day_asked_of_in_a_month_is_that_month(question, since, until):
    found = find_dates(question, NEWEST)
    assert (found.since, found.until) == (since, until)


@pytest.mark.parametrize(
    "question, words",
    [
        ("2024년 4월 29일부터 30일까지 논문이 몇 편?", "2024년 4월 29일부터 30일까지"),
        ("Gaussian splatting papers, December '24", "December '24"),
        ("2024.06 최고 득표 논문", "2024.06"),
        ("지난달엔 무슨 논문?", "지난달엔"),
        ("저번 달 논문", "저번 달"),
        ("music papers from last September", "from last September"),
        # the next part's "and" is no date word (was: "in December 2024, and")
        ("how many papers in December 2024, and which was most voted?", "in December 2024"),
        ("what came out on 2025-03-14, and what was top?", "on 2025-03-14"),
        ("papers from 24.04.19", "from 24.04.19"),
        # b80: a date's weekday is the date's words (was: a topic, 'Sunday')
        ("show me the digest for Sunday, March 9, 2025", "Sunday, March 9, 2025"),
        ("list everything between Jan 10 and 12 2025", "between Jan 10 and 12 2025"),
    ],
)
def test_rewritten_dates_are_stripped_as_the_question_wrote_them(question, words):
    found = find_dates(question, NEWEST)
    assert found.spans == (words,)
    assert words not in strip_dates(question, found)


def test_relative_year_and_week_words_are_stripped_too():
    for question, words in [
        ("작년 12월 추천 시스템 논문", ("작년", "12월")),
        ("2월 셋째 주에 나온 음악 논문", ("2월", "셋째 주")),
        ("music papers from the third week of March", ("the third week of", "March")),
    ]:
        left = strip_dates(question, find_dates(question, NEWEST))
        assert not any(w in left for w in words), left


def test_strip_dates_removes_only_the_date_words():
    question = "which papers on agents appeared in February 2025?"
    left = strip_dates(question, find_dates(question, NEWEST))
    assert "February" not in left and "agents" in left


def test_every_intent_has_english_and_korean_examples():
    by_intent: dict[str, list[str]] = {}
    for label, vector in zip(matcher().labels, matcher().vectors, strict=True):
        by_intent.setdefault(label, []).append(vector)
    assert set(by_intent) == set(INTENTS)
    assert all(len(v) >= 15 for v in by_intent.values())


@pytest.mark.parametrize(
    "question, intent",
    [
        ("who are the people who wrote <paper>?", "authors"),
        ("<paper> 논문 쓴 사람이 누구지?", "authors"),
        ("is there a repository with the code of <paper>?", "code"),
        ("<paper> 코드 공개되어 있어?", "code"),
        ("was the <paper> model released?", "code"),
        # the gist of a paper (was: "compare", near "차이점이 뭐야?")
        ("A paper - what date did it show up, and in which digests?", "when"),  # was: list
        # (b101: a count by day, and a follow-up's summary)
        ("On which day did the <paper> paper show up in the digests?", "when"),
        ("What date was that in the digest?", "when"),
        ("when did it show up in the digest?", "when"),  # b141 (was: list)
        ("who are the authors and when did it show up in the digest?", "when"),
        ("<date> 최다 추천 논문 뭐였지?", "top_voted"),  # was: search (a topic "최다 추천")
        ("<date> 추천 3위까지 보여줘", "top_voted"),  # was: a list of the papers on "추천"
        ("most voted agent papers <date>", "top_voted"),  # was: search ('voted agent')
        ("<paper> 기술 보고서 요점이 뭐야?", "summary"),
        # a figure of a paper (was: "count", near "몇 편 나왔어?")
        ("A 논문 베트남어 A에서 A 얼마 나왔어?", "search"),  # names and Latin words masked
        # which of two scored higher (was: "count", near "몇 편 나왔어?")
        ("<paper>이랑 <paper>, SWE-bench Verified에서 누가 더 높게 나왔어?", "compare"),
        # which sizes were released is a fact of the paper, not its code
        ("Which model sizes were released in <paper>?", "search"),
        ("how many papers came out <date>?", "count"),
        ("total papers covered <date>?", "count"),  # was: list (a topic "total covered")
        ("<date> 논문이 총 몇 편 나왔어?", "count"),
        # two count phrasings a hair apart: which is nearer changes nothing (was: search)
        ("How many papers were  <date>  digest?", "count"),
        ("How many digests are in the archive, and what is the earliest date?", "count"),
        ("which paper was the most popular <date>?", "top_voted"),
        ("<date> 가장 인기 많았던 논문", "top_voted"),
        ("show me everything in the <date> digest", "list"),
        ("<date> 다이제스트 목록 보여줘", "list"),
        ("find me papers similar to <paper>", "similar"),
        ("<paper>와 비슷한 논문 찾아줘", "similar"),
        ("what's the difference between <paper> and <paper>?", "compare"),
        ("give me a short summary of <paper>", "summary"),
        ("<paper> 요약해줘", "summary"),
        ("what's new?", "recent"),
        ("which methods reduce hallucination in vision language models?", "search"),
        ("환각을 줄이는 방법을 다룬 논문은?", "search"),
        # colloquial phrasings: each intent's examples cover more than its plain words
        ("which paper was the big hit <date>?", "top_voted"),
        ("<date> 제일 화제였던 논문", "top_voted"),
        ("what dropped <date>?", "list"),
        ("<date> 뭐 올라왔어?", "list"),
        ("how many papers landed <date>?", "count"),
        # "many" is a word no topic phrasing uses, however much "papers" sounds like one
        ("how many papers <date>?", "count"),
        ("how many papers were there <date>?", "count"),
        ("<date> 다이제스트 몇 편짜리야?", "count"),
        ("anything comparable to <paper>?", "similar"),
        ("what changed from <paper> to <paper>? one-liner pls", "compare"),  # (was: list)
        ("<paper>랑 결이 비슷한 논문", "similar"),
        ("graph transformers, what's out there?", "search"),
        # remembering a paper is no request for the newest ("나온 거": came out, once)
        ("생물다양성 쪽, 동식물 종 분류용 이미지-텍스트 데이터셋 나온 거 있지 않았나?", "search"),
        ("요즘 새로 나온 에이전트 논문 있어?", "recent"),
        # which paper proposed it is a search for that paper, not its authors
        ("which paper proposed GRPO?", "search"),
        ("who proposed GRPO?", "authors"),
        # what a paper proposes is its summary (was: authors, near "누가 제안했어?")
        ("<paper>은 뭘 제안했어?", "summary"),
        ("what did <paper> propose?", "summary"),
        ("GRPO 누가 제안했어?", "authors"),
        # many recommendations are the votes
        ("2025년 4월에 나온 논문 중에 추천 많은 거 알려줘", "top_voted"),
        ("<date>에 나온 논문 중 인기 많은 거", "top_voted"),  # (was: a topic search)
        # "몇" of a score asks the score, not how many papers (was: count, as "몇 나왔어")
        ("Thinking LLMs 논문(TPO) AlpacaEval 점수 몇 나왔어?", "search"),
        ("HumanEval 점수 몇 나왔는지 알려줘", "search"),
        ("<date>에 몇 개 나왔어?", "count"),
        ("에이전트 논문 몇 편 나왔어?", "count"),
        # a paper's number of something is its figure (was: "토큰 수는?" a count of papers)
        ("LLaMA 3 논문에서 사용한 토큰 수는?", "search"),
        ("Qwen2.5 파라미터 수는?", "search"),
        ("에이전트 논문 수는?", "count"),
        # a theme's papers and a figure of each: a topic search (was: a trend of 'fast',
        # and a count)
        (
            "which fast KV cache compression papers came out <date>, and how much memory do they save?",
            "search",
        ),
        (
            "which KV cache compression papers came out <date>, and how much memory do they save?",
            "search",
        ),
        ("<date>에 나온 양자화 논문들은 메모리를 얼마나 줄였어?", "search"),
        # how many people took part in a study is the paper's figure, not its author list
        # (b65: was answered with the authors), who took part is its authors
        ("누가 참여했어?", "authors"),
        ("Tutor CoPilot 무작위 대조 실험에 튜터가 몇 명 참여했어?", "search"),
        ("Tell me the authors of GaLore", "authors"),
        ("SmolLM2 authors?", "authors"),
        ("How many authors does the Qwen2.5 report have?", "authors"),
        ("How many people wrote the DeepSeek-V3 paper?", "authors"),
        ("DeepSeek-V3 저자 몇 명이야?", "authors"),
        ("is SpargeAttn open-source?", "code"),
        ("did they open-source the weights?", "code"),
        # a share of the weights is a figure ("weights" asks for a checkpoint elsewhere)
        (
            "In the 1.58-bit FLUX paper, what share of the vision transformer weights got "
            "quantized to 1.58 bits?",
            "search",
        ),
        # b161 (blind): how many papers showed up is a count, not when one did
        ("How many papers with A in the title showed up in the Korean digests <date>?", "count"),
        ("which day's digest had the A paper?", "when"),
        ("when did A show up in the digests?", "when"),
        ("what day did A show up?", "when"),
        # b161 (blind): who put a dataset together is its authors (was: a list)
        ("who put together the A image-caption dataset from e-commerce sites?", "authors"),
    ],
)
def test_intents_in_english_and_korean(question, intent):
    assert classify(question).name == intent


@pytest.mark.parametrize(
    "question, intent, has_code",
    [
        # was: "count", near "how many papers have code?"; the summary answered
        ("does SpargeAttn have code?", "code", None),
        ("does it have code?", "code", None),
        ("is there a github link?", "code", None),  # a link is where code is, not a filter
        ("papers on 2025-02-20 that link a github repo", "list", True),
        ("how many papers on 2025-02-20 have code?", "count", True),  # a set with code
        ("which papers have code in February 2025?", "list", True),
        ("who wrote it and does it have code?", "authors", None),  # parts: the router's
    ],
)
def test_code_words_ask_for_a_set_with_code_or_one_papers_code(question, intent, has_code):
    info = analyse(question, None, "2025-06-30")
    assert (info.intent, info.filters.has_code) == (intent, has_code)


@pytest.mark.parametrize(
    "question, intent",
    [
        # a name reads as the examples' "A": its letters do not drown the asking words
        ("HelloBench 코드?", "code"),
        ("SpargeAttn 코드 어딨어?", "code"),
        # "-like" after a name likens it (was: "A papers? same idea ...", a topic search)
        ("NormalCrafter-like papers? same idea of using video diffusion priors", "similar"),
        ("Who wrote SpargeAttn?", "authors"),
        ("SeedVR과 SeedVR2 속도 비교", "compare"),
        # a Korean question's English words are its topic, not an example's
        ("2024년 상반기 speculative decoding 논문 몇 편이야?", "count"),
        # a vocabulary term of several words is a topic, whatever its words ask elsewhere
        ("추천 시스템 논문 있어?", "search"),
        ("작년 9월 코드 생성 LLM 논문 정리해줘", "list"),
        ("2024년 12월 추천 제일 많이 받은 논문?", "top_voted"),
        ("anything like webgames?", "similar"),
        # an acronym is a topic, not a name ("KV" read as a name made this a comparison);
        # its newest papers (was "search", near "papers on [model compression]" by its topic)
        ("latest KV cache compression papers", "recent"),
        ("image compression papers", "search"),  # not "compare"
        ("text summarization papers", "search"),  # not "summary"
        # "X 논문 뭐 있어?" asks for papers on X, not the newest ones (their 30 days)
        ("AI 생성 이미지 워터마킹 논문 뭐 있어?", "search"),
        # 몇 분 is minutes here ("몇 분짜리"), people in "저자 몇 분이야?"
        ("YuE는 몇 분짜리 노래까지 만들 수 있어?", "search"),
        ("YuE 저자 몇 분이야?", "authors"),
        # a report is the paper, not a request for its code (was: "Gemma technical
        # report": code); what is asked of it is read as for the paper
        ("Gemma technical report", "search"),
        ("Phi-4 기술 보고서", "search"),
        ("who wrote the Gemma technical report?", "authors"),
        ("Phi-3 기술 보고서 저자 알려줘", "authors"),
        ("the Qwen2.5-VL tech report github?", "code"),
        # a measure alike is no similar paper asked for (was: "similar")
        ("그 모델은 텍스트 과제 몇 개에서 비슷한 크기 오픈 모델들을 이겼대?", "search"),
        ("papers similar to Gemma", "similar"),
        # a count of a digest's papers (was: a listing, "개수" its topic)
        ("2024-11-14 한국어 다이제스트 논문 개수?", "count"),
        ("2024-11-14 한국어 다이제스트에 실린 논문들", "list"),
        # a word of recency is the asking word, not only a date (was: "<date> ... paper you
        # have" read as a count)
        ("What's the most recent machine unlearning paper you have?", "recent"),
        ("VLA(vision-language-action) 모델 논문 최신 거 몇 개 알려줘", "recent"),
        # English words joined by a hyphen are no name (was: "Top-voted" masked as "A")
        ("Top-voted paper in Jan 2025, and how many votes did it get?", "top_voted"),
        # who is on a paper (was: a topic search); no authors without a word asking who
        ("who's on the InfiniteHiP paper (3M-token context on a single GPU)?", "authors"),
        ("is Sergey Levine on the FAST action tokenization paper? who else?", "authors"),
        ("fast3r pose accuracy on CO3Dv2 (within 15 degrees)?", "search"),
        # a rundown of a paper is its summary (was: a listing, as "a rundown of that day's
        # papers" is)
        ("Can you give me a rundown of the Skywork Open Reasoner 1 technical report?", "summary"),
        # "제일" asks for the newest here, not the most voted (was: top_voted)
        ("최근 음성 합성(TTS) 논문 중에 제일 새로운 거 뭐야?", "recent"),
        # how many votes each got is their votes, not a count of papers (was: count, which
        # listed the day's papers without their votes); a count above some votes stays one
        (
            "Which papers on 2024-12-19 were about optimizers, and how many votes did they get?",
            "top_voted",
        ),
        ("how many papers got more than 50 votes on 2025-02-20?", "count"),
        # "in the archive" asks no count by itself (was: count, "52 papers matching
        # 'best-performing open TTS'"); its most voted is a ranking
        ("What are the best-performing open TTS models in the archive and their WER?", "search"),
        ("what's the best-voted TTS paper in the archive?", "top_voted"),
        ("how many TTS papers are in the archive?", "count"),
        # a topic phrasing near only by the topic both name asks nothing of its own (was:
        # search, near "what research is there on [speculative decoding]")
        ("what was the most voted paper on speculative decoding?", "top_voted"),
        ("who wrote the mixture of experts paper?", "authors"),
        ("papers similar to the graph neural networks one", "similar"),
        ("이미지 생성 논문 저자 누구야?", "authors"),
        # how many wrote it asks its authors (was: search, its gist quoted)
        ("SpargeAttn 몇 명이 썼어?", "authors"),
        ("papers on speculative decoding", "search"),
        # a paper's gist asked in a few words is its summary (was: a search, answered with
        # its aim and method, no result: b75)
        ("MiniMax-01 in a nutshell?", "summary"),
        ("gist of DAPO? what did they actually get", "summary"),
        # b78: a part that asks for no ranking in a word of its own is no ranking (was:
        # top_voted, "based" near "best"), and more ways to ask for a gist or a count
        ("Mamba-based papers from March 2024, list pls", "list"),
        ("FastVLM 뭐 하는 논문이야?", "summary"),
        ("summarise PosterSum for me pls", "summary"),
        ("Kanana 논문 핵심만", "summary"),
        ("2월 5일 다이제스트엔 논문이 몇 개였지?", "count"),
        # b64: near "most popular papers that day" in no word of its own, a question asks
        # for the papers on its topic (was: top_voted, "The 5 papers on 'music-focused' in
        # 2025-06 have no vote counts")
        ("any music-focused papers in June 2025?", "search"),
        ("hottest papers in June 2025?", "top_voted"),
        # b81: another model in the same setting asks its figure there (was: similar,
        # "same" read as "in the same vein"), not papers like the one before
        ("and plain LoRA in that same setting?", "search"),
        ("anything along the same lines as FedSVD?", "similar"),
        ("other work using the same idea as FedSVD?", "similar"),
        # how many of a topic, however near a listing the rest of its words read (review:
        # "현재까지 다이제스트에 나온 RAG 논문 몇 개야?" listed related papers)
        ("다이제스트에 나온 RAG 논문 몇 개야?", "count"),
        ("다이제스트에 나온 RAG 논문 보여줘", "list"),
        # near "그때 나온 논문 중에 인기 많은 거" only in words other intents ask with too
        # ("중에"), a Korean question asks for its topic's papers (was: top_voted, an
        # unasked ranking by votes of September's code papers)
        ("2024년 9월에 나온 논문 중에 코드 생성 벤치마크 관련된 거 뭐 있어?", "search"),
        ("2024년 9월에 나온 논문 중에 제일 잘나간 거 뭐야?", "top_voted"),
        ("2024년 7월에 올라온 논문 중 가장 핫했던 거", "top_voted"),  # (review)
        # "chart" asks for a breakdown by month, or is a topic (ChartMuseum, ChartLens)
        ("show me a chart of papers per month", "trend"),
        ("chart 관련 논문 알려줘", "search"),
    ],
)
def test_questions_read_with_names_and_terms_masked(question, intent):
    assert analyse(question, latest=NEWEST).intent == intent


@pytest.mark.parametrize(
    "question",
    [
        "on how many text tasks did it beat open models of similar size?",
        "how does it do against similarly sized open models?",
        "동급 오픈 모델보다 얼마나 좋아?",
    ],
)
def test_a_measure_alike_asks_for_no_similar_papers(question):
    assert analyse(question, latest=NEWEST).intent != "similar"


@pytest.mark.parametrize(
    "question, asked",
    [
        ("Tencent released an open-source MoE. What did it score?", "What did it score?"),
        ("오픈소스로 공개했잖아. MMLU 점수는?", "MMLU 점수는?"),
        ("What is SpargeAttn? Who wrote it?", "What is SpargeAttn? Who wrote it?"),
        (
            "Which papers, e.g. on RL, improve reasoning?",
            "Which papers, e.g. on RL, improve reasoning?",
        ),
        (
            "Find papers on agents. Just the ones from March.",
            "Find papers on agents. Just the ones from March.",
        ),
        # one's own context after the question (b95: "Any other papers like MangaNinja? I'm
        # looking into reference-based line art colorization." was read as a search)
        (
            "Any other papers like A? I'm looking into reference-based line art colorization.",
            "Any other papers like A?",
        ),
        ("What is A? My team uses it.", "What is A?"),
        ("What is A? I mean the 7B one?", "What is A? I mean the 7B one?"),
        ("What did A score? Also the code.", "What did A score? Also the code."),
    ],
)
def test_the_asked_part_is_the_questions_after_statements(question, asked):
    assert asked_part(question) == asked


@pytest.mark.parametrize(
    "question, papers",
    [
        ("Which works propose custom CUDA kernels for attention?", True),
        ("main works in 3D Gaussian splatting", True),
        ("what works use Markov chain Monte Carlo sampling?", True),
        ("recent works on RAG", True),
        # the verb: how something works, what works best (b95: "explain how k-fold
        # cross-validation works" had passed as a question asking for papers)
        ("Can you explain how k-fold cross-validation works and when I should use it?", False),
        ("what works best for long context?", False),
        ("how it works?", False),
    ],
)
def test_works_asks_for_papers_only_as_a_noun(question, papers):
    from assistant.understand.intents import PAPER_WORD

    assert bool(PAPER_WORD.search(question)) is papers


@pytest.mark.parametrize(
    "question, against, left",
    [
        (
            "LoRA 말고 메모리 덜 쓰는 파인튜닝 방법 있어?",
            ["LoRA"],
            "메모리 덜 쓰는 파인튜닝 방법 있어?",
        ),
        ("other than LoRA, what fine-tuning methods save memory?", ["LoRA"], ", what"),
        ("besides FlashAttention, any attention speedups?", ["FlashAttention"], ", any"),
        # a paper described by what it does instead of something else: its own words
        ("which TTS model uses mel tokens instead of vector quantization?", [], "instead of"),
        ("GPT-4o 대신 쓸 만한 오픈소스 모델 있어?", ["GPT-4o"], "쓸 만한"),
        ("any benchmark other than MMLU for Korean?", ["MMLU"], "for Korean?"),
        ("papers on LoRA merging", [], "papers on LoRA merging"),
    ],
)
def test_what_a_question_sets_its_topic_against_is_no_topic(question, against, left):
    from assistant.understand.query import contrasted, strip_slots

    info = analyse(question, latest=NEWEST)
    assert contrasted(info) == against
    assert left in " ".join(strip_slots(question, info).split())
    assert not any(a in strip_slots(question, info) for a in against)


@pytest.mark.parametrize(
    "question, day",
    [
        # was: 2025-06-14, a Saturday with no digest, although the archive has a June 14
        ("6월 14일에 논문 몇 개 올라왔어?", "2024-06-14"),
        ("what was in the June 14 digest?", "2024-06-14"),
        ("June 13 papers", "2025-06-13"),  # this year's has a digest: this year's
        ("papers from June 14 2025", "2025-06-14"),  # a year written is that year
        # "yesterday" is the digest before (was: refused, "no digest on 2025-06-29")
        ("what came out yesterday?", "2025-06-16"),
        ("what was in yesterday's digest?", "2025-06-16"),
        ("어제 다이제스트 보여줘", "2025-06-16"),
        ("last sunday", "2025-06-29"),  # another relative day stays itself
        ("6월 15일 논문", "2025-06-15"),  # no year has one: as read (the answer says so)
    ],
)
def test_a_day_without_its_year_is_the_newest_such_day_with_a_digest(question, day):
    digests = ["2024-06-13", "2024-06-14", "2025-06-13", "2025-06-16", "2025-06-30"]
    info = analyse(question, latest="2025-06-30", digests=digests)
    assert (info.filters.since, info.filters.until) == (day, day)


def test_analyse_merges_dates_and_intent_and_explicit_filters_win():
    from assistant.types import Filters

    info = analyse("how many papers appeared on 2025-02-20?", latest=NEWEST)
    assert info.intent == "count" and info.filters.since == "2025-02-20"
    info = analyse("papers on 2025-02-20", Filters(since="2025-01-01"), NEWEST)
    assert info.filters.since == "2025-01-01"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("and the second one?", ["b"]),
        ("what about the first paper?", ["a"]),
        ("두 번째 논문은?", ["b"]),
        ("who wrote those?", ["a", "b", "c"]),
        ("그 논문 저자는?", ["a"]),
        ("how fast is it?", ["a"]),
        ("papers about video generation", []),
        ("tldr of #2", ["b"]),  # the answer's own numbering
        ("summarize [3]", ["c"]),
        ("list em", ["a", "b", "c"]),
        ("두 번째는?", ["b"]),  # an ordinal with a particle
        ("거기서 음성 합성 논문 코드 링크 줘", ["a", "b", "c"]),  # "from there"
        ("who wrote the top one?", ["a"]),
        ("2위 논문은 토큰을 얼마나 줄였어?", ["b"]),  # a rank: weak, the answer's if any
        ("두 번째로 많은 거 요약해줘", ["b"]),
        ("what EM score did it get?", ["a"]),  # EM, the metric: "it" is the pointer
    ],
)
def test_references_to_the_previous_answer(question, expected):
    assert previous_refs(question, ["a", "b", "c"]) == expected


@pytest.mark.parametrize(
    "question",
    [
        "how did interest in diffusion transformers evolve month by month?",
        "chart the monthly count of papers on code agents",
        "LoRA papers per month",
        "월별 비디오 생성 논문 추이 알려줘",
        "에이전트 논문이 달마다 몇 편씩 나왔는지 보여줘",
    ],
)
def test_trend_questions_are_read_as_trends(question):
    assert classify(question).name == "trend"


def test_no_other_intents_example_reads_as_a_trend_or_when():
    """Trend and "when" phrasings are matched apart (`base_matcher` reads every other
    question), so adding them moved no other intent's example; each "when" example has
    the cue that lets it be read as one."""
    from assistant.understand.intents import base_matcher

    for label, text in zip(matcher().labels, _texts(), strict=True):
        if label == "when":
            assert classify(text).name == "when", text
        elif label != "trend":
            assert classify(text).name == base_matcher().classify(text).name, text


@pytest.mark.parametrize(
    "question, intent",
    [
        ("when did <paper> show up in the digests?", "when"),
        ("<paper> 언제 나왔어?", "when"),
        ("how many times was <paper> in the digests?", "when"),
        # near its examples, but asking no date: not "when"
        ("on which dataset was <paper> evaluated?", None),
        ("how did <paper> do once test-time scaling was added?", None),
        # "몇 번" of a figure that changed, not of the digests (was: the paper's digest dates)
        ("거기서 평균 시도 횟수는 몇 번에서 몇 번으로 줄었대?", None),
        # "며칠" of a duration, not of a digest's date (b88: "... H100 몇 장으로 며칠
        # 돌렸대?" was answered with its digest date)
        ("Open-Sora 2.0 학습할 때 H100 몇 장으로 며칠 돌렸대?", None),
        ("Open-Sora 2.0 며칠에 올라왔어?", "when"),
        ("what time series papers were in the digests during <date>?", "list"),
    ],
)
def test_when_is_read_only_with_a_word_that_asks_when(question, intent):
    from assistant.understand.query import analyse

    read = analyse(question, None, "2025-06-30").intent if "<" not in question else None
    if intent is None:
        assert classify(question).name != "when" and read != "when"
    else:
        assert classify(question).name == intent


def _texts() -> list[str]:
    import json
    from importlib import resources

    data = resources.files("assistant.understand").joinpath("intents.jsonl").read_text("utf-8")
    return [json.loads(line)["text"] for line in data.splitlines() if line.strip()]


def test_a_split_vote_is_a_topic_search():
    """Among the k nearest examples no intent holds MIN_SHARE of the vote: a topic search,
    which retrieval answers, rather than whichever intent won by a hair."""
    from assistant.understand.intents import IntentMatcher

    matcher = IntentMatcher(
        [
            ("list", "what did the digest include"),
            ("recent", "the latest research"),
            ("recent", "the most recent papers"),
            ("count", "how many papers are there"),
            ("authors", "who wrote the paper"),
            ("search", "papers about attention"),
        ]
    )
    assert matcher.classify("who wrote it").name == "authors"  # one intent is clearly nearest
    # nearest: count, authors, search, list, recent: no intent has 40% of the vote
    split = matcher.classify("who wrote how many papers about the digest")
    assert split.name == "search"
    assert matcher.nearest("who wrote how many papers about the digest")[0][1] == "count"


@pytest.mark.parametrize(
    "question, cues",
    [
        ("GitHub 코드가 있는 멀티모달 환각 논문 찾아줘", ("GitHub 코드가 있는",)),
        ("papers with a public repo about sparse attention", ("with a public repo",)),
        ("any GitHub-backed papers on long context?", ("GitHub-backed",)),
        ("2025년 2월 롱컨텍스트 논문 중에 깃허브 공개된 거", ("깃허브 공개된",)),
        ("which agent papers have code?", ("have code",)),
        ("how many papers on 2024-06-12 had code?", ("had code",)),
        ("agent papers that shipped code", ("shipped code",)),
        ("구현 코드가 딸린 에이전트 논문", ("구현 코드가 딸린",)),
        # alone, a word where code lives is a topic or a paper's own code
        ("GitHub 풀 리퀘스트 데이터로 학습한 모델", ()),
        ("code generation benchmarks", ()),
        ("LoRAM 깃허브 저장소 어디야?", ()),
        ("코드 저장소나 소프트웨어 엔지니어링 작업에 LLM을 활용하는 논문", ()),
        # "with" says code is there only before it (b145-046: "turns chart screenshots into
        # matplotlib code with GPT-4o" had kept ChartIR, which links no repository, out)
        ("a tool that turns chart screenshots into matplotlib code with GPT-4o", ()),
        ("RAG papers that came with code", ("came with code",)),
    ],
)
def test_code_cues_need_code_and_its_availability(question, cues):
    from assistant.understand.query import code_cues

    assert code_cues(question) == cues


def test_a_code_cue_filters_a_question_about_papers_not_one_papers_code():
    from assistant.types import Filters

    found = analyse("GitHub 코드가 있는 멀티모달 환각 논문 찾아줘", None, NEWEST)
    assert found.filters.has_code is True and found.intent == "search"
    assert found.code_words == ("GitHub 코드가 있는",)
    listed = analyse("2025년 2월 논문 중에 깃허브 공개된 거 보여줘", None, NEWEST)
    assert listed.filters.has_code is True and listed.filters.since == "2025-02-01"
    own = analyse("where is the code? is it released with code?", None, NEWEST)
    assert own.intent == "code" and own.filters.has_code is None and own.code_words == ()
    explicit = analyse("papers with code on agents", Filters(has_code=False), NEWEST)
    assert explicit.filters.has_code is False  # explicit filters win


def test_words_every_topic_phrasing_uses_do_not_make_an_intent():
    """ "유사한 논문 찾아줘" is near "멀티모달 환각 논문 찾아줘" by "논문 찾아줘" alone, which
    topic searches say too: without a gram of its own, an intent does not win."""
    from assistant.understand.intents import IntentMatcher

    m = IntentMatcher(
        [
            ("similar", "유사한 논문 찾아줘"),
            ("similar", "비슷한 연구"),
            ("search", "강화학습 관련 논문 찾아줘"),
            ("search", "양자화 논문 알려줘"),
            ("count", "논문이 몇 편이야?"),
        ]
    )
    assert m.nearest("멀티모달 환각 논문 찾아줘")[0][1] == "similar"
    assert m.classify("멀티모달 환각 논문 찾아줘").name == "search"
    assert m.classify("이거랑 유사한 논문 찾아줘").name == "similar"
    assert m.own_share("이거랑 유사한 논문 찾아줘", "similar") > 0.1


def test_words_no_example_uses_make_a_question_less_like_every_example():
    from assistant.understand.intents import IntentMatcher

    m = IntentMatcher([("authors", "who is behind this work"), ("search", "papers on agents")])
    short = m.nearest("who is behind it?")[0][0]
    long = m.nearest("how far behind humans is it on the spatial reasoning benchmark?")[0][0]
    assert long < short / 2


def test_a_question_that_is_an_example_phrasing_reads_as_its_intent():
    from assistant.understand.intents import matcher

    for label, text in zip(matcher().labels, _texts(), strict=True):
        if label not in ("search", "trend"):
            assert matcher().classify(text).name == label, text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # ("make" is a light verb, no topic word)
        ("Which papers make attention faster, and by how much?", "attention faster,"),
        ("What was in the latest digest about video generation?", "video generation?"),
        ("SWE-RL의 SWE-bench Verified 점수는?", "SWE-RL의 SWE-bench Verified 점수는?"),
    ],
)
def test_the_topic_text_drops_asking_and_listing_words_and_keeps_the_rest_as_written(
    question, topic
):
    from assistant.retrieve.hybrid import topic_text

    assert topic_text(question) == topic


@pytest.mark.parametrize(
    "question, words",
    [
        ("how much faster is the first one on gpu vs naive loading?", "the first one"),
        ("and the third one?", "the third one"),
    ],
)
def test_the_nth_one_points_back_whatever_follows(question, words):
    """Was: "the first one on gpu" was read as "the first paper on <topic>", a question of
    its own, and refused; "one" is the previous answer's."""
    from assistant.understand.references import back_pointer

    assert back_pointer(question).words == words
    assert back_pointer("which was the first one to use RL?") is None


def test_every_recency_word_of_a_question_is_a_slot_not_a_topic():
    """Was: "요즘 월드 모델 쪽 최신 논문 뭐 있어?" listed papers on '요즘 월드 모델' (battery
    24): only the first recency word was read as one."""
    from assistant.understand.query import analyse, strip_slots

    info = analyse("요즘 월드 모델 쪽 최신 논문 뭐 있어?", None, "2025-06-30", "2023-11-20")
    assert info.dates.relative == "latest"
    assert "요즘" not in strip_slots("요즘 월드 모델 쪽 최신 논문 뭐 있어?", info)
    info = analyse("latest and most recent papers on agents", None, "2025-06-30", "2023-11-20")
    assert strip_slots("latest and most recent papers on agents", info).split() == [
        "and",
        "papers",
        "on",
        "agents",
    ]


def test_the_papers_a_follow_ups_rewrite_names_are_no_dates():
    """Was: "2024년 1월 것만 몇 개야?" after a DeepSeek listing lost its month: the rewrite
    named "MiniMax-M1" among the previous papers, and the dates read nothing."""
    rewritten = (
        "2024년 1월 것만 (DeepSeek LLM, arXiv 2401.02954; MiniMax-M1, arXiv 2506.13585) 몇 개야?"
    )
    info = analyse(rewritten, None, NEWEST, OLDEST)
    assert (info.filters.since, info.filters.until) == ("2024-01-01", "2024-01-31")


@pytest.mark.parametrize(
    "question, intent",
    [
        # was: "recent" (near "any new work on A?"): listed June 2025's papers, newest first
        ("any paper that uses VQ-VAE latent codebooks for topic modeling?", "search"),
        ("what's new?", "recent"),
        ("새 논문 있어?", "recent"),
        ("anything new lately?", "recent"),
    ],
)
def test_new_work_is_asked_for_with_a_word_that_says_new(question, intent):
    from assistant.understand.query import analyse

    assert analyse(question, None, "2025-06-30", "2023-11-20").intent == intent


def test_every_pointer_is_masked_before_the_intent_is_read():
    """b68: "According to that paper, what did GPT-4o score on MATH in the same
    comparison?" read as "similar" ("the same ..." is near "in the same vein"): only the
    first pointer ("that paper") was masked, and "the same comparison" points back too."""
    from assistant.understand.query import mask

    question = "According to that paper, what did GPT-4o score on MATH in the same comparison?"
    masked = mask(question, find_dates(question, None))
    assert "same" not in masked and "that paper" not in masked
    assert classify(masked).name != "similar"


@pytest.mark.parametrize(
    "question, intent",
    [
        # b70: the figure of a paper described at length ("... for tools and articulated
        # objects") read as a request for its code, which it never asks
        (
            "For A, the unified affordance representation for tools and articulated "
            "objects, how much did it beat B on the C dataset?",
            "search",
        ),
        ("<paper> 코드 어디 있어?", "code"),
        ("where can I get <paper>?", "code"),
        ("is <paper> open source?", "code"),
        ("is <paper> open-source?", "code"),
        # b154, b156 (blind): a kind of model, no code asked ("which open-source model came
        # out on top?" had been answered with the benchmark's missing GitHub link)
        ("how many tasks does it have, and which open-source model came out on top?", "search"),
        ("what F1 did the best open-source model get?", "search"),
        ("제일 좋은 오픈소스 모델은 뭐였어?", "search"),
        # b137 (blind dev): GitHub issues are a task ("What other papers train open LLMs for
        # GitHub issue resolution?" had been answered with SWE-RL's missing GitHub link)
        ("what other papers train LLMs for GitHub issue resolution?", "search"),
        ("깃허브 이슈 해결하는 에이전트 논문 뭐 있어?", "search"),
        ("<paper> github?", "code"),
        ("<paper> 깃허브 있어?", "code"),
        # b153: the last word of a compound is a topic ("the chart-to-code refinement paper"
        # had been answered with its links)
        ("the chart-to-code refinement paper", "search"),
        ("where is the code?", "code"),
        ("is there a re-implementation of <paper>?", "code"),  # (not an "X-to-" compound)
    ],
)
def test_code_is_asked_with_a_word_of_its_own(question, intent):
    from assistant.understand.intents import cued

    assert cued(classify(question).name, question) == intent


def test_a_follow_ups_subject_may_have_a_title_with_a_semicolon():
    """Was: "그 중에 추천 제일 많이 받은 거 뭐야?" after a listing with "The GAN is dead; long
    live the GAN! ..." answered "10편 중 'arXiv arXiv ...' 관련 논문은 없습니다": the
    rewrite's subject was not taken out, and its words were read as a topic."""
    from assistant.understand.references import SUBJECT

    subject = (
        " (Search-o1, arXiv 2501.05366; The GAN is dead; long live the GAN! A Modern GAN"
        " Baseline, arXiv 2501.05441; Multimodal Inconsistency Reasoning (MMIR), arXiv"
        " 2502.16033)"
    )
    assert (
        SUBJECT.sub("", f"그 중에{subject} 추천 제일 많이 받은 거?")
        == "그 중에 추천 제일 많이 받은 거?"
    )


@pytest.mark.parametrize(
    "question, authors",
    [
        ("SpargeAttn 저자는?", True),
        ("SpargeAttn 저자 누구야?", True),
        # 저자원 (low-resource) is no author (b88: "바스크어 같은 저자원 언어로 Whisper
        # 파인튜닝했는데 ... 연구 있나요?" listed Whisper-LM's authors)
        ("바스크어 같은 저자원 언어로 Whisper 파인튜닝하는 연구 있나요?", False),
    ],
)
def test_a_korean_cue_is_not_read_inside_another_word(question, authors):
    from assistant.understand.query import analyse
    from assistant.understand.slots import cue_pattern

    assert bool(cue_pattern("authors_ask").search(question)) == authors
    assert (analyse(question, None, "2025-06-30").intent == "authors") == authors


@pytest.mark.parametrize(
    "question, since, until, days",
    [
        ("how many papers came out on Mondays in January 2025?", "2025-01-01", "2025-01-31", [0]),
        ("2025년 3월 금요일 다이제스트에 나온 확산 모델 논문", "2025-03-01", "2025-03-31", [4]),
        ("the Friday digests of March 2025", "2025-03-01", "2025-03-31", [4]),
        ("papers on weekends in 2024", "2024-01-01", "2024-12-31", [5, 6]),
        ("last Friday", "2025-06-27", "2025-06-27", [4]),  # one day: no filter of days
    ],
)
def test_a_day_of_the_week_beside_a_month_filters_it(question, since, until, days):
    """Was: "2025년 3월 금요일" read as the newest digest's Friday (2025-06-27), "the Friday
    digest of March 2025" as March to June."""
    from assistant.understand.dates import weekdays_named, without_weekdays

    found = find_dates(question, "2025-06-30", OLDEST)
    assert (found.since, found.until) == (since, until)
    assert weekdays_named(question) == days
    assert all(w in question for w in found.spans)  # the words as written, to strip
    assert not re.search(r"day|요일|weekend", without_weekdays(question), re.I)


def test_a_cue_word_inside_an_aside_asks_nothing():
    """b90: "Goedel-Prover (the open-source Lean 4 prover from Princeton folks) - miniF2F
    pass@32?" was read as a question about its code, for "open-source" in the aside."""
    from assistant.understand import intents

    assert intents.cued("code", "A (the open-source Lean 4 prover) - miniF2F pass@32?") == "search"
    assert intents.cued("code", "A 오픈소스야? 코드 어디 있어?") == "code"
    assert intents.cued("code", "where's the code (GitHub) for A?") == "code"


@pytest.mark.parametrize(
    "question, intent",
    [
        # b168 (blind): "Molmo and PixMo - the open-weights open-data VLMs" was answered "the
        # digests give no GitHub repository ... for it": a modifier before a noun describes
        ("A and B - the open-weights open-data VLMs", "search"),
        ("A: an open-source TTS model trained on 100K hours", "search"),
        # (asked, they still ask for it: the review)
        ("A - where are the open weights?", "code"),
        ("Is A open weights?", "code"),
        ("is A open-source?", "code"),
        ("open-weights link for A?", "code"),
    ],
)
def test_a_code_word_modifying_a_noun_asks_for_no_code(question, intent):
    from assistant.understand import intents

    assert intents.cued("code", question) == intent


def test_a_paper_recalled_is_no_request_for_papers():
    """b90: "... RCT 논문 있잖아, LLM 쓴 참가자들이 ... 몇 %였어?" recalls one paper to ask its
    figure; it was read as asking for papers ("논문 있어?") and answered with a list."""
    recalled = "RCT 논문 있잖아, 참가자들이 질환 맞춘 비율 몇 %였어?"
    assert not analyse(recalled, None, NEWEST).asks_set
    assert analyse("RCT 논문 있어?", None, NEWEST).asks_set


def test_a_paper_recalled_then_asked_for_its_like_is_a_request_for_papers():
    """Review: "드래프트 모델 없이 하는 speculative decoding 논문 있잖아, 그런 거 어떤 게 있어?"
    recalls a kind of paper and asks which there are: a list."""
    question = "드래프트 모델 없이 하는 speculative decoding 논문 있잖아, 그런 거 어떤 게 있어?"
    assert analyse(question, None, NEWEST).asks_set


def test_when_after_a_question_word_of_its_clause_asks_no_date():
    """b108: "What average success rate did Robot Utility Models get when dropped zero-shot
    into new environments?" was answered with the paper's digest date."""
    from assistant.understand.intents import asks_when

    assert not asks_when("What success rate did RUM get when dropped into new homes?")
    assert not asks_when("how did it do when scaled up?")
    for question in (
        "when did Robot Utility Models come out?",
        "Robot Utility Models - when was it in the digests?",
        "what did it score, and when was it in the digests?",
        "which digest was it in?",
        # (review: a date asked, "how about when")
        "What was the date when TextArena appeared?",
        "How about when Loopy was in the digest?",
    ):
        assert asks_when(question), question


def test_code_before_what_it_describes_asks_no_code():
    """b70 (after the intent examples moved): "AutoCoder, the code LLM trained with
    AIEV-Instruct — what HumanEval pass@1 did it claim?" was answered with its GitHub link:
    "code" describes the model there, no code is asked."""
    from assistant.understand.slots import cue_pattern

    code = cue_pattern("code_cue")
    for question in ("the code LLM trained with X", "a code generation benchmark", "code models"):
        assert not code.search(question), question
    for question in ("is there code for it?", "AutoCoder code?", "code and weights released?"):
        assert code.search(question), question


@pytest.mark.parametrize(
    "question, similar",
    [
        # b115: "JuStRank랑 비슷하게 LLM judge 자체를 평가하는 벤치마크 논문 있어?" had been a search
        ("A랑 비슷하게 LLM judge 자체를 평가하는 벤치마크 논문 있어?", True),
        ("A랑 비슷한 논문 더 있어?", True),
        ("papers like A?", True),
        # near it only by a name joined to another: a figure asked (b81, b105)
        ("A가 A랑 비교했을 때 선호도 몇 %였어?", False),
        ("A 논문, A랑 비교할 때 몇 B짜리 작은 모델들 섞었어?", False),
    ],
)
def test_papers_like_one_are_asked_in_a_word_of_their_own(question, similar):
    from assistant.understand import intents

    assert (intents.classify(question).name == "similar") is similar


def test_the_most_voted_asked_in_chat_is_a_ranking():
    """b117: "2025-02-12 다이제스트에서 vote 젤 많은거 뭐임" was refused (a list of papers on
    'vote'): chat Korean ("젤", "뭐임") asks for a ranking as well (an example phrasing)."""
    from assistant.understand import intents

    assert intents.classify("<date> 다이제스트에서 vote 젤 많은거 뭐임").name == "top_voted"


@pytest.mark.parametrize(
    "question, aside",
    [
        # (review: "Vision Mamba 말고 ..." had set aside "Mamba", another paper)
        ("Vision Mamba 말고 비슷한 거 있어?", ["Vision Mamba"]),
        ("SpargeAttn 말고 sparse attention 논문 몇 편이야?", ["SpargeAttn"]),
        ("sparse attention SpargeAttn 말고", ["SpargeAttn"]),  # (a topic query)
        ("Text2SQL이나 RAG 말고 LM이랑 DB를 합친 논문", ["RAG"]),
    ],
)
def test_the_name_a_question_sets_aside_is_written_whole(question, aside):
    from assistant.understand.query import analyse, contrasted

    assert contrasted(analyse(question, None, "2025-06-30")) == aside


def test_a_name_written_as_one_example_of_a_kind_is_no_subject():
    """b108-004: "Qwen2.5 같은 텍스트 LLM에 붙여서 ..." asks how to do something with such a
    model, and had been answered with the Qwen2.5 report."""
    from assistant.understand.references import an_example

    def spans(text: str, name: str) -> list[tuple[int, int]]:
        at = text.index(name)
        return [(at, at + len(name))]

    for text, name in (
        ("Qwen2.5 같은 텍스트 LLM에 붙여서 음성 챗봇 만들 방법 있어?", "Qwen2.5"),
        ("LLaDA나 Dream 같은 diffusion 언어 모델 써보려는데 너무 느려", "LLaDA"),
        ("LLaDA나 Dream 같은 diffusion 언어 모델 써보려는데 너무 느려", "Dream"),
        ("Octo 같은 오픈소스 generalist 로봇 정책을 쓰고 있는데 성능 올리는 방법?", "Octo"),
        ("T5 같은 텍스트 인코더가 VRAM을 너무 많이 먹음", "T5"),
    ):
        assert an_example(text, spans(text, name)), text
    for text, name in (
        ("TEXGen 같은 논문 또 있어?", "TEXGen"),  # (papers like it)
        ("SpargeAttn 같은 거 더 있어?", "SpargeAttn"),
        ("DiM 같은 자기보상 계열 후속 논문 있으면 알려줘", "DiM"),  # (papers, a few words on)
        ("GaLore 같은 방법 뭐 있어?", "GaLore"),  # (a kind asked for)
        ("Qwen2.5-VL 같은 모델 기술 보고서 요약해줘", "Qwen2.5-VL"),
        ("How many tasks are in a benchmark such as OSWorld?", "OSWorld"),
        ("Qwen2.5 성능 어때?", "Qwen2.5"),
    ):
        assert not an_example(text, spans(text, name)), text
    assert not an_example("nothing named", [])


def test_a_model_the_subject_is_set_against_is_no_new_subject():
    """b141-005: "who are the authors, and what win rate did it get against Qwen 2 Audio?"
    after DiVA, whose digest writes "comparing DiVA with Qwen 2 Audio": Qwen2 written with
    its version apart is DiVA's baseline, not the paper asked about."""
    from assistant.types import Mention, Paper
    from assistant.understand.condense import baseline_of

    title = "Qwen2 Technical Report"
    qwen2 = Paper("2407.10671", [Mention("2407.10671", title, "2024-07-16", "en", "e.md", 1)])
    assert qwen2.name == "Qwen2"
    written = "In a user study comparing DiVA with Qwen 2 Audio, DiVA achieved a 72% win rate."
    asked = "who are the authors, and what win rate did it get against Qwen 2 Audio?"
    assert baseline_of(qwen2, asked, written)
    assert not baseline_of(qwen2, "what did Qwen 2 Audio score?", written)  # (not set against)
    assert not baseline_of(qwen2, asked, "DiVA achieved a 72% win rate.")  # (not its baseline)


def test_how_a_measure_is_computed_asks_what_a_concept_is():
    """b139: "How is the ROUGE metric computed?", "Inception Score가 뭐야? 어떻게 계산해?" and
    "word2vec 어떻게 동작하는지 설명해줘" ask what a concept is (declined unless a paper's
    title names it), not for papers that use it; papers on a topic are no concept."""
    from assistant.understand.intents import asks_concept

    for masked in (
        "How is the <topic> <topic> computed?",
        "<topic>가 뭐야? 어떻게 계산해?",
        "<topic> 어떻게 동작하는지 설명해줘",
        # b142: a textbook mechanism, with where it is used ("How does bias correction work
        # in the Adam optimizer, and why is it needed ...?", "역전파에서 chain rule이 어떻게
        # 적용되는지 2층 MLP 예시로 설명좀" had listed papers on optimizers and backprop)
        "How does <topic> <topic> work in the <topic> <topic> and why is it needed for the "
        "<topic> steps?",
        "<topic>(A)에서 A A이 어떻게 적용되는지 <topic> A 예시로 설명좀",
    ):
        assert asks_concept(masked), masked
    for masked in (
        "papers on <topic> <topic>",
        "<topic> 관련 논문 뭐 있어?",
        "How does <topic> <topic> work in <topic> <topic> models, and how much faster is it?",
    ):
        assert not asks_concept(masked), masked


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # what the authors propose or claim is the paper's, not who they are (b145-075:
        # "... 핵심 결론이랑 저자들이 제안한 해결책 정리해 줄래요?" was its author list)
        ("저자들이 제안한 해결책 정리해 줄래요?", "summary"),
        ("what fix did the authors propose?", "search"),
        ("what do the authors claim about scaling?", "search"),
        ("who are the authors?", "authors"),
        ("저자가 누구야?", "authors"),
    ],
)
def test_what_the_authors_did_is_no_question_of_who_they_are(question, intent):
    assert analyse(question).intent == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # an implementation set against as a baseline asks a figure, not for code (b144-061:
        # "HuggingFace 기본 구현이랑 비교하면 지연시간이랑 처리량 몇 배 좋아졌대?" was
        # answered with a paper's missing Hugging Face link)
        ("HuggingFace 기본 구현이랑 비교하면 지연시간이랑 처리량 몇 배 좋아졌대?", "search"),
        ("is it faster than the official implementation?", "search"),
        ("허깅페이스 링크 있어?", "code"),
        ("SpargeAttn 구현 공개됐어?", "code"),
        ("코드 있어? 다른 방법보다 빨라?", "code"),
        ("코드 보다가 궁금한데 깃허브 링크 있어?", "code"),  # (보다: the verb, to look at)
    ],
)
def test_an_implementation_compared_against_is_no_request_for_code(question, intent):
    assert analyse(question).intent == intent


def test_papers_on_a_topic_are_a_set_and_one_paper_recalled_is_not():
    """A title's head is the topic of a set asked for ("Music Style Transfer 관련 연구
    알려줘", review: it had narrowed the list to one paper) and the title of one paper
    recalled ("... CCE 논문 있었지? Cut Your Losses 어쩌구")."""
    from assistant.understand.query import asks_a_set

    assert asks_a_set(analyse("Music Style Transfer 관련 연구 알려줘"))
    assert asks_a_set(analyse("papers on Video World Models"))
    assert not asks_a_set(analyse("로짓 행렬 안만드는 논문 있었지? Cut Your Losses 어쩌구"))
    assert not asks_a_set(analyse("what did Cut Your Losses report?"))


@pytest.mark.parametrize(
    "question, kept",
    [
        # b163: "2025년 상반기에 color constancy(색 항상성) 다룬 논문 있었나?" was refused: the
        # gloss's Korean words, which no English digest writes, weighed as unknown words
        # (they are still searched: a paper summarised only in Korean may write just them)
        ("color constancy(색 항상성) 다룬 논문 있었나?", "color constancy 다룬 논문 있었나?"),
        ("LoRA (저랭크 적응) 논문", "LoRA 논문"),
        # a Korean term glossed in English keeps both; words in brackets are no gloss
        ("색 항상성(color constancy) 논문", "색 항상성(color constancy) 논문"),
        ("GRPO (그리고 PPO) 비교", "GRPO (그리고 PPO) 비교"),
    ],
)
def test_a_korean_gloss_of_an_english_term_is_no_words_of_its_own(question, kept):
    from assistant.understand.query import without_korean_glosses

    assert " ".join(without_korean_glosses(question).split()) == kept
