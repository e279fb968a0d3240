"""Comparisons: two or more papers' figures side by side, which one's is higher, a
paper against the baseline it names, sides no digest covers.

Methods of the router (`Router` inherits them), split out by the intent they answer:
they use its shared helpers (`_routed`, `_declined`, `_apart`, ...) through `self`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.extractive import asks_quantity
from assistant.answer.likeness import (
    _ASKS_A_SET,
    _HOW_DIFFERENT,
    _SPEED,
    _WHICH_SIDE,
    SPEED_WORDS,
    _verdict,
)
from assistant.answer.naming import (
    _beside,
    _capitals_written,
    _first_written,
    _measured_on,
    _names_in,
    _only_aside,
    _side,
    _versions_of,
    _whole_word_in,
    _written,
)
from assistant.answer.routed import (
    _BARE_VERSION,
    _HYPHENATED_NAME,
    _NAME_LIKE,
    _SHARED,
    COMPARE,
    MAX_TOPIC,
    Routed,
)
from assistant.answer.topic import (
    _LATIN_STEM,
    _content_words,
    _label,
    _naming,
    _titled_by,
    topic_words,
)
from assistant.answer.wording import _sentences_writing
from assistant.index.lexical import STOP, tokenize
from assistant.retrieve.hybrid import coined_names, versioned_names
from assistant.text import english_word
from assistant.types import Filters, Paper
from assistant.understand import intents
from assistant.understand.query import QuestionInfo
from assistant.understand.references import SUBJECT


class Comparing:
    """Comparisons: two or more papers' figures side by side, which one's is higher, a"""

    def _compare(self, question: str, info: QuestionInfo, names: list[Paper], filters: Filters):
        """Each paper compared, side by side: its gist and key result, cited [n] in order.

        The papers named (or pointed back to); with fewer than two, the retrieval's first
        relevant papers fill in ("compare SageAttention and its successor").
        """
        papers = list(names[:COMPARE])
        if absent := self.tools.retriever.absent_names(question):
            # "Kimi-VL vs GPT-6": GPT-6 is in no digest. A paper whose name the absent one
            # extends ("Gemini" for "Gemini 3 Ultra") is a look-alike, not what was asked.
            papers = [
                p
                for p in papers
                if not any(a.lower().startswith((p.name or p.title).lower()) for a in absent)
            ]
            if all(_measured_on(p, question) for p in papers):
                return None  # "Llama 5's score on MMLU-Pro vs Llama 3.1?": only the benchmark
                # is in a digest, no side of the comparison (the retrieval says what is not)
            return self._compare_absent(info, papers, absent)
        own = SUBJECT.sub(" ", question)
        written = versioned_names(own) + [
            m for m in _HYPHENATED_NAME.findall(own) if sum(c.isupper() for c in m) >= 2
        ]
        for name in dict.fromkeys(written):
            # "InternVL2-8B-MPO vs Chimera", "SWE-Fixer, SWE-Gym, SWE-RL": a model its
            # paper's title does not name, or names inside it; with two sides found, only
            # a name listed beside them is a third ("Kangaroo vs EAGLE with Vicuna-7B":
            # the setting, no side)
            listed = re.search(rf",\s*{re.escape(name)}|{re.escape(name)}\s*,", own)
            if (
                len(papers) >= COMPARE
                or (len(papers) >= 2 and not listed)
                or any(name.lower() in w.lower() for p in papers for w in _written(p))
            ):
                continue
            pid = self.tools.retriever.writer_of(name)
            if pid and pid not in {p.arxiv_id for p in papers}:
                papers.append(self.catalog.papers[pid])
        if not papers:
            # "DPO vs PPO", "what's the difference between DPO and PPO?": two methods, not
            # two papers; the papers on both answer, not two that happen to rank
            return self._compared_unnamed(question, info, filters)
        if len(papers) == 1 and (against := self._baseline_against(question, info, papers[0])):
            return against  # "SageAttention vs FlashAttention": what its paper reports
        if len(papers) < 2:
            found = self.tools.retriever.retrieve(question, filters)
            if not found.relevant:
                return None
            for hit in found.passing():
                if hit.paper.arxiv_id not in {p.arxiv_id for p in papers}:
                    papers.append(hit.paper)
                if len(papers) >= 2:
                    break
        if len(papers) < 2:
            return None
        # in the order the question names them ("TALE이랑 VeriThinker": TALE is [1]), so
        # that "the second one" after it is the second named; those it does not write last
        # (or by a name its summaries write with the question's capitals: "TALE")
        at = {p.arxiv_id: _first_written(p, own) for p in papers}
        at = {
            p.arxiv_id: n if (n := at[p.arxiv_id]) >= 0 else _capitals_written(p, own, papers)
            for p in papers
        }
        if sum(n >= 0 for n in at.values()) >= 2:  # (none written: in the order found)
            papers.sort(key=lambda p: at[p.arxiv_id] if at[p.arxiv_id] >= 0 else len(own))
        apart = _SHARED.sub(" ", own)  # without what both share
        if len(papers) > 2:  # "A vs B - both patch SAM 2's memory": what both build on, no side
            shared = " ".join(m.group(0) for m in _SHARED.finditer(own))  # (a measure or not)
            sides = [p for p in papers if not (_names_in(p, shared) and not _names_in(p, apart))]
            papers = sides if len(sides) >= 2 else papers
        ko = info.korean
        # "phi-4 vs llama-nemotron ultra on GPQA?": a benchmark's paper named as what they
        # are compared on is the measure, not a third side
        # (and one named only in an aside is no side: "rStar-Coder (Qwen2.5-7B)")
        on = [p for p in papers if _measured_on(p, own) or _only_aside(p, own)]
        if on and len(papers) - len(on) >= 2:
            papers = [p for p in papers if p not in on]
        else:  # a side is no measure ("Qwen2-VL에서 Qwen2.5-VL로 뭐가 바뀌었어?": from, to)
            on = []
        # "compare SeedVR and SeedVR2 on speed": what they are compared on, if anything
        # (read as a comparison, whatever the question's intent: "vs" asks, it is no aspect)
        asked = replace(info, intent="compare")
        ids = {p.arxiv_id for p in papers}
        # (a side named by a word its title writes is no aspect: "Mixtral vs OLMoE")
        # (what both share is the measure when the question asks which side is ahead on
        # it: "둘 다 AIME 2024 점수가 있는데 누가 더 높아?")
        which = _WHICH_SIDE.search(apart) or asks_quantity(apart)
        unshared = question if which else _SHARED.sub(" ", question)
        # (a Korean predicate names no aspect: "메모리 얼마나 줄이는지" is on memory; its
        # syllables would match "이는 16GB ..." of a sentence on no reduction)
        words = [
            w
            for w in _naming(topic_words(unshared, asked, papers))
            if not (_NAME_LIKE.fullmatch(w) and self.tools.retriever.titled_writer(w) in ids)
        ]
        words += [p.label for p in on]
        # with a benchmark's year, which is no topic word ("AIME 2024": written "AIME24")
        words += [
            m.group(0)
            for w in words
            for m in re.finditer(rf"(?<![\w-]){re.escape(w)}[\s'-]?(?:20)?2\d\b", own)
        ]
        aspect = " ".join(words)
        head = f"{len(papers)}편 비교:" if ko else f"Comparing {len(papers)} papers:"
        shown = {p.arxiv_id: self._shown(p, ko, aspect) for p in papers}
        if aspect and (_WHICH_SIDE.search(own) or asks_quantity(own)):
            # "which one cuts KV cache memory more?", "NSA랑 MoBA 속도 향상 수치 비교해줘"
            shown = {
                i: self.extractive.with_result(aspect, self.catalog.papers[i], ko, s)
                for i, s in shown.items()
            }
        # and how well each does, when its sentences state no result: "A vs B for editing
        # with rectified flow", "SDXS랑 SwiftBrush v2 중에 뭐가 나아?" (its FID of 8.77)
        shown = {
            i: self.extractive.with_key_result(self.catalog.papers[i], ko, s)
            for i, s in shown.items()
        }
        # what each states of an attribute asked ("how many training examples did each use?")
        shown = {
            i: self.extractive.stating(own, self.catalog.papers[i], ko, s) for i, s in shown.items()
        }
        if _HOW_DIFFERENT.search(own):
            # "구조적으로 뭐가 달라?", "what changed in the shape model?": how each works
            # (VMamba's Cross-Scan Module), not only its gist and result
            shown = {
                i: self.extractive.with_method(self.catalog.papers[i], ko, s)
                for i, s in shown.items()
            }
        routed = self._side_by_side(info, head, papers, shown)
        speed = bool(_SPEED.search(own))  # "which is faster?": a speed-up, "2.1x", "3배"
        measure = aspect or (SPEED_WORDS if speed else "")
        if measure and _WHICH_SIDE.search(own):
            routed.draft += _verdict(question, measure, papers, shown, ko, "x" if speed else None)
        return routed

    def _missing_side(self, question: str, paper: Paper) -> str | None:
        """The name on the other side of "A or B" from the paper named, when it is written
        as a name (a capital inside it, or a digit) and no paper's text has it at all."""
        for words in _beside(question, paper):
            name = words[0].strip(".,?!")
            coined = re.search(r"[a-z][A-Z]|\d|^[A-Z]{2,}", name)
            if coined and not self.tools.retriever.mentioned(name):
                return name
        return None

    def _unowned_side(self, question: str, paper: Paper) -> str | None:
        """The versioned model name on the other side of "A or B" from the paper named,
        when the digests write it but no paper is its own (many write it, no title does)
        and the paper's own digests do not measure against it ("Llama 3.1" beside
        Qwen2.5)."""
        for words in _beside(question, paper):
            for name in versioned_names(" ".join(words))[:1]:
                if self.tools.retriever.nobodys(name) and not _sentences_writing(
                    paper, _versions_of(name), False
                ):
                    return name
        return None

    def _other_side(self, question: str, paper: Paper) -> Paper | None:
        """The paper on the other side of "A or B" / "A랑 B" / "B vs A" from the one the
        question names, found by the name written there: a short name, a title, the one
        paper whose title writes it ("Mixtral", which many papers write as a baseline), or
        the paper that writes that name most (a name only its summary has: "AdaCache",
        "SWE-Gym" inside its title). Its longest leading words that find a paper win."""
        for words in _beside(question, paper):
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if not re.search(r"[A-Z0-9]", name):
                    continue  # "the single-transformer SAIL": "the" names nothing
                retriever = self.tools.retriever
                found = self.catalog.by_short_name(name) or [self.catalog.by_title(name)]
                pid = next((p for p in found if p), None) or retriever.titled_writer(name)
                if not pid and _sentences_writing(paper, _versions_of(name), False):
                    break  # its own digests measure it against that name: no other paper's
                pid = pid or retriever.writer_of(name)
                if pid and pid != paper.arxiv_id and pid in self.catalog:
                    return self.catalog.papers[pid]
                if versioned_names(name) == [name] and retriever.mentioned(name):
                    break  # "Llama 3.1", which the digests write: "Llama" is another model
        return None

    def _shown(self, p: Paper, korean: bool, aspect: str = "") -> list[str]:
        """A paper's sentences in a comparison: its gist and key result, or, compared on
        an `aspect`, its gist and then its sentences on that aspect."""
        if aspect:
            return self.extractive.gist_and(aspect, p, korean, 2)
        return self.extractive.overview(p, korean)

    def _side_by_side(
        self, info: QuestionInfo, head: str, papers: list[Paper], shown: dict[str, list[str]]
    ):
        """`head`, then one line per paper, cited [n] in order: its `shown` sentences."""
        lines = [head]
        for n, p in enumerate(papers, start=1):
            gist = shown[p.arxiv_id]
            lines.append(f"- **{p.label}** [{n}] ({', '.join(p.dates)}): {' '.join(gist)}")
        results = [self.tools.paper(p.arxiv_id) for p in papers]
        return self._routed("compare", info, lines, papers, results)

    def _described_side(self, question: str, named: Paper, filters: Filters) -> Paper | None:
        """The paper a comparison's other side describes in words, not by a name ("REPA-E vs
        f-distill", "MiniMax-Speech and the Google zero-shot cross-lingual voice transfer TTS
        paper"): the first paper found for that side's words alone, when it is relevant and
        not the named one, and the named paper's digests do not write them all."""
        own = SUBJECT.sub(" ", question)
        words = described_side(own, named)
        if not words:
            return None
        said = [w for w in _written(named) if _whole_word_in(w, own)]
        if said and all(english_word(w.lower()) and (w.istitle() or w.islower()) for w in said):
            return None  # a name that is a word of the language, maybe a word of another
            # phrase ("o1 on the NPR Sunday Puzzle benchmark vs ...": not the Puzzle paper)
        if set(tokenize(words)) <= set(tokenize(named.lexical_text())):
            return None  # what the named paper's digests measure it against ("SageAttention vs
            # FlashAttention", "vs the advanced models"): its baseline, no other paper
        found = self.tools.retriever.retrieve(words, filters)
        if not found.relevant or not found.hits:
            return None
        first = found.hits[0].paper
        if first.arxiv_id == named.arxiv_id or not _describes(words, first):
            return None  # ("SpargeAttn vs full attention": a paper on attention, no side)
        return first

    def _baseline_against(self, question: str, info: QuestionInfo, paper: Paper) -> Routed | None:
        """A comparison of a paper with a name no paper is about that its digests measure
        it against ("SageAttention vs FlashAttention, which is faster?": FlashAttention2 is
        SageAttention's baseline): says so, and quotes the paper's sentences that name it,
        not another paper that happens to rank next. None when the question names no such
        name, or the paper's digests do not write it."""
        written = {w.lower() for w in _written(paper)}
        for name in coined_names(SUBJECT.sub(" ", question)):
            if name.lower() in written or name.lower().startswith((paper.name or "~").lower()):
                continue  # the paper's own name
            if (alone := _BARE_VERSION.fullmatch(name)) and alone["v"]:
                continue  # "RedPajama ... the difference between V1 and V2": its versions
            if self.tools.retriever.owned(name):
                continue  # a paper's own model: compared as a paper
            ko = info.korean
            said = _sentences_writing(paper, _versions_of(name), ko)[:2]
            if not said:
                continue
            head = (
                f"다이제스트에 {name} 자체를 다룬 논문은 없습니다. {paper.label}가 {name}과(와) 비교한 내용:"
                if ko
                else f"No digest covers a paper on {name} itself. What {paper.label} reports "
                f"against it:"
            )
            lines = [head, f"- **{paper.label}** [1] ({', '.join(paper.dates)}): {' '.join(said)}"]
            return self._routed("compare", info, lines, [paper], [self.tools.paper(paper.arxiv_id)])
        return None

    def _compared_unnamed(self, question: str, info: QuestionInfo, filters: Filters):
        """A comparison of two things no paper is named by (a few topic words): None (the
        papers found on both answer it, as any question's), unless none is about either, as
        a textbook question's are not ("LayerNorm이랑 RMSNorm 차이가 뭐야?": DyT replaces
        both, its title names neither, nor any title of the archive; "MLE vs MAP"): then
        declined, saying so, with what the papers that mention them say. A question asking
        for papers or dated asks the archive and is answered as any."""
        if info.filters.since or info.filters.until or _ASKS_A_SET.search(question):
            return None
        found = self.tools.retriever.retrieve(question, filters)
        hits = found.passing() if found.relevant else []
        if not hits or any(h.via != "hybrid" for h in hits):
            return None
        retriever = self.tools.retriever
        words = [_LATIN_STEM.sub("", w) or w for w in topic_words(question, info, [])]
        if _content_words(words) > MAX_TOPIC:
            return None  # a paper described ("how well did the best LMM do ..., and how do
            # humans compare?"), not two things named
        rare = retriever.rare_words(words)
        # (each side as written with the words beside it: "KL divergence" is no title's,
        # though "Ignore the KL Penalty!" writes its "KL")
        side = {word: _side(word, question, words) for word in rare}
        sides = list(dict.fromkeys(side.values()))
        if not rare or any(_titled_by(sides, h.paper.title) for h in hits):
            return None
        # a paper of the archive is about a side ("GRPO vs PPO", "DPO랑 PPO 차이 설명해줘"):
        # the papers found on both answer, as any question's. The sides are its names and
        # terms, not the plain words around them ("estimation" of "MLE and MAP estimation",
        # in many a title); with none, it is answered as before.
        names = [w for w in rare if not english_word(w.lower()) or w[1:].lower() != w[1:]]
        if not names or any(retriever.titled(side[word]) for word in names):
            return None
        ko, papers = info.korean, [h.paper for h in hits[:3]]
        asking = intents.asks_tokens()  # ("차이", "difference": how it asks, no topic)
        label = _label([w for w in words if not set(tokenize(w)) <= asking], question)
        head = (
            f"다이제스트에는 '{label}' 자체를 다룬 논문이 없어 그 비교에는 답할 수 없습니다. "
            f"이를 언급하는 논문:"
            if ko
            else f"No paper in the digests is about '{label}', so they cannot answer that "
            f"comparison. Papers that mention it:"
        )
        shown = {p.arxiv_id: [self.extractive.listed(question, p, ko)] for p in papers}
        routed = self._side_by_side(info, head, papers, shown)
        routed.refused = True
        return routed

    def _compare_absent(
        self, info: QuestionInfo, papers: list[Paper], absent: list[str], written: bool = False
    ):
        """A comparison with a model no digest mentions (or, `written`, one no paper is
        about): says so, and what the digests say of the papers it does name (no
        look-alike filled in). Declined, as a figure the digests do not give is: the
        comparison asked cannot be made from them."""
        ko, missing = info.korean, ", ".join(absent)
        named = ", ".join(p.label for p in papers)
        if ko and written:
            head = (
                f"{missing}은(는) 여러 논문이 언급하지만 그 자체를 다룬 논문은 다이제스트에 "
                f"없어 비교할 수 없습니다. {named}에 대한 내용:"
            )
        elif ko:
            head = f"{missing}은(는) 다이제스트에 없어 비교할 수 없습니다. {named}에 대한 내용:"
        elif written:
            head = (
                f"Papers mention {missing}, but no digest covers a paper on it, so there is "
                f"nothing to compare with. What the digests say about {named}:"
            )
        else:
            head = (
                f"{missing} is in no digest, so there is nothing to compare with. What the "
                f"digests say about {named}:"
            )
        shown = {p.arxiv_id: self._shown(p, ko) for p in papers}
        routed = self._side_by_side(info, head, papers, shown)
        routed.refused = True
        return routed


