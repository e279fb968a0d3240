"""The offline router: a question's intent and slots mapped to the archive tools.

Metadata questions are answered from metadata: authors from the author list, code from
the GitHub / Hugging Face links stored with the paper (rendered by code, after the
citation check, never quoted from a summary), votes with their ranking, counts with their
breakdown, lists with how many there are. Topic search, summaries and comparisons return
None here: the extractive answerer handles them over the hybrid retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answer.asking import (
    _AMONG,
    _EARLIEST_OF,
    _MOST,
    _NEWER_WORDS,
    _SAME_AUTHORS,
    A_LIST,
    VOTES,
    _asks_hugging_face,
    _its_votes,
    _languages,
    _top_n,
    asks_by_language,
    busiest_unit,
    digest_language,
    min_votes,
)
from assistant.answer.citations import Step, apart, refusal
from assistant.answer.comparing import Comparing
from assistant.answer.counting import Counting
from assistant.answer.extractive import ExtractiveAnswerer, asks_quantity, quote_label, sentences
from assistant.answer.likeness import (
    _ASKS_A_SET,
    _ASKS_COMPARE,
    _CHANGED,
    _CHOOSES_BY,
    _COMPARED_TO,
    _LIKE_IT,
    _SIMILAR_TO,
    _VERSUS,
    _WHICH_SIDE,
    _about_the_subject,
    _asks_a_figure,
    _aspect,
    _like_another,
    _likened,
    _likens,
    _likens_figures,
    _more_of_it,
    _other_like,
    _others_after,
    _similar_words,
)
from assistant.answer.listing import Listing
from assistant.answer.naming import (
    _an_example,
    _as_capitalised,
    _by_head_only,
    _carries,
    _coined_as_written,
    _first_written,
    _mask_names,
    _masked,
    _named_first,
    _named_whole,
    _not_inside_another,
    _sized,
    _surname_in,
    _to_get,
    _writes,
    _written,
    _written_names,
)
from assistant.answer.routed import (
    _A_PAPER,
    _AGAINST,
    _ASKS_FOR_PAPERS_KO,
    _BARE_VERSION,
    _DESCRIBES,
    _FAMILY_NOUN,
    _ITS_PAPER,
    _ITS_PAPER_KO,
    _KOREAN_AND,
    _LATIN_NAME,
    _LATIN_TERM,
    _LATIN_WORDS,
    _LEADS,
    _NAME_SHAPED,
    _ONE_PAPER,
    _ORIGINAL_OF,
    _PAPERS,
    _THAN,
    _TRAILING_VERSION,
    _YES_NO,
    CODE_ASKED,
    CODE_OF_NAMED,
    MAX_TOPIC,
    MAX_TREND_TOPIC,
    MENTIONS_SHOWN,
    ORIGIN_WORDS,
    PAPER_FACTS,
    SHOW,
    Routed,
    _content_part,
    _dated_with,
    _kind_word,
    _more_facts,
    _noted,
    _opens_a_sentence,
    _span,
    _subject_ids,
    _unversioned,
)
from assistant.answer.topic import (
    _LATIN_STEM,
    ARCHIVE_WORDS,
    SET_INTENTS,
    _beyond_title,
    _content_words,
    _in_asides,
    _intent_words,
    _naming,
    _without_glosses,
    topic_phrase,
    topic_words,
)
from assistant.answer.votes import Votes
from assistant.answer.wording import (
    _fact_line,
    _n_papers,
    _no_votes,
    _sentences_writing,
    _votes,
)
from assistant.index.lexical import tokenize
from assistant.retrieve.hybrid import (
    CAPITALISED,
    QUOTED_HEAD,
    Hit,
    choices,
    name_pattern,
    topical_terms,
    versioned_names,
)
from assistant.text import HANGUL_RUN, english_word, is_korean
from assistant.tools import ArchiveTools, ToolError, ToolResult
from assistant.types import Filters, Paper
from assistant.understand import attributes, intents
from assistant.understand.condense import baseline_of
from assistant.understand.dates import asks_earliest, asks_weekday
from assistant.understand.query import (
    CONTRAST,
    FILTERED,
    PLURAL_PAPERS,
    QuestionInfo,
    analyse,
    asks_a_set,
    contrasted,
    mask,
    mask_topic,
)
from assistant.understand.references import ARXIV_ID, SUBJECT, back_pointer, choice_between, counted
from assistant.understand.sentences import asked_part
from assistant.understand.slots import cue_pattern


@dataclass
class _Reading:
    """A question naming papers, read again with its names masked (`Router._read_with_names`)."""

    info: QuestionInfo
    names: list[Paper]
    intent: str
    asks_compare: bool
    on_name: Paper | None  # a paper whose name is the topic of a listing
    family: str | None  # a name whose papers a listing is of ("Phi-4 reports")


# a relative clause describing a paper, to a comma or the end ("paper that stretched ...")
_DESCRIBING_CLAUSE = re.compile(r"\b(papers?\s+)(?:that|which)\b[^?,;]*", re.I)


class Router(Comparing, Votes, Counting, Listing):
    def __init__(self, tools: ArchiveTools):
        self.tools = tools
        self.catalog = tools.catalog
        # (the archive's glossary, as the retriever reads Korean with it)
        self.extractive = ExtractiveAnswerer(
            vocabulary=lambda: tools.retriever.glossary if tools.retriever is not None else None
        )

    def own_topic(self, question: str) -> str:
        """The question's own topic phrase, beyond asking words and pointers ("any newer
        work on LLM self-correction?": "LLM self-correction"; "anything newer on this?":
        none)."""
        text = _NEWER_WORDS.sub(" ", question)
        topic = self._topic_words_of(question, text)
        return topic_phrase(text, topic) if _content_words(topic) else ""

    def topic_of(self, question: str) -> str:
        """The question's topic words, as written ("그 중에 에이전트 관련 논문은?": 에이전트)."""
        topic = self._topic_words_of(question, question)
        return " ".join(topic) if _content_words(topic) else ""

    def _topic_words_of(self, question: str, text: str) -> list[str]:
        """The topic words of `text` (the question or part of it), read as `question` is."""
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        return topic_words(text, info, self.named(info))

    def named_ids(self, question: str) -> list[str]:
        """The arXiv ids of the papers the question names (`named`)."""
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        return [p.arxiv_id for p in self.named(info)]

    def compares(self, question: str) -> bool:
        """The question compares papers and names none ("which does better on HumanEval?")."""
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        return info.intent == "compare" and not self.named(info)

    def asks_of_one(self, question: str) -> bool:
        """The question asks one paper's authors, code or digest dates and names nothing: no
        paper, date or topic ("is there a github link?", "who are the authors?", "when
        was it in the digests?"). After an answer about a paper, it asks about that paper.
        So does a question each of whose parts asks so ("깃헙 링크 있어? 그리고 언제
        다이제스트에 올라온 거야?", "who wrote it and when was it in the digests?")."""
        parts = [p for p in intents.clause_parts(question) if p.strip(" ?.!,")]
        if len(parts) > 1 and all(self._asks_of_one(p) for p in parts):
            return True
        return self._asks_of_one(question)

    def _asks_of_one(self, question: str) -> bool:
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        if info.intent not in PAPER_FACTS or info.dates or info.arxiv_ids:
            return False
        names = self.named(info)
        return not names and not _content_words(topic_words(question, info, names))

    def listing_only(self, question: str) -> bool:
        """The question asks for a list and names nothing to list: no paper, date or topic
        ("목록 보여줘", "show me the list", "list them all"). After an answer about a set
        of papers, it asks for that set in full."""
        return self._asks_only(question, "list")

    def counting_only(self, question: str) -> bool:
        """The question asks how many and names nothing to count ("how many?", "몇 편이야?",
        "how many of them?"). After an answer about a set of papers, it asks that set's size."""
        return self._asks_only(question, "count")

    def _asks_only(self, question: str, intent: str) -> bool:
        info = analyse(question, None, self.tools.newest_date, self.tools.oldest_date)
        if info.intent != intent or info.dates or info.arxiv_ids or digest_language(question):
            return False
        if intent == "count" and asks_by_language(question):
            return False  # "두 언어 모두에 실린 논문은 몇 편이야?": what it counts by is named
        if _EARLIEST_OF.search(question):
            return False  # "which of those came out first?": one of them, by its date
        names = self.named(info)
        return not names and not _content_words(topic_words(question, info, names))

    def named(self, info: QuestionInfo) -> list[Paper]:
        """Papers the question names: the subject of a follow-up first, then arXiv ids, a
        title and names in the order the question mentions them."""
        subject = _subject_ids(info.text)
        own = SUBJECT.sub(" ", info.text)  # the subject's title names no other paper
        seen = [i for i in self._own_names(info) if i not in subject]
        seen = self._one_per_name(own, seen)
        if subject:  # not a model the subject is set against: "what win rate did it get
            # against Qwen 2 Audio?" after DiVA, which writes so (not Qwen2's paper)
            written = " ".join(self.catalog.papers[i].lexical_text() for i in subject)
            seen = [i for i in seen if not baseline_of(self.catalog.papers[i], own, written)]
        text = info.text.lower()

        def mentioned_at(pid: str) -> int:
            p = self.catalog.papers[pid]
            found = [text.find(w.lower()) for w in (pid, *_written(p))]
            return min((at for at in found if at >= 0), default=len(text))

        seen.sort(key=mentioned_at)
        seen = _not_inside_another(text, seen, {i: _written(self.catalog.papers[i]) for i in seen})
        return [self.catalog.papers[i] for i in [*subject, *seen]]

    def sibling_asked(self, question: str, arxiv_id: str) -> str | None:
        """The other version of the paper talked about that a follow-up names by its version
        alone and asks about, not against it: "what about v2?", "3.5 버전은 컨텍스트 얼마나
        늘었어?", "3에서는 ...?" (not "how does it compare to 3.5?", "2.0보다 나아?")."""
        compared = (_ASKS_COMPARE, _COMPARED_TO, _CHANGED)  # ("2.5 버전은 뭐가 달라졌어?")
        if arxiv_id not in self.catalog or any(c.search(question) for c in compared):
            return None  # the two set side by side
        found = self._siblings(question, [arxiv_id])
        return found[0] if len(set(found)) == 1 else None

    def _found_named(self, info: QuestionInfo) -> Paper | None:
        """The paper the search finds first when the question names it: by its title's
        first words ("EM Distillation" of "EM Distillation for One-step Diffusion Models")
        or by a name it writes far more than any other paper ("APG", which its summary
        spells out), if any (not a paper the question only describes)."""
        retriever = self.tools.retriever
        found = retriever.retrieve(info.text, info.filters, k=1)
        if not found.hits:
            return None
        hit = found.hits[0]
        if hit.via == "name" or self.catalog.writes_title_start(info.text, hit.arxiv_id):
            return hit.paper  # (named, not described: "There's a paper (Quicksviewer) ...")
        own = SUBJECT.sub(" ", info.text)
        if any(retriever.coins(name, hit.arxiv_id) for name in CAPITALISED.findall(own)):
            return hit.paper  # ("HG-DPO", "APG": coined by the paper found)
        return None

    def _set_aside(self, info: QuestionInfo) -> Paper | None:
        """The one paper the question sets aside by its whole name ("SpargeAttn 말고"; not
        "Mamba" of "Vision Mamba 말고", inside another name), if any."""
        whole = set(self.catalog.by_short_name(SUBJECT.sub(" ", info.text)))
        ids = self._aside_ids(info) & whole
        return self.catalog.papers[ids.pop()] if len(ids) == 1 else None

    def _aside_ids(self, info: QuestionInfo) -> set[str]:
        """The papers the names the question sets aside name ("SpargeAttn 말고")."""
        return {pid for w in contrasted(info) for pid in self.catalog.by_short_name(w)}

    def _own_names(self, info: QuestionInfo) -> list[str]:
        """The papers the question names outside a follow-up's subject: arXiv ids, a title
        and names (a Korean question's also in its English rendering), catalog ids. A paper
        the question sets its topic against ("other than SpargeAttn") is not named by it."""
        own = SUBJECT.sub(" ", info.text)
        for span in info.contrast:
            own = own.replace(span, " ")
        ids = ARXIV_ID.findall(own)
        if pid := self.catalog.by_title(own):
            ids.append(pid)
        # "'Observational Scaling Laws' 논문", "DeepSpeak 데이터셋": the words a title alone
        # begins with, when few papers write them all (not "Process Reward Models", a topic
        # that one title begins with and a hundred papers write; nor "OpenAI", which begins
        # "OpenAI o1 System Card")
        if self.tools.retriever is not None:  # (the index counts who writes them)
            ids += self.tools.retriever.titles_begun(own, asks_a_set(replace(info, text=own)))
        english = self.tools.retriever.glossary.translate(own) if info.korean else None
        ids += [
            pid
            for pid in self.catalog.by_short_name(own, english)
            if not self._asking_name(pid, own)
        ]
        # (of a follow-up's subject too: "How does it compare to 3.5?" after EXAONE 3.0)
        of = [i for i in [*ids, *_subject_ids(info.text)] if i in self.catalog]
        ids += self._siblings(own, of)
        return [i for i in dict.fromkeys(ids) if i in self.catalog]

    def _family_asked(self, info: QuestionInfo, names: list[Paper]) -> str | None:
        """The name a question asks the papers of, written before a plural of papers and
        asking nothing else of them ("which Phi-4 reports are in the archive?", "Qwen2.5
        models"; not "what sizes do the Gemma models come in?"), when more than one title
        writes it and a listing shows them all: the family, not the one paper of that
        name."""
        if len(names) != 1 or not (name := names[0].name):
            return None
        own = SUBJECT.sub(" ", info.text)
        if not re.search(rf"(?<![\w-]){re.escape(name)}\s+{_FAMILY_NOUN}", own, re.I):
            return None
        rest = [
            w
            for w in topic_words(info.text, info, names)
            if not re.fullmatch(_FAMILY_NOUN, w, re.I) and not ARCHIVE_WORDS.fullmatch(w)
        ]
        if rest:
            return None  # it asks something of them: their sizes, their scores, a topic
        titled = self.tools.count_papers(query=name, in_title=True).data["total"]
        return name if 1 < titled <= SHOW else None

    def _siblings(self, question: str, ids: list[str]) -> list[str]:
        """The other versions a question names by their version alone beside a named
        paper: "from Hunyuan3D 2.1 to 2.5" (Hunyuan3D 2.5), "DeepSeek-Prover v1 vs v1.5"
        (DeepSeek-Prover-V1.5). A version after a name of its own is that name's ("Qwen2.5
        vs Llama 3.1": no Qwen 3.1)."""
        out = []
        for m in _BARE_VERSION.finditer(question):
            group = next(g for g in ("v", "d", "k") if m.group(g))
            version = m.group(group)
            before = question[: m.start(group)].split()
            joined = bool(before) and bool(_KOREAN_AND.search(before[-1]))  # "2.0이랑 2.5"
            if before and not joined and re.search(r"^[A-Z]|\d", before[-1]):
                continue  # "Llama 3.1", "Hunyuan3D 2.1": the version of the name before it
            if version.isdigit() and before and not _LEADS.fullmatch(" ".join(before)):
                continue  # a whole number leads the question ("3에서는 ...?"): "상위 3은?"
            number = version.lstrip("vV")
            for pid in ids:
                # (a title that is a name and its version: "Depth Anything V2")
                own = self.catalog.papers[pid]
                base = _TRAILING_VERSION.sub("", own.name or own.label)
                if len(base) >= 3:  # (its name may glue the number on: "SageAttention3")
                    named = [f"{base} {version}", f"{base}{number}"]
                    out += [
                        found
                        for name in named
                        for found in self.catalog.by_short_name(name)
                        if _carries(self.catalog.papers[found], number)
                        # (the first version is the name without one: "Depth Anything")
                        or (number in ("1", "1.0") and _unversioned(self.catalog.papers[found]))
                    ]
        return [i for i in out if i not in ids]

    def _one_per_name(self, question: str, ids: list[str]) -> list[str]:
        """Of papers sharing a name ("Chimera" for time series, "Chimera" for a generalist
        VLM), the one the rest of the question is about: the best term coverage."""
        by_name: dict[str, list[str]] = {}
        for pid in ids:
            by_name.setdefault(self.catalog.papers[pid].label.lower(), []).append(pid)
        dropped = set()
        for name, same in by_name.items():
            if len(same) > 1:
                rest = re.sub(re.escape(name), " ", question, flags=re.I)
                latin = HANGUL_RUN.sub(" ", rest)
                # a Korean question's English words are its names and terms; its Korean
                # asking words would favour whichever paper has a Korean digest
                # (and its Korean words in English: "오디오 LLM 벤치마크 MMAU" is the audio one)
                if is_korean(rest) and topical_terms(latin):
                    rest = f"{latin} {self.tools.retriever.glossary.english_terms(rest)}"
                keep = self.tools.retriever.best_of(rest, same)
                dropped |= set(same) - {keep}
        return [pid for pid in ids if pid not in dropped]

    @staticmethod
    def _papers_on(question: str, info: QuestionInfo, names: list[Paper], topic: list[str]) -> bool:
        """Whether a topic search asks for papers on a topic ("SVG 같은 벡터 그래픽 생성
        논문 있어?"), not for a named paper's fact."""
        if info.intent != "search" or not _PAPERS.search(question):
            return False
        return intents.asks_for_papers(mask_topic(_masked(question, info, names), topic))

    def _of_its_aspect(self, question: str, info: QuestionInfo, paper: Paper) -> bool:
        """Whether a paper a "similar" question names is on the aspect the question asks
        its similar papers to share (`_aspect`): it passes the relevance gate for it, as a
        paper named by its title or id is taken to. A short name of a paper off the
        aspect is a word of the topic: "papers that generate vector graphics like SVG" are
        not papers like "SVG" (stereoscopic video generation). A name of several words
        written with its capitals ("papers like Speculative Streaming? ... without a draft
        model") is the paper's, whatever its digests' language; so is a name whose paper has
        the aspect's words as fully as any paper has them (`answers_as_well`: a misspelt
        word, "virtual tryon", that no paper writes leaves none passing the gate)."""
        topic = topic_words(question, info, [paper])
        if (
            _aspect(paper, topic, question) is None
            or _named_whole(paper, question)
            or _as_capitalised(paper.name or "", question)
            or _coined_as_written(paper.name or "", question)
        ):
            return True
        if self.tools.retriever.answers_as_well(_aspect(paper, topic, question), paper.arxiv_id):
            return True  # it has the aspect's words as fully as any paper ("TinySAM이랑
            # 비슷한 논문 ... SAM 경량화 쪽으루": a misspelt word no paper has fails the gate)
        whole = replace(info.filters, since=None, until=None)  # its words, its own among them
        found = self.tools.retriever.gate_all(" ".join(topic), whole)
        return any(h.arxiv_id == paper.arxiv_id for h in found.hits)

    def _asking_name(self, pid: str, text: str) -> bool:
        """A paper's one-word name that is also an asking word ("RePO" and "repo"), written
        other than exactly as the title writes it: the word, not the paper."""
        asking = intents.example_words() | _intent_words("code") | _intent_words()
        return intents.asked_not_named(self.catalog.papers[pid].label, text, asking)

    def declined_name(self, question: str) -> str | None:
        """The name an answer to `question` declines as no paper's own ("What is
        CogVideoX?": CogVideoX), which a follow-up pointing back asks about ("who are its
        authors?"), not the first of the papers that mention it."""
        info = analyse(
            question,
            Filters(),
            self.tools.newest_date,
            self.tools.oldest_date,
            self.tools.digest_dates,
        )
        found = self._defined_unowned(question, info, self.named(info))
        return found[0] if found else None

    def route(self, question: str, filters: Filters) -> Routed | None:
        info = analyse(
            question,
            filters,
            self.tools.newest_date,
            self.tools.oldest_date,
            self.tools.digest_dates,
        )
        info = self._latest_in_language(info)
        names = self._papers_named(question, info)
        if not names and busiest_unit(question) in ("author", "topic"):
            info = replace(info, intent="count")  # "who wrote the most papers?": a count by
            # author, not a paper's authors; "hot topics last month?": a count by topic
        if info.intent == "top_voted" and info.filters.has_code and not _MOST.search(question):
            # "2025-02-26 논문 중에 깃허브 링크 있는 거 뭐야?": those with code, no ranking
            info = replace(info, intent="list", wants_list=True)
        intent = info.intent
        on_name: Paper | None = None  # a paper whose name is the topic of a listing
        family: str | None = None  # a name whose papers a listing is of ("Phi-4 reports")
        if member := self._membership(info):
            return member  # "was Phi-4 among them?": in the previous answer's papers or not
        if (unowned := self._unowned(question, names, its_paper=True)) and (
            _ITS_PAPER.search(asked := question.replace(unowned[0], "<name>"))
            # ("Stable Diffusion 3 논문", "<name> 논문 내용": its paper, asking for no set)
            or (
                _ITS_PAPER_KO.search(asked)
                and not info.asks_set
                and not _ASKS_FOR_PAPERS_KO.search(asked)  # ("NL2SQL 논문 뭐 있어?": papers)
            )
        ):
            # "what did the FlashAttention-3 paper report ...?", "DeepSeek-V2 원논문 요약해줘":
            # no digest covers its paper
            return self._no_own_paper(info, *unowned)
        if original := self._original_unowned(question, names):
            return self._no_own_paper(info, *original)  # "In the original ReAct paper, ...?"
        if defined := self._defined_unowned(question, info, names):
            return self._no_own_paper(info, *defined)  # "What is CogVideoX?": no paper's own
        if (
            not names
            and info.intent in PAPER_FACTS
            and (titled := self._titled_one(question, info))
        ):
            names = [titled]  # "Llama 3 누가 만들었어?": "The Llama 3 Herd of Models"
        if (
            len(names) == 1
            and not _named_whole(names[0], question)
            and (
                (
                    (info.filters.has_code or info.intent == "top_voted")
                    and info.dates
                    and PLURAL_PAPERS.search(question)
                )
                or (  # "most upvoted Mamba paper in the archive?": of the papers on it
                    info.intent == "top_voted"
                    and _MOST.search(question)
                    and _A_PAPER.search(question)
                    and back_pointer(SUBJECT.sub(" ", question)) is None
                )
            )
        ):
            # "which Mamba papers from January 2024 have code on GitHub?": the papers on it
            # with code, not that paper's code (a set with code, as the question reads whole);
            # "top 3 most voted Mamba papers from January 2024": the papers on it, ranked
            on_name, names = names[0], []
        # "A vs B", "compare", "비교": papers set against each other
        # (not a word of a name: "the API agents vs GUI agents paper" is one paper)
        asks_compare = bool(_ASKS_COMPARE.search(_mask_names(SUBJECT.sub(" ", question), names)))
        if len(names) > 1 and not asks_compare:
            names = _likened(question, names)  # "StarVector랑 비슷한": StarVector
        if names:  # "compare <paper> and <paper>": read with the names masked, as intended
            read = self._read_with_names(question, info, names, asks_compare, on_name)
            info, names, intent = read.info, read.names, read.intent
            asks_compare, on_name, family = read.asks_compare, read.on_name, read.family
        if intent == "similar" and _likens_figures(question):
            # "A랑 비슷한 성능을 내면서 계산량은 얼마나?": a figure like A's, not papers like A
            intent = "search"
            info = replace(info, intent=intent)
        if (
            intent == "similar"
            and not names
            and (
                not set(tokenize(question)) & _similar_words()
                or (not _SIMILAR_TO.search(question) and topic_words(question, info, names))
            )
        ):
            # "flow matching으로 TTS 한 논문 있어?" only sounds like "비슷한 논문 있어?": with
            # no word of its own that asks for similar papers, it asks for papers on a topic;
            # so does "any other work on speculative decoding?", which names no paper and
            # says "similar" in no word ("other", "like" give no paper to be like)
            intent = "search"
            info = replace(info, intent=intent)
        if intent == "when" and not names and back_pointer(SUBJECT.sub(" ", question)) is None:
            # a digest's language asked of no paper is no "was it in a Korean digest?" but
            # which digests (a filter read already): read as the rest of the question is
            masked = _languages()[0].sub(" ", asked_part(_masked(question, info, names)))
            read = intents.classify_asking_no_date(masked)
            if read == "top_voted":
                intent = read  # "top 3 by votes in the Korean digest of <date>"
            elif ARCHIVE_WORDS.search(question):
                # "when is the latest Korean digest?": the digests' dates, as a count says them
                intent = "count"
            else:  # "how many papers per weekday in English?"
                intent = intents.cued(read, question)
            info = replace(info, intent=intent, wants_list=intent in ("list", "recent"))
        topic = topic_words(question, info, names)
        if intent == "top_voted":  # (a list keeps the gloss: papers writing either are on it)
            topic = _without_glosses(topic, SUBJECT.sub(" ", question))
        if on_name is not None:  # by its name, not its title's words written as a gloss
            topic = [on_name.label, *_beyond_title(topic, on_name)]
        if family:  # the titles that write its name ("Phi-4 reports": not "reports")
            topic = [family]
        pointer = back_pointer(SUBJECT.sub(" ", question))
        if (
            pointer is not None
            and counted(pointer)
            and len(self._own_names(info)) >= counted(pointer)
        ):
            pointer = None  # "A이랑 B 비교하면? 둘 다 RL ...": both of those it names
        f = info.filters
        if (
            not names
            and not topic
            and cue_pattern("first_listed").search(question)
            # (at the top by votes is a ranking: "what's at the top by votes in Feb 2024?")
            and not cue_pattern("votes_cue").search(question)
            # (nor the top of a list shown: "what's at the top of that list?", its first)
            and not A_LIST.search(question)
        ):
            return self._first_listed(info)  # "which paper is listed first in it?"
        if not names and not pointer and (origin := self._origin(info, topic)) is not None:
            return origin  # "which paper introduced GRPO?": the first that does, not all
        if pointer and pointer.strong and pointer.picks is None and not (names or topic or f):
            # "그 중에 제일 투표 많이 받은 건?" after an answer that listed no paper (or as a
            # first question): those are no papers; not the whole archive's ranking
            return self._which_paper(info, several=True)
        # (the papers pointed at: all of them, or several picked, "둘이 같은 날 나왔어?")
        several = pointer is not None and (pointer.picks is None or len(pointer.picks) > 1)
        if len(names) > 1 and several:
            if (least := min_votes(question)) is not None:
                # "그 중에 투표 40개 이상 받은 것만", "only those with over 100 votes"
                return self._named_with_votes(info, names, least)
            if info.dates.relative == "latest" and not _naming(topic):
                # "which of those is the most recent?": the newest of them, not those of
                # the newest digest
                return self._newest_named(info, names)
            if _EARLIEST_OF.search(question) and not f:
                # "그 중에 제일 먼저 올라온 건 뭐야?", "the oldest of those?": the earliest
                return self._newest_named(info, names, oldest=True)
            if f.since or f.until:
                # "그 중 2025년 3월에 나온 것만", "just the ones from 2025": those of its dates
                return self._named_in_dates(info, names, topic)
        if (
            len(names) > 1
            and _naming(topic)
            and intent in (*SET_INTENTS, "summary")
            and pointer is not None
            and pointer.picks is None
            and not asks_compare  # "A vs B: which one ...?"
        ):
            # "which of those are GUI agent papers?": the previous answer's papers on it;
            # "거기서 단백질 언어모델 논문 좀 자세히 설명해줘": the one on it, summarised
            return self._named_on_topic(info, names, topic)
        if intent not in ("list", "recent", "search", "summary", "compare"):
            probe = self.tools.retriever.retrieve(question, filters, k=1)
            if probe.absent or probe.unstated:
                return None  # "Gemma 4": a versioned name no paper mentions, the gate refuses
        try:
            if (
                names
                and VOTES.search(SUBJECT.sub(" ", question))
                and intent != "compare"
                and (_content_words(topic) <= MAX_TOPIC or self._votes_part(info, names))
            ):
                # (not a description that has the word: "how malicious votes can corrupt
                # leaderboards like Chatbot Arena, what share of bad votes ...?")
                # several papers' votes, most voted first: "which one of those got the most?"
                ranked = sorted(names[:SHOW], key=lambda p: -(p.votes or 0))
                if _MOST.search(question) and any(p.votes is not None for p in ranked):
                    # "그 중에 투표 제일 많이 받은 건?": the first few (when none has votes, the
                    # answer says so of all of them, not of the first few)
                    ranked = ranked[: _top_n(question)]
                # "몇 번 나왔어? 투표수도": its digest dates say its votes too
                return self._paper_facts("when" if intent == "when" else "votes", info, ranked)
            language = digest_language(SUBJECT.sub(" ", question))
            if len(names) > 1 and language:  # "그 중 한국어 다이제스트에 나온 건?"
                return self._named_in_language(info, names[:SHOW], language)
            if names and _SAME_AUTHORS.search(SUBJECT.sub(" ", question)):
                return self._by_same_authors(info, names[0])  # "같은 저자들의 다른 논문?"
            # one paper named where a comparison may name two ("A or B, which is higher?")
            one_side = len(names) == 1 and (
                intent == "compare"
                or (
                    # ("A랑 B 차이 설명해줘" reads as a summary: "설명해줘")
                    intent in ("search", "summary")
                    and (
                        _WHICH_SIDE.search(question)
                        or _VERSUS.search(SUBJECT.sub(" ", question))
                        or asks_compare  # "A랑 B, 활성 파라미터 수 비교하면?"
                    )
                )
            )
            if intent == "compare" and _about_the_subject(question):
                intent = "search"  # "How did R1-Distill-70B do in that comparison?": the
                # previous paper's comparison, a model named in it as context
            elif one_side and (other := self._other_side(question, names[0])):
                # "Skywork-SWE랑 SWE-Gym 중에 ... 더 높은 건?", "which ..., FasterCache or
                # AdaCache?": two sides, the second written as no short name has it
                intent, names = "compare", [*names, other]
            elif one_side and (missing := self._missing_side(question, names[0])):
                # "which is faster, FlashInfer or SageAttention2?": no digest has FlashInfer
                return self._compare_absent(info, names, [missing])
            elif one_side and (unowned := self._unowned_side(question, names[0])):
                # "Qwen2.5 vs Llama 3.1 on MMLU?": many papers write Llama 3.1, none is its
                # own (nor does Qwen2.5's report measure against it): not a paper that
                # happens to rank next
                return self._compare_absent(info, names, [unowned], written=True)
            elif one_side and (described := self._described_side(question, names[0], filters)):
                # "CLaSp vs Layer-Condensed KV cache: which claims a bigger speedup?", "compare
                # MiniMax-Speech and the Google zero-shot voice transfer TTS paper": the paper
                # the other side's words describe (not the next the whole question ranks)
                intent, names = "compare", [*names, described]
            elif len(names) >= 2 and (
                (intent == "search" and _WHICH_SIDE.search(question))
                or (intent in ("search", "count", "summary") and asks_compare)
            ):
                intent = "compare"  # "which reports the bigger speedup, A or B?", "A vs the B
                # tech report: headline benchmark numbers?", "LIMO vs s1: how many training
                # examples did each one fine-tune on?" (a figure of each, not a count); "A
                # vs B - what does each one build on?" (each one's gist, side by side)
            if intent == "compare" and (len(names) >= 2 or self._asks_to_compare(info, names)):
                return self._compare(question, info, names, filters)
            if intent == "compare":  # "how much better than GPT-4o is it?": a fact question
                return None
            if (
                not names
                and asks_compare
                and intent in ("search", "summary")
                # "MLE랑 MAP 추정 차이 쉽게 설명해줘" reads as a summary: a comparison of
                # two things no paper is named by, all the same (not a figure asked "versus"
                # another, of the paper talked about or one described: "BD3-LM이 LM1B에서
                # perplexity 얼마 나왔어? AR이랑 차이는?")
                and not SUBJECT.search(question)
                and not cue_pattern("figure_cue").search(question)
                and not asks_quantity(question)
                and (declined := self._compared_unnamed(question, info, filters))
            ):
                return declined
            if info.title_words and topic and not names and intent in ("search", "list", "count"):
                return self._count(info, topic, question)  # "papers with 'agent' in the title"
            # (a ranking or a count of a topic's papers, however dated, is read below:
            # "what are the hottest agent papers lately? top 3")
            ranks = intent in ("top_voted", "count")
            if not names and topic and not ranks and not self.catalog.by_handle(question):
                if self.tools.retriever.absent_names(question):
                    return None  # "claude 5 context length?": no paper has that model
                recent = intent == "recent" or bool(info.dates.relative)
                dated = (
                    intent in ("search", "list")
                    and bool(info.filters.since or info.filters.until or info.filters.has_code)
                    # (one paper described at length, dated, is asked about, not a set: "A
                    # late-2023 system batched denoising steps ...: how much faster ...?")
                    and (
                        intent == "list"
                        or _content_words(topic) <= MAX_TOPIC
                        or _ASKS_A_SET.search(question)  # "which papers ... combined ...?"
                        or intents.asks_for_papers(mask_topic(mask(question, info.dates), topic))
                    )
                )
                # "추천 시스템 논문 찾아줘", "any work on music generation?": the papers on it
                # (a way asked for, "LLM 서빙이 느려. 빠르게 하는 방법?", is the focused answer
                # on the paper that best gives one, unless it says "papers")
                listing = (
                    intent in ("search", "list")
                    and _content_words(topic) <= MAX_TOPIC
                    and intents.asks_for_papers(mask_topic(mask(question, info.dates), topic))
                    and not (
                        cue_pattern("way_cue").search(question) and not _ASKS_A_SET.search(question)
                    )
                )
                # (answerable whatever the code filter: a set may have no paper with code)
                anyway = replace(filters, has_code=False)
                if (recent or dated) and self._answerable(question, topic, anyway):
                    routed = self._topical(question, info, topic, recent=recent)
                    if routed or recent or not self._untouched(question, topic, info, filters):
                        return routed  # (None: a set of one, the focused answer on it)
                    if intent == "search" and not info.filters.has_code:
                        # "On Sept 3, which papers were about agents?": a topic of the archive,
                        # none of those dates' papers on it; say so, and show them
                        listed = self._list(replace(info, intent="list"))
                        if not self.catalog.on_dates(f.since, f.until):
                            return listed  # no digests of those dates: that says it all
                        return _noted(listed, topic, info, topic=True)
                    # nothing of those dates is about the words, nor passes the retrieval's
                    # gate: they may only ask ("pull up the nov 7 digest"), read below
                # undated, the question or its topic words pass the gate a topic search's
                # would: no leniency for Korean words found only in English summaries
                if listing and self._answerable(question, topic, filters, english=False):
                    return self._topical(question, info, topic, recent=False)
        except ToolError:
            return None
        unmatched: list[str] = []
        if topic and not names and self._no_topic(question, info, topic):
            if not intents.asks_in_own_words(
                mask(question, info.dates), intent
            ) or attributes.asked(question):
                # "what was OpenAI's annual revenue in 2024?": the words are what it asks
                # about, and no paper of those dates is; nothing asks for the papers (and
                # "total revenue" asks a figure of its subject, not how many papers)
                return None
            # "What was the crowd favourite on 2024-12-16?": asking words no example has,
            # no topic of the archive; the question is about those dates' papers (and the
            # answer says which words it could not read as a topic)
            unmatched, topic = topic, []
        authors_cue = cue_pattern("authors_cue").search(question)
        if (
            intent == "search"
            and not names
            and authors_cue
            and not PLURAL_PAPERS.search(question)
            and (authors_cue.start() == 0 or is_korean(authors_cue.group(0)))
        ):
            # "who wrote that paper about ...?": read as a topic by its many words, it asks
            # who wrote the one paper it describes
            intent = "authors"
            info = replace(info, intent=intent)
        if (
            not names
            and topic
            and intent in ("count", "top_voted", "search")
            and VOTES.search(SUBJECT.sub(" ", question))
            and _ONE_PAPER.search(question)
            and not _MOST.search(question)
        ):
            # "how many votes did the paper about commutative vector quantization get?": the
            # votes of the one paper it describes, not a count of the papers on its words
            found = self.tools.retriever.retrieve(question, filters, k=1)
            if found.relevant and found.hits:
                return self._paper_facts("votes", info, [found.hits[0].paper])
        # (a gloss in parentheses restates a word: "프레임 보간(frame interpolation)")
        glossed = _in_asides(topic, SUBJECT.sub(" ", question))
        long_topic = len(topic) - len(glossed) > (
            MAX_TREND_TOPIC if intent == "trend" else MAX_TOPIC
        )
        # a question rich in topic words is a topic question (papers like a named one
        # "like benchmarks of llm agents playing games": the words are its aspect), but for
        # the named paper they describe ("who's behind VAPO, the efficient and reliable RL
        # for advanced reasoning paper?"), its authors or code; and who wrote a paper described
        # unnamed ("who wrote that paper about running LLMs bigger than DRAM ...?"): the first
        # relevant hit's, as for a short description (asked in words that ask for authors:
        # a long question's intent alone is no reason, "co-authored text" is a topic); and
        # where the code of one paper described is ("GitHub repo for the efficient web
        # crawling for LLM pretraining paper?"), not of papers on a topic
        if (
            long_topic
            and intent != "list"
            and not (intent == "similar" and names)
            and not (intent in PAPER_FACTS and self._described(question, names))
            # ("who are the authors, and what win rate did it get against Qwen 2 Audio?"
            # after DiVA: a part asks the metadata of the paper talked about, the other its
            # summary, whatever words that has; not a first question's part, which a long
            # description may read as one: "When ModernBERT and DeBERTaV3 were pretrained
            # on ...")
            and not (
                intent in (*PAPER_FACTS, "search", "summary")
                and len(names) == 1
                and names[0].arxiv_id in _subject_ids(question)
                and set(PAPER_FACTS) & set(self._parts_read(info, names).values())
            )
            and not (intent == "authors" and not names and authors_cue)
            and not (intent == "code" and not names and self._asks_code(info, topic))
        ):
            return None
        if not names and self.catalog.by_handle(question):
            # "papers by Saining Xie": every paper of that author; else a search by handle
            author = self.catalog.author_in(question)
            # (whatever it sounds like: "papers by X" is near "papers like X", a similar)
            if author and intent not in ("trend", "compare"):
                return self._by_author(info, author)
            return None
        if (
            intent in ("search", "when", "top_voted")
            and busiest_unit(question) in ("day", "month", "weekday")
            and not names
            and (not topic or not cue_pattern("votes_cue").search(question))
        ):
            intent = "count"  # "which day was the quietest?": a count by day; "25년에 GRPO
            # 쓴 논문 제일 많았던 달이 언제야?" near a ranking in "제일 많았던", no votes asked;
            # "NeRF 논문이 제일 많이 올라온 달이 언재야?" near a topic search by its typo
            info = replace(info, intent=intent)
        if intent in ("search", "list") and not names and not topic and asks_weekday(question):
            intent = "count"  # "2025년 1월 월요일마다 논문 몇 편씩 나왔어?": by day of the week
            info = replace(info, intent=intent)
        if intent in ("search", "list") and not names and asks_by_language(question, False):
            intent = "count"  # "다이제스트 언어별로 몇 개야?": a count by digest language
            info = replace(info, intent=intent)
            topic = topic_words(question, info, names)
        if intent in (*PAPER_FACTS, "similar") and not names and not topic:
            return self._which_paper(info)  # "who wrote it?" with no paper before it
        if intent == "summary" and (unowned := self._unowned(question, names)):
            return self._no_own_paper(info, *unowned)  # "summarize FlashAttention-3"
        if intent in (*PAPER_FACTS, "similar") and not names:
            # "the visual perception token paper": the paper retrieval puts first, if relevant
            found = self.tools.retriever.retrieve(question, filters, k=1)
            if not found.relevant and topic:  # "LoRAM 깃허브 저장소 어디야?": its topic alone
                found = self.tools.retriever.retrieve(" ".join(topic), filters, k=1)
            names = [found.hits[0].paper] if found.relevant and found.hits else []
            dated = info.filters
            if (
                (dated.since or dated.until)
                and not self.catalog.on_dates(dated.since, dated.until)
                and not (names and all(_writes(names[0], s) for s in info.dates.spans))
            ):
                # "Who won the 2022 World Cup?": dates no digest covers, which the paper found
                # does not write either ("... IMO geometry problems from 2000 to 2022" is
                # what AlphaGeometry2's digest writes: its content, not a date asked)
                every = self.tools.count_papers(since=dated.since, until=dated.until)
                return self._no_digests(info, dated, every)
        return self._answer_as_read(question, info, names, intent, topic, unmatched)

    def _answer_as_read(
        self,
        question: str,
        info: QuestionInfo,
        names: list[Paper],
        intent: str,
        topic: list[str],
        unmatched: list[str],
    ) -> Routed | None:
        """The answer to a question read whole: a named paper's facts or its likes, a
        ranking, a count, a trend or a listing of the archive (None: the retrieval's
        answer, a paper's content)."""
        try:
            if intent in ("search", "summary") and len(names) == 1:
                # "who wrote SpargeAttn and how much faster is it?": a part asks its metadata
                # (each part read with the paper masked: "In the Qwen2.5 technical report, ..."
                # asks nothing of its own)
                asked = self._parts_read(info, names)
                intent = next((f for f in PAPER_FACTS if f in asked.values()), intent)
            if intent in PAPER_FACTS and names:
                return self._paper_facts(intent, info, names[:SHOW])
            if intent == "similar" and names:
                return self._similar(info, names[0], topic)
            if (
                intent == "top_voted"
                and cue_pattern("figure_cue").search(question)
                and not cue_pattern("votes_cue").search(question)
            ):
                return None  # "which paper has the highest SWE-bench score?": by a figure
            # (votes are the archive's: "which long-context benchmark got the most votes?")
            archive = bool(ARCHIVE_WORDS.search(question) or info.dates) or (
                intent == "top_voted" and bool(cue_pattern("votes_cue").search(question))
            )
            unit = busiest_unit(question)
            # "most prolific authors"; "what was the busiest day?": of the archive, with no
            # topic (there is nothing else to be busy)
            archive = archive or unit == "author" or bool(unit and not topic and intent == "count")
            if intent in ("top_voted", "count") and (names or not archive):
                # "how many parameters ...", "DeepSeek-R1's AIME score": a paper's content
                return None
            if intent == "top_voted":
                return _noted(self._top_voted(info, topic), unmatched, info)
            if intent == "count":
                return _noted(self._count(info, topic, question), unmatched, info)
            if intent == "trend" and not names:  # a named paper's figure is no trend
                return self._trend(info, topic, question)
            if intent == "list" and len(names) > 1 and not topic:
                return self._list_named(info, names[:SHOW])  # "list them", after a count
            if intent in ("list", "recent") and not topic and not names:
                # (each paper with its gist when a summary is asked: "24년 4월 17일
                # 다이제스트 내용 정리해줘" had listed two titles)
                gist = bool(cue_pattern("summary_cue").search(question))
                return _noted(self._list(info, gist=gist), unmatched, info)
            if intent in ("search", "summary") and not topic and not names and info.dates:
                # dates alone: a listing ("summarize the 2023-12-20 digest", "12월 20일자
                # 논문 요약해줘": no paper to summarise, the digest's papers)
                gist = intent == "summary" or bool(cue_pattern("summary_cue").search(question))
                return self._list(replace(info, intent="list"), gist=gist)
        except ToolError:
            return None
        return None

    def _papers_named(self, question: str, info: QuestionInfo) -> list[Paper]:
        """The papers the question names: by name, or the one set aside ("SpargeAttn 말고
        비슷한 거"), or the one a likeness names by what only its summary coins, or the paper
        a name is one word of the description of."""
        names = self.named(info)
        similar = info.intent == "similar"
        if (
            not names
            # (not others of a date: "DeepSeek-R1 말고 2025년 1월에 나온 논문 또 뭐 있음?")
            and (similar or not info.dates)
            and (like := self._set_aside(info))
            and (similar or _others_after(question, [like]))
        ):
            # "SpargeAttn 말고 비슷한 거 있어?", "HyperCLOVA X 테크리포트 말고 한국어 잘하는 LLM
            # 기술보고서 또 뭐 있음?": the paper set aside is the one the others are to be like
            # (itself left out of them); not when the question names the paper they are to
            # be like ("similar to Hymba besides Samba")
            names = [like]
        if (
            info.intent == "similar"
            and not names
            and _likens(SUBJECT.sub(" ", question))  # (not "for like a dollar")
            and (named := self._found_named(info))
        ):
            # "Similar to APG (adaptive projected guidance), ...?", "EM Distillation이랑 비슷한
            # ... 더 있어?": a name only its summary coins, or its title's head, which the
            # search reads as naming the paper
            names = [named]
        if len(names) == 1 and (described := self._described_with(question, names[0])):
            names = [described]  # the paper described, the name one of its words
        return names

    def _read_with_names(
        self,
        question: str,
        info: QuestionInfo,
        names: list[Paper],
        asks_compare: bool,
        on_name: Paper | None,
    ) -> _Reading:
        """What a question naming papers asks, read again with its names masked: the
        intent, the papers it is about (a name may be an example of its topic, or the one
        the others are to be like), and a name whose papers a listing is of."""
        family: str | None = None
        masked = asked_part(_masked(question, info, names))
        # (its cue words outside the names: "Code" of "Long Code Arena" asks no code)
        intent = intents.cued(intents.classify(masked).name, _mask_names(question, names))
        if (
            intent == "similar"
            and not is_korean(question)  # ("같은" asks for papers, "score" may be a topic)
            and cue_pattern("figure_cue").search(question)
            and not set(tokenize(question)) & _similar_words()
        ):
            # "MLMove - how much more humanlike than rule-based bots?" asks a figure:
            # "more ... like" only sounds like "more like this one", and no word of its
            # own asks for papers ("comparable to A?", "A 같은 거" ask with no figure)
            intent = "search"
        if (
            intent == "top_voted"
            and len(names) == 1
            and not VOTES.search(question)
            and not _MOST.search(question)
        ):
            intent = "summary"  # "Stop Regressing 논문 뭐야?": no votes, no ranking asked
        if (
            len(names) == 1
            and intent in ("search", "compare", "summary")
            and cue_pattern("rival_cue").search(question)
        ):
            # "anything faster than SpargeAttn?", "SpargeAttn보다 나은 거 있어?": papers
            # doing what it does, each with how fast (a rival, not its own speedup)
            intent = "similar"
        if info.code_words and intent in CODE_OF_NAMED:
            intent = "code"  # "which of those has code?": the named papers' links
        elif len(names) == 1 and _to_get(question, names[0]):
            intent = "code"  # "how can I get SpargeAttn?": where it is, its links
        elif (
            len(names) > 1
            and intent == "similar"
            and re.search(r"\b(?:vs\.?|versus)\b", SUBJECT.sub(" ", question), re.I)
        ):
            # "LocalMamba vs EfficientVMamba: how much does each beat Vim-Ti ... at similar
            # FLOPs?": two set against each other ("similar" is of the setting)
            intent, asks_compare = "compare", True
        elif len(names) > 1 and intent in ("compare", "search") and VOTES.search(question):
            # "Kimi k1.5랑 DeepSeek-R1 중 누가 추천 더 많아?": their votes, set against
            # each other (names, whatever words they are made of)
            intent, asks_compare = "top_voted", True
        elif (
            len(names) > 1
            and choice_between(question)
            and _CHOOSES_BY.search(question)
            and not VOTES.search(question)  # ("which one of those got the most upvotes?")
            and intent not in PAPER_FACTS  # ("which one has more authors?": counted)
            and not (info.dates or info.dates.relative or _EARLIEST_OF.search(question))
        ):
            # "which one is cheaper to train?", "어느 쪽이 더 빨라?" of the papers named
            # (or pointed back to): the two set against each other on it, not those of
            # them on 'cheaper train'
            intent, asks_compare = "compare", True
        elif (
            len(names) == 1
            and intent in ("search", "list", "code")
            and _YES_NO.match(question)
            and (
                self.catalog.author_in(SUBJECT.sub(" ", question))
                or _surname_in(names[0], SUBJECT.sub(" ", question))
            )
        ):
            # "Was Saining Xie involved in BlenderFusion?", "did Dao work on Mamba?"
            intent = "authors"  # its authors
        info = replace(info, intent=intent, wants_list=intent in ("list", "recent"))
        if (
            intent in SET_INTENTS
            and not (len(names) > 1 and asks_compare)
            and not self._one_paper(question, info, names)
            and not _its_votes(question, names)
        ):
            # (not names set against each other: "Depth Anything vs Depth Anything V2:
            # which got more upvotes?" names two papers, whatever words they are made of)
            # "papers on web agents with world models": a topic (but "tell me about the
            # LLM in a flash paper" asks about the one paper its title's head names)
            names = [p for p in names if not _by_head_only(p, question)]
        family = self._family_asked(info, names) if intent in ("search", "list") else None
        if family:
            # "which Phi-4 reports are in the archive?": the papers its titles name
            intent = "list"
            info = replace(info, intent=intent, wants_list=True, title_words=(family,))
        counts = intent == "count" and cue_pattern("count_cue").search(question)
        listed = intent in ("search", "list") or (intent == "count" and not counts)
        if (
            # (a report, a new one: "A 테크리포트 말고 ... 기술보고서 또 뭐 있음?", "A처럼
            # ... 새로운 카메라 궤적으로 ... 논문 또 있나?" ask for others all the same)
            (listed or intent in ("summary", "recent")) and _others_after(question, names)
        ) or (
            listed
            and (
                _other_like(question, names)
                # "DA-Code 비슷한 데이터 사이언스 에이전트 벤치마크 더 알려줘": the paper
                # named first, then the word asking for papers like it
                or (
                    (like := _LIKE_IT.search(question))
                    and not _likens_figures(question)
                    # ("Tina처럼 LoRA로 RL 돌리면 비용 얼마나 들어?": doing as it did, a
                    # figure)
                    and not (like.group(0) == "처럼" and _asks_a_figure(question))
                    and _named_first(names[0], topic_words(question, info, names), question)
                    and _first_written(names[0], question) < like.start()
                )
            )
        ):
            # "Is there other work like LLaDA-V, i.e. ...?": papers like the one named,
            # however near a topic search the rest of its words read ("Are there other
            # papers that ...?" near a count, asking no number)
            intent = "similar"
            info = replace(info, intent=intent, wants_list=False)
        if intent == "similar" and _more_of_it(question):
            # "What else did they find about data access?": more of the paper's own
            intent = "search"
            info = replace(info, intent=intent, wants_list=False)
        if intent == "similar" and _like_another(question, names):
            # "NeuFlow - what fps does it reach on edge platforms like Jetson?": an
            # example of something else, no papers like the one named
            intent = "search"
            info = replace(info, intent=intent, wants_list=False)
        if intent == "similar" and info.title_words:
            # "papers with Phi-4 in the title": the papers its titles name, not the ones
            # like it (read as "papers like A" once the name is masked)
            intent = "list"
            info = replace(info, intent=intent, wants_list=True)
        if intent in SET_INTENTS and info.title_words:
            names = []  # "which paper with Mamba in the title ...": words of titles
        topic = topic_words(question, info, names)
        # an aspect of two words or more ("vector graphics") beside a name may be what
        # the question is about, the name one example of it
        aspect = (
            bool(names) and _content_words((_aspect(names[0], topic, question) or "").split()) > 1
        )
        if (
            aspect
            and (intent == "similar" or self._papers_on(question, info, names, topic))
            and not _SAME_AUTHORS.search(question)
            and not self._of_its_aspect(question, info, names[0])
            # ("TrackGo처럼 ... 제어하는 논문 더 알려줘": others like the one named, which
            # the words of its aspect alone would top)
            and not _others_after(question, names)
            # ("Mixture-of-Depths 비슷한 거, 특히 MLLM에 적용한 것들": papers similar to
            # that paper, named by its name, then on the aspect; not papers on 'MLLM 적용')
            and not (_SIMILAR_TO.search(question) and _named_first(names[0], topic, question))
            # (a paper named by its title is that paper: "along the lines of 'Do NOT
            # Think That Much for 2+3=?' - reasoning models burning tokens ...")
            and names[0].arxiv_id
            not in {
                self.catalog.by_title(question),
                *dict(self.catalog.by_quoted_start(question)).values(),
                # ("Stable Score Distillation 논문 읽어봤는데, 이거처럼 ...")
                *dict(self.catalog.by_title_start(question, QUOTED_HEAD)).values(),
            }
        ):
            # "papers that generate vector graphics like SVG", "SVG 같은 벡터 그래픽 생성
            # 논문 있어?": the name is an example of the topic, not the paper "SVG"
            # (stereoscopic video generation), which is not on it
            names, intent = [], "search"
            info = replace(info, intent=intent, wants_list=False)
        if (
            names
            and intent in ("search", "similar")
            and all(_an_example(p, question) for p in names)
            and not cue_pattern("others_cue").search(question)
            and not _LIKE_IT.search(question)
        ):
            # "Qwen2.5 같은 텍스트 LLM에 붙여서 실시간 음성 대화 ... 구조 나온 거 있어?": how
            # to do something with a kind of model, the name one example of it, not its
            # paper (nor papers like it, which "LLaVA-Scissor 같은 ... 논문 또 뭐 있어?"
            # asks for with a word of its own)
            names, intent = [], "search"
            info = replace(info, intent=intent, wants_list=False)
        if intent == "count" and _PAPERS.search(SUBJECT.sub(" ", question)):
            # "2024년 3월에 Mamba 관련 논문 몇 개?": papers on Mamba, not Mamba's figures
            names = [p for p in names if _named_whole(p, question)]
        if (
            len(names) == 1
            and intent in ("search", "list")
            and not _content_words(_beyond_title(topic, names[0]))
            and info.dates
            and _PAPERS.search(question)
            and intents.asks_for_papers(mask_topic(_masked(question, info, []), _written(names[0])))
        ):
            # "KAN papers in 2024", "2024년 KAN 관련 논문 뭐 있어?": papers on it within
            # those dates (the paper itself among them), not the paper alone
            on_name, names = names[0], []
        if info.code_words and intent not in FILTERED:  # "<paper> 코드 공개돼 있어?"
            info = replace(info, code_words=(), filters=replace(info.filters, has_code=None))
        return _Reading(info, names, intent, asks_compare, on_name, family)

    # -- helpers --------------------------------------------------------------------------

    def _untouched(
        self, question: str, topic: list[str], info: QuestionInfo, filters: Filters
    ) -> bool:
        """No paper of the question's dates passes the relevance gate for the topic words,
        not even as touching on it, and the retrieval finds nothing relevant either (a
        description of one paper passes the latter, not the former)."""
        f = info.filters
        retriever = self.tools.retriever
        gated = retriever.gate_all(" ".join(topic), Filters(f.since, f.until, f.topic))
        if gated.hits or gated.touching:
            return False
        return not retriever.retrieve(question, filters, k=1).relevant

    def _latest_in_language(self, info: QuestionInfo) -> QuestionInfo:
        """ "The latest Korean digest" is the newest digest in Korean, not the newest digest
        (which may be English only); "the first Korean digest" the oldest in Korean."""
        language = digest_language(info.text)
        if language is None:
            return info
        stats = self.catalog.stats()["dates"]
        if info.dates.relative == "latest":
            stats = list(reversed(stats))
        elif not (
            info.dates.since == info.dates.until == self.tools.oldest_date
            and asks_earliest(info.text)
        ):
            return info
        day = next((d["date"] for d in stats if language in d["languages"]), None)
        if day is None or day == info.filters.since:
            return info
        return replace(
            info,
            filters=replace(info.filters, since=day, until=day),
            dates=replace(info.dates, since=day, until=day),
        )

    def _outside(
        self, topic: list[str], query: str, f: Filters, question: str = ""
    ) -> tuple[str, list[str]] | None:
        """A rare topic word no paper of the dates writes, with the papers that do
        (`HybridRetriever.outside`), when every reading of the topic's choices has one. A
        word the question writes only in parentheses is another name of the words before
        it ("diffusion 언어모델(dLLM)"): the dates have the topic when they have those."""
        retriever = self.tools.retriever
        # a paper's name as the whole topic, written by no paper of those dates ("star
        # attention papers from mid-2024?": its plain words are no rare word)
        for pid in self.catalog.by_short_name(query):
            name = self.catalog.papers[pid].name or ""
            if name.lower() == query.strip().lower() and (
                writers := retriever.name_outside(name, f)
            ):
                return name, writers
        # (a word capitalised only as a later sentence's first, "... encoded. After training
        # for one day ...", is a plain word, no name)
        topic = [w.lower() if _opens_a_sentence(w, question) else w for w in topic]
        found = retriever.outside(topic, f)
        asides = _in_asides(topic, question) if found else []
        if found and found[0] in asides:
            rest = [w for w in topic if w not in asides]
            if rest and retriever.outside(rest, f) is None:
                return None
        for reading in choices(query) if found else ():
            if retriever.outside(reading.split(), f) is None:
                return None  # "financial reasoning": these dates have it
        return found

    def _asks_code(self, info: QuestionInfo, topic: list[str]) -> bool:
        """Whether a question rich in topic words asks for one paper's code: read with its
        topic words masked, it asks as a code question does ("Is there a GitHub repo for
        the <topic> <topic> paper?"), and for no set of papers. A question whose content
        has a code word ("GitHub pull requests", "link-graph") asks something else, and so
        does one asked after a colon that describes its paper ("...: what fraction ...?")."""
        if PLURAL_PAPERS.search(info.text):
            return False
        masked = mask_topic(_masked(info.text, info, []), topic)
        # (a phrase of topic words is one <topic>, as the examples write it: "github for the
        # <topic> paper?", not five in a row, which read as nothing an example asks)
        masked = re.sub(r"<topic>(?:\s+<topic>)+", "<topic>", masked)
        # (a clause after "paper" that says what it did describes it: "the code for the
        # <topic> paper that stretched A's context to 16k ...?" asks as "... paper?" does)
        masked = _DESCRIBING_CLAUSE.sub(r"\1", masked)
        head, colon, asked = masked.rpartition(":")
        if colon and head.strip() and asked.rstrip().endswith("?"):
            masked = asked  # "<a benchmark built from 83 GitHub repos>: what fraction ...?"
        read = intents.classify(masked)
        return read.name == "code" and read.similarity >= CODE_ASKED

    def _described_with(self, question: str, named: Paper) -> Paper | None:
        """The paper a question describes in a clause that names another as one of its
        words: "who wrote the paper that scored 50 on AIME with Qwen2.5-32B?" asks for
        DAPO's authors (its digest writes Qwen2.5-32B), not Qwen2.5's. The paper the whole
        question finds first, relevant, writing the name, when the question describes a
        paper (`_DESCRIBES`) and does not name the named one whole or by its id."""
        own = SUBJECT.sub(" ", question)
        if not _DESCRIBES.search(own) or _named_whole(named, own):
            return None
        found = self.tools.retriever.retrieve(question, Filters(), k=1)
        if not found.relevant or not found.hits or found.hits[0].paper == named:
            return None
        top = found.hits[0].paper
        said = [w for w in _written(named) if w.lower() in own.lower()]
        texts = " ".join(text for _, text in top.summary_texts()).lower()
        return top if said and any(w.lower() in texts for w in said) else None

    def _described(self, question: str, names: list[Paper]) -> bool:
        """One paper named, and the one the whole question's words find first."""
        if len(names) != 1:
            return False
        found = self.tools.retriever.retrieve(question, Filters(), k=1)
        return found.relevant and bool(found.hits) and found.hits[0].paper == names[0]

    def _asks_to_compare(self, info: QuestionInfo, names: list[Paper]) -> bool:
        """A question naming fewer than two papers is a comparison only when it asks to
        compare ("compare SageAttention and its successor"), not when it measures one
        paper against a baseline ("compared with GPT-4o, how much better is CrEval?")."""
        masked = _masked(info.text, info, names)
        topic = topic_words(info.text, info, names)
        return intents.asks_to_compare(mask_topic(masked, topic))

    @staticmethod
    def _one_paper(question: str, info: QuestionInfo, names: list[Paper]) -> bool:
        """Whether a topic search naming papers asks about the one its words name, not for
        the papers on a topic those words are a phrase of: with the names as <topic>, its
        nearest way of asking is no "papers" phrasing ("tell me about the <topic> paper")."""
        if info.intent != "search" or len(names) != 1:
            return False
        masked = _masked(question, info, names).replace(" A ", " <topic> ")
        return not intents.asks_for_papers(masked)

    def _no_topic(self, question: str, info: QuestionInfo, topic: list[str]) -> bool:
        """Whether the topic words of a question about the papers of given dates (a count,
        a vote ranking, a listing) are about none of those dates' papers: no paper of
        them passes the relevance gate for the words. Such words ask ("the crowd
        favourite", "how big was the digest, paper-wise", "올라온 논문 수") or name
        something those dates do not have; either way the honest answer is about all of
        their papers, saying so. A named author is a search by author, never this."""
        f = info.filters
        if info.intent not in ("count", "top_voted", "list", "recent"):
            return False
        if not (f.since or f.until) or info.dates.relative or self.catalog.by_handle(question):
            return False
        retriever = self.tools.retriever
        if retriever.retrieve(question, Filters(), k=1).absent:
            return False  # a versioned name no paper mentions ("Gemma 4"): the gate refuses
        # (with code or not: "how many agent papers in December 2024 have code?" has a topic,
        # though none of its papers has code)
        return not retriever.gate_all(" ".join(topic), Filters(f.since, f.until, f.topic)).hits

    def _answerable(
        self, question: str, topic: list[str], filters: Filters, english: bool = True
    ) -> bool:
        """What a topic listing needs before it lists anything: no versioned name no paper
        mentions ("AlphaFold 3"), no figure the papers found do not state ("AI 관련주 뭐
        사야 돼?"), no lesson asked for, and the question, or its topic words alone, passing
        the retrieval's gate (for Korean topic words, gate_all's when `english`: dated
        listings)."""
        retriever = self.tools.retriever
        probe = retriever.retrieve(question, filters, k=1)
        if probe.absent or probe.unstated or probe.tutorial or probe.out_of_scope:
            return False  # (nor a figure no paper found states, a lesson, a pandas question)
        if attributes.asked(question) and not probe.relevant:
            return False  # a figure asked ("AI 관련주 뭐 사야 돼?"), its words alone no topic
        query = " ".join(topic)
        if probe.relevant or retriever.retrieve(query, filters, k=1).relevant:
            return True
        # a Korean topic's evidence is often in English summaries: gate_all reads the
        # English terms of a Korean question (its own and the glossary's) as well
        return english and is_korean(query) and bool(retriever.gate_all(query, filters).hits)

    def _origin(self, info: QuestionInfo, topic: list[str]) -> Routed | None:
        """ "Which paper introduced GRPO?", "who proposed DPO?", "GRPO를 처음 제안한 논문은?":
        of the papers of the dates that write the term, the earliest whose sentence with it
        says it introduces or proposes something (`origin_verb`), else the earliest to write
        it; with its authors when asked who. None when the question asks no origin
        (`origin_cue`) or no paper writes the term."""
        question = info.text
        if info.intent not in ("search", "authors", "list", "count", "summary"):
            return None
        cue = cue_pattern("origin_cue").search(question)
        if cue is None or PLURAL_PAPERS.search(question):  # "papers that proposed ...": a set
            return None
        asking = set(tokenize(cue.group(0)))
        # the term as papers write it, in Latin letters ("GRPO를": GRPO)
        words = [_LATIN_STEM.sub("", w) for w in _naming(topic)]
        words = [w for w in words if _LATIN_TERM.fullmatch(w) and not set(tokenize(w)) <= asking]
        if not words or len(words) > ORIGIN_WORDS:
            return None
        term = " ".join(words)
        rows = self.tools.retriever.lexical.with_all(tokenize(term))
        allowed = self.tools.retriever.allowed(replace(info.filters, has_code=None))
        papers = [
            self.catalog.papers[pid]
            for pid in (self.tools.retriever.ids[i] for i in rows)
            if (allowed is None or pid in allowed) and pid in self.catalog
        ]
        written = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.I)
        verbs = cue_pattern("origin_verb")
        ko = info.korean

        def said(p: Paper) -> tuple[bool, str]:
            """Whether a sentence with the term says it introduces something, and the best
            sentence (in the question's language first)."""
            found = [
                (bool(verbs.search(sent)), lang == ("ko" if ko else "en"), sent)
                for lang, text in p.summary_texts()
                for sent in sentences(text)
                if written.search(sent)
            ]
            if not found:
                return False, ""
            best = max(found, key=lambda x: (x[0], x[1]))
            return best[0], best[2] if best[1] else f"({quote_label(ko)}: {best[2]})"

        # oldest first: the first that introduces something with it, else the first to write
        # it (a common term is in thousands of papers; their sentences are read only so far)
        first, introduces, sentence = None, False, ""
        for p in sorted(papers, key=lambda p: (p.dates[0], p.arxiv_id)):
            verb, sent = said(p)
            if sent and (first is None or verb):
                first, introduces, sentence = p, verb, sent
            if verb:
                break
        if first is None:
            return None
        day, oldest = first.dates[0], self.tools.oldest_date
        # (what the sentence says is the reader's to judge: "extends DPO" proposes no DPO)
        if ko:
            how = "무언가를 도입·제안하는 문장에 처음 쓴" if introduces else "처음 쓴"
            head = f"다이제스트에서 {term}을(를) {how} 논문은 **{first.label}** [1] ({day})입니다: "
            note = f"(다이제스트는 {oldest}부터 있어, 그 이전에 나온 원 논문은 없을 수 있습니다.)"
        else:
            how = " in a sentence that introduces or proposes something" if introduces else ""
            head = f"The earliest paper in the digests to write {term}{how} is **{first.label}** [1] ({day}): "
            note = f"(The digests begin on {oldest}; an origin before that is not in them.)"
        head += sentence
        lines = [head]
        result = self.tools.paper(first.arxiv_id)
        if info.intent == "authors" and (authors := result.data["authors"]):
            who = ", ".join(authors)
            lines.append(f"저자 ({len(authors)}명): {who}" if ko else f"Its authors: {who}.")
        lines.append(note)
        return self._routed(info.intent, info, lines, [first], [result])

    def _routed(self, intent, info, lines, papers: list[Paper], results: list[ToolResult]):
        hits = [Hit(p, 1.0 / (n + 1), 1.0, via="tool") for n, p in enumerate(papers)]
        steps = [
            Step(r.tool, r.arguments, [p.arxiv_id for p in r.papers], result=r) for r in results
        ]
        excluded = contrasted(info)
        if excluded and any(CONTRAST.search(r.arguments.get("query") or "") for r in results):
            # a set the question set against a name: say it was left out ("other than LoRA")
            names = ", ".join(excluded)
            lines = [
                *lines,
                f"(요청대로 {names} 논문은 제외했습니다.)"
                if info.korean
                else f"(Papers named {names} are left out, as asked.)",
            ]
        return Routed(intent, info, "\n".join(lines), hits, steps)

    def _declined(self, intent, info, lines, papers: list[Paper], results: list[ToolResult]):
        """`_routed`, marked refused: what was asked is not in the digests ("most upvoted
        paper on 2025-05-20?", whose English digest gives no votes); the papers it says
        that of are cited, as a paper asked a figure its digests do not give is."""
        routed = self._routed(intent, info, lines, papers, results)
        routed.refused = True
        return routed

    def _unowned(
        self, question: str, names: list[Paper], its_paper: bool = False
    ) -> tuple[str, list[Paper]] | None:
        """A versioned name the question asks about that the digests write but that is no
        paper's own, with the papers that write it ("FlashAttention-3", "Llama 4"); the
        papers named may only be look-alikes, another version ("Gemini" of "Gemini 2.5").
        `its_paper`: asked as "the <name> paper", also a name many papers write as a
        baseline, none as its own ("DeepSeek-V2 원논문": DeepSeek-V3 writes it throughout)."""
        retriever = self.tools.retriever
        for name in versioned_names(SUBJECT.sub(" ", question)):
            if any(not name.lower().startswith((p.name or p.title).lower()) for p in names):
                continue  # a paper named beside it is what is asked about
            writers = retriever.unowned(name)
            if (
                not writers
                and its_paper
                and not retriever.owned(name)
                # ("G2PT 논문 TL;DR": the paper spelling it out introduces it, untitled so)
                and not retriever.introduced(name)
            ):
                writers = retriever.writers(name)  # (none when no paper writes it either)
            if writers:
                if any(_sized(name, p) for p in self.catalog.papers.many(writers)):
                    continue  # a size of a writer's own model ("YOLOv12-X" of YOLOv12)
                return name, self.catalog.papers.many(writers[:MENTIONS_SHOWN])
        return None

    def _original_unowned(
        self, question: str, names: list[Paper]
    ) -> tuple[str, list[Paper]] | None:
        """A name whose original paper the question asks about ("the original ReAct paper",
        "ELECTRA 원 논문 기준으로") when no paper of the archive is named so, with the papers
        that write it: they build on it or measure against it, none is its paper."""
        retriever = self.tools.retriever
        own = _written_names(names)
        for m in _ORIGINAL_OF.finditer(SUBJECT.sub(" ", question)):
            name = next(g for g in m.group("titled", "en", "was", "ko") if g)
            if m.group("en") and not m.group("paper"):
                continue  # "than the original Transformer", "the original Korean summary":
                # a baseline or a word, not a question about that name's own paper
            if not _NAME_SHAPED.search(name) and english_word(name.lower()):
                continue  # "Attention Is All You Need 원 논문": a title's word, no name
            if self.catalog.by_short_name(name) or name.lower() in own:
                continue  # "the original Mamba paper": the archive's own
            if retriever.title_opens_with(name):
                continue  # "원래 Mixtral 논문": its paper by its title ("Mixtral of Experts")
            if _AGAINST.match(question[m.end() :]) or _THAN.search(question[: m.start()]):
                continue  # "원래 SAM 논문 대비 몇 배?", "than the original X paper": a baseline
            if writers := retriever.writers(name):
                return name, self.catalog.papers.many(writers[:MENTIONS_SHOWN])
        return None

    def _titled_one(self, question: str, info: QuestionInfo) -> Paper | None:
        """The one paper whose title opens with the one name the question asks of (its
        authors, links, dates), if any: "Llama 3 누가 만들었어?" asks of "The Llama 3 Herd
        of Models", not of LLaMA-Berry, which retrieval ranks first for "Llama"."""
        if not (name := self._asked_name(question, info, [])):
            return None
        pid = self.tools.retriever.titled_writer(name)
        return self.catalog.papers[pid] if pid else None

    def _asked_name(self, question: str, info: QuestionInfo, names: list[Paper]) -> str | None:
        """The one coined name (with its version) that is all the question, or its first
        part, asks of, with asking words beside it ("What is CogVideoX?", "Tacotron 2 누가
        만들었어?", "gelu가 뭐야? 수식이 어떻게 돼?"), if any."""
        if (name := self._name_asked(question, info, names)) is not None:
            return name
        parts = [p for p in intents.clause_parts(question) if p.strip()]
        if len(parts) < 2:
            return None
        # (read with the part's own asking words: "Who created TruthfulQA and what exactly
        # does it measure?" asks its authors first)
        part = replace(info, intent=intents.classify(parts[0]).name)
        return self._name_asked(parts[0], part, names)

    def _name_asked(self, question: str, info: QuestionInfo, names: list[Paper]) -> str | None:
        """`_asked_name` of the question as a whole."""
        topic = topic_words(question, info, names)
        if len(topic) > 1:  # a word saying what kind of thing the name is ("ImageNet
            # 데이터셋은 누가 만들었어?", "the HellaSwag benchmark") asks nothing of its own
            topic = [w for w in topic if not _kind_word(w)] or topic
        if len(topic) > 1:  # a name of several words with its version ("Stable Diffusion 3")
            words = " ".join(topic)
            whole = [v for v in versioned_names(question) if v.startswith(f"{words} ")]
            topic = whole[:1] if whole and _LATIN_WORDS.fullmatch(words) else topic
            if (
                len(topic) > 1
                and _LATIN_WORDS.fullmatch(words)
                and not all(english_word(w.lower()) for w in topic)
                and not self.catalog.by_author(words)  # (not "Ilya Sutskever")
                and self.tools.retriever.writers(words)
            ):
                topic = [words]  # or without one, coined and written so ("Swin Transformer")
        if len(topic) != 1 or not (m := _LATIN_NAME.fullmatch(topic[0])):
            return None
        name = m["name"]
        # (with its version: "Tacotron 2", whose "2" is no topic word)
        name = next((v for v in versioned_names(question) if v.startswith(f"{name} ")), name)
        if not re.search(r"[A-Za-z가-힣]{2}", question.replace(name, " ").replace(topic[0], " ")):
            return None  # "InternVL-3는?": what about it, of what was asked before
        if name.islower() and not english_word(name):
            # typed in lower case ("winogrande가 뭐임?"), as the papers write it: "WinoGrande"
            name = self.tools.retriever.written_form(name) or name
        coined = _NAME_SHAPED.search(name) or (name[0].isupper() and not english_word(name.lower()))
        return name if coined else None  # (a word: "What is quantization?"; "Synthea" is a name)

    def _defined_unowned(
        self, question: str, info: QuestionInfo, names: list[Paper]
    ) -> tuple[str, list[Paper]] | None:
        """A coined name the question asks what it is, or its paper's authors, links or
        dates, and nothing else ("What is CogVideoX?", "CogVideoX가 뭐야?", "who wrote
        CogVideoX?", "LambdaMART가 뭐야?"), when papers write it and no paper of the archive
        is named so, no title writes it, no paper writes it more than all others together
        and none says it introduces it (ACTalker, ToP, TPO are their papers'), with the
        papers that write it: they use it or measure against it, none says what it is the
        way its own paper would (LiFT fine-tunes CogVideoX-2B; one paper names LambdaMART
        among its rankers). However few papers write it: which one's own it is, is read
        from what they write, not from how many they are."""
        if names or info.asks_set or cue_pattern("origin_cue").search(question):
            return None  # ("CogVideoX papers?": papers on it; "who proposed GRPO?": the
            # earliest paper introducing it)
        if info.intent not in ("summary", "search", *PAPER_FACTS) or (
            info.intent == "search" and _A_PAPER.search(question)
        ):
            return None  # ("FlashAttention-3 논문 뭐 있어?": papers on it)
        if not (name := self._asked_name(question, info, names)):
            return None
        if info.dates and _dated_with(question, info, name):
            return None  # ("2024년 CogVideoX 논문": papers on it in those dates; not "SwiGLU가
            # 뭐야? 왜 요즘 LLM들이 다 이걸 써?", whose "요즘" is of another part)
        if self.catalog.by_short_name(name):
            return None
        retriever = self.tools.retriever
        writers = retriever.writers(name)
        if not writers:
            return None  # (a name no paper writes: `absent_names` says so)
        if retriever.owns(name):
            return None  # a paper's own: its title, how often it writes it, or it says so
        return name, self.catalog.papers.many(writers[:MENTIONS_SHOWN])

    def _no_own_paper(self, info: QuestionInfo, name: str, papers: list[Paper]) -> Routed:
        """ "Summarize the FlashAttention-3 paper": no digest covers it; the papers that
        mention it are cited, each with the sentence that does. Declined: what was asked
        is not in the digests."""
        ko = info.korean
        if ko:
            lines = [f"다이제스트에 {name} 자체를 다룬 논문은 없습니다. {name}을(를) 언급한 논문:"]
        else:
            lines = [f"No digest covers a paper on {name} itself. Papers that mention it:"]
        pattern = name_pattern(name)
        for n, p in enumerate(papers, start=1):
            said = _sentences_writing(p, pattern, ko)[:1]
            lines.append(
                f"- **{p.label}** [{n}] ({', '.join(p.dates)})" + "".join(f": {s}" for s in said)
            )
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        return self._declined("summary", info, lines, papers, results)

    def _which_paper(self, info: QuestionInfo, several: bool = False) -> Routed:
        """ "Who wrote it?" when no paper was named before: ask which, do not guess (its
        asking words, "wrote", would otherwise find a paper with them in its title). And
        `several`: "그 중에 제일 투표 많이 받은 건?" when the answer before listed none."""
        if several:
            text = (
                "어떤 논문들 중에서인지 알려 주세요: 앞의 답에는 논문이 없었습니다. "
                "날짜, 주제 또는 논문 이름을 넣어 다시 물어봐 주세요."
                if info.korean
                else "Of which papers? The answer before listed none: ask again with a date, "
                "a topic or the papers' names."
            )
        else:
            text = (
                "어느 논문을 말씀하시는지 알려 주세요: 제목, 이름(예: SpargeAttn) 또는 arXiv id."
                if info.korean
                else "Which paper do you mean? Name it: a title, a short name (e.g. SpargeAttn) "
                "or an arXiv id."
            )
        routed = self._routed(info.intent, info, [text], [], [])
        routed.refused = True
        return routed

    def _in_all(
        self, since: str | None, until: str | None, f: Filters, ko: bool, language=None
    ) -> tuple[str, ToolResult]:
        """How many papers the dates hold in all, as a topic's count or listing says it
        (" (of 469 papers in all)"), and the count_papers result it comes from."""
        everything = self.tools.count_papers(
            since, until, f.topic, has_code=f.has_code, language=language
        )
        n_all = everything.data["total"]
        return (f" (전체 {n_all}편 중)" if ko else f" (of {_n_papers(n_all)} in all)"), everything

    def _apart(self, info: QuestionInfo, words: list[str]) -> Routed:
        """A topic whose rare words no paper has together: a refusal that says so."""
        routed = self._routed(info.intent, info, [apart(info.korean, words)], [], [])
        routed.refused = True
        return routed

    def _no_digests(self, info: QuestionInfo, f: Filters, result: ToolResult) -> Routed:
        """No digest within the question's dates: a refusal that names the nearest digests
        ("yesterday" was a Sunday) or the archive's dates."""
        text = refusal(info.korean, f, self.catalog.dates())
        routed = self._routed(info.intent, info, [text], [], [result])
        routed.refused = True
        return routed

    def _counted_in(self, f: Filters, ko: bool) -> str:
        """Where a count counts: its dates ("2024-12-01 – 2024-12-31"), or the archive."""
        return _span(f) if (f.since or f.until) else ("전체 아카이브" if ko else "the archive")

    def _membership(self, info: QuestionInfo) -> Routed | None:
        """ "Was Phi-4 among them?", "그 중에 Phi-4 있어?": whether a paper the question
        names is one of the papers the previous answer gave (its subject), yes or no, with
        the paper's digest and votes, from the store."""
        subject = _subject_ids(info.text)
        if not subject or not _AMONG.search(SUBJECT.sub(" ", info.text)):
            return None
        asked = self._own_names(info)
        if len(asked) != 1:
            return None
        p, ko = self.catalog.papers[asked[0]], info.korean
        result = self.tools.paper(p.arxiv_id)
        votes = f", {_votes(p.votes, ko)}" if p.votes is not None else ""
        if p.arxiv_id in subject:
            at = subject.index(p.arxiv_id) + 1
            text = (
                f"네, **{p.label}** [1]은(는) 앞의 논문 {len(subject)}편 중 {at}번째입니다"
                f" ({p.dates[0]}{votes})."
                if ko
                else f"Yes: **{p.label}** [1] is #{at} of the {len(subject)} papers above"
                f" ({p.dates[0]}{votes})."
            )
        else:
            above = (
                (
                    "앞의 논문이 아닙니다"
                    if len(subject) == 1
                    else f"앞의 논문 {len(subject)}편에 없습니다"
                )
                if ko
                else (
                    "the paper above"
                    if len(subject) == 1
                    else f"among the {len(subject)} papers above"
                )
            )
            text = (
                f"아니요, **{p.label}** [1]은(는) {above} ({', '.join(p.dates)} 다이제스트)."
                if ko
                else f"No: **{p.label}** [1] is not {above}"
                f" (it is in the digest of {', '.join(p.dates)})."
            )
        return self._routed("paper", info, [text], [p], [result])

    def _dates(self, info: QuestionInfo) -> Filters:
        """The question's dates; none: the newest digest's day."""
        f = info.filters
        if f.since or f.until:
            return f
        newest = self.tools.newest_date
        return Filters(newest, newest, f.topic, f.has_code)

    # -- intents --------------------------------------------------------------------------

    def _paper_facts(self, intent: str, info: QuestionInfo, papers: list[Paper]) -> Routed:
        """A paper's metadata as asked: its votes, authors, dates or code links, and the others the
        question asks for in parts of its own ("who wrote LIMO and how many votes did it
        get?": both), from the store."""
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        lines: list[str] = []
        links: dict[str, str] = {}
        one = len(papers) == 1
        read = self._parts_read(info, papers)
        facts = [intent, *(f for f in _more_facts(info.text, read.values()) if f != intent)]
        hf = _asks_hugging_face(info.text)
        for fact in facts:
            if fact == "votes" and not one and all(p.votes is None for p in papers):
                lines.append(_no_votes(papers, info.korean))  # said once, not once per paper
                continue
            for n, (p, r) in enumerate(zip(papers, results, strict=True), start=1):
                lines.append(_fact_line(fact, n, p, r, info.korean, one, links, hf))
        part = _content_part(read) if one else None
        if part:
            # "who wrote it, and how well did the attack work?": its summary answers the rest
            sent = self.extractive.best(part, papers[0], info.korean, 1)[0]
            lines.append(f"**{papers[0].label}** [1]: {sent}")
        if intent == "code" and len(papers) > 1:
            return self._code_of_many(info, papers, results, links)
        routed = self._routed(intent, info, lines, papers, results)
        routed.links = links
        # votes asked alone of papers whose digests give none, or code of a paper whose
        # digests link none ("github link for the Qwen3 technical report?"): declined, the
        # papers cited
        routed.refused = not part and (
            (facts == ["votes"] and all(p.votes is None for p in papers))
            or (facts == ["code"] and not any(key.startswith("⟦links") for key in links))
        )
        return routed

    def _parts_read(self, info: QuestionInfo, papers: list[Paper]) -> dict[str, str]:
        """The parts of a question in parts (none: {}), each -> its intent, read with the
        papers it names masked."""
        own = SUBJECT.sub(" ", info.text)
        parts = [p for p in intents.clause_parts(own) if len(p.split()) >= intents.CLAUSE_WORDS]
        if len(parts) < 2:
            return {}
        # (each part as the whole is read: "which base model did they train on?" asks no
        # code, having no word that does; a part asking what digests rarely state asks of
        # the paper's content, whatever it reads as: "can I use the weights commercially?"
        # asks its license, not for its weights)
        return {
            p: "search"
            if attributes.asked(p)
            else intents.cued(intents.classify(_masked(p, info, papers)).name, p)
            for p in parts
        }

    def _code_of_many(self, info, papers: list[Paper], results, links: dict[str, str]) -> Routed:
        """Which of several papers have links: how many, those with links (each its own line),
        then the rest in one line. `links`: ⟦linksn⟧ -> the nth paper's links."""
        ko = info.korean
        linked = [n for n in range(len(papers)) if f"⟦links{n + 1}⟧" in links]
        order = linked + [n for n in range(len(papers)) if n not in linked]
        papers, results = [papers[n] for n in order], [results[n] for n in order]
        links = {f"⟦links{new}⟧": links[f"⟦links{old + 1}⟧"] for new, old in enumerate(linked, 1)}
        lines = [
            f"{len(papers)}편 중 {len(linked)}편에 GitHub / Hugging Face 링크가 있습니다."
            if ko
            else f"{len(linked)} of the {len(papers)} papers have a GitHub or Hugging Face link"
            " in the digests."
        ]
        lines += [
            f"- **{papers[n - 1].label}** [{n}]: ⟦links{n}⟧" for n in range(1, len(linked) + 1)
        ]
        rest = [f"**{p.label}** [{n}]" for n, p in enumerate(papers, start=1)][len(linked) :]
        if rest:
            lines.append(("링크 없음: " if ko else "No link: ") + ", ".join(rest))
        routed = self._routed("code", info, lines, papers, results)
        routed.links = links
        return routed

    def _similar(self, info: QuestionInfo, paper: Paper, topic: list[str]) -> Routed:
        """The paper's nearest papers; with topic words ("비슷한 그로킹 논문", "SwiftEdit-like
        fast editing"), those among its nearest that have them first."""
        about = _aspect(paper, topic, info.text)
        f = info.filters  # "papers like it since 2025-01": newer work like it
        result = self.tools.similar(
            paper.arxiv_id, limit=_top_n(info.text), about=about, since=f.since, until=f.until
        )
        ko = info.korean
        lines = [
            f"**{paper.label}** [1]와 비슷한 논문:"
            if ko
            else f"Papers similar to **{paper.label}** [1]:"
        ]
        family = set(result.data.get("family", ()))
        named = "; 제목에 이름이 들어간 후속·관련 연구" if ko else "; its name in the title"
        # ("papers similar to LayerTracer besides StarVector?": not the one set aside)
        aside = self._aside_ids(info)
        shown = [p for p in result.papers if p.arxiv_id not in aside]
        # (most alike first, by its vector and its words: no one number says how alike),
        # each with its sentence on the question, so one sees how; a rival asked for
        # ("anything faster than SpargeAttn?", "SpargeAttn보다 빠른 거") with its figure
        rival = bool(cue_pattern("rival_cue").search(info.text))
        for n, p in enumerate(shown, start=2):
            why = named if p.arxiv_id in family else ""
            sent = self.extractive.listed(info.text, p, ko, figure=rival, gist=True)
            lines.append(f"- **{p.label}** [{n}] ({', '.join(p.dates)}{why}): {sent}")
        return self._routed("similar", info, lines, [paper, *shown], [result])