# the two sides of a comparison: "A vs B", "A versus B", "compare A and B", "A랑 B 비교"
_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.I)
_COMPARE_SIDES = re.compile(r"\bcompare\s+(?P<a>.+?)\s+(?:and|with|to)\s+(?P<b>.+)", re.I)
# where a side's words end: what the question asks of both after a dash, comma, colon or "?",
# and the sentence's own end ("... like Mamba do badly. Is there a design ... to dial the
# state size vs. recall trade-off?": a trade-off, no side named)
_SIDE_END = re.compile(r"\s[-—–]\s|[,—–:;?]|[.!]\s")


def described_side(question: str, named: Paper) -> str:
    """The words of the side of a comparison that does not write `named`'s names, cut at
    what the question asks of both ("... vs the SPIDER multi-organ dataset - what did each
    find?": "the SPIDER multi-organ dataset"); '' when the question has no two sides."""
    parts = _VERSUS.split(question, maxsplit=1)
    if len(parts) != 2 and (m := _COMPARE_SIDES.search(question)):
        parts = [m.group("a"), m.group("b")]
    if len(parts) != 2:
        return ""
    before, after = parts
    before = _SIDE_END.split(before)[-1]  # "compact gaussians: MoDec-GS" -> "MoDec-GS"
    after = _SIDE_END.split(after)[0]
    sides = [side.strip() for side in (before, after)]
    unnamed = [side for side in sides if not _names_in(named, side)]
    return unnamed[0] if len(unnamed) == 1 and len(tokenize(unnamed[0])) >= 1 else ""


SIDE_TITLE_WORDS = 2  # words of a described side a paper's title shares, at least, to be it
# a coined word: a capital, digit or hyphen inside it ("f-distill", "SUNDAE", "KV")
_COINED_WORD = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w-])|\b[A-Z]{3,}\b")


def _describes(side: str, paper: Paper) -> bool:
    """Whether a comparison's side in words is this paper: its title has SIDE_TITLE_WORDS of
    them ("Layer-Condensed KV cache", "the Google zero-shot cross-lingual voice transfer TTS
    paper"), or its digests write a coined word of it ("f-distill", which its summary
    introduces); not a paper that merely ranks first for a baseline's words ("full
    attention", "standard SFT")."""
    words = set(tokenize(side)) - STOP
    if len(words & set(tokenize(paper.title))) >= SIDE_TITLE_WORDS:
        return True
    written = " ".join([paper.title, *(t for _, t in paper.summary_texts())])
    return any(
        _whole_word_in(w, written)
        for w in _COINED_WORD.findall(side)
        if not english_word(w.lower())
    )
