"""A question's sentences: the statements that set it up and the sentences that ask.

"Tencent released a huge open-source MoE called Hunyuan-Large. What did it score on MMLU?"
asks a score; its first sentence is context, not what it asks (no code asked by "released",
no GPU count by "GPU hours are tight" in "... and GPU hours are tight. Which paper ...?").
"""

from __future__ import annotations

import re


def asked_part(text: str) -> str:
    """The sentences of `text` that ask, when statements come before them: "Tencent
    released a huge open-source MoE called <name>. What did it score on MMLU?" asks a
    score, not for code; a statement is the question's context, not what it asks."""
    return context_and_asked(text)[1]


def context_and_asked(text: str) -> tuple[str, str]:
    """`text` as its statements (context: "" when none) and the sentences that ask
    (`asked_part`)."""
    # (nor is one's own context after the question: "Any other papers like A? I'm looking
    # into reference-based line art colorization." asks for papers like A)
    if (m := _OWN_CONTEXT_AFTER.search(text)) and "?" in text[: m.start()]:
        text = text[: m.start()]
    parts = _SENTENCE_END.split(text.strip())
    asking = [p for p in parts if p.rstrip().endswith("?")]
    if not asking or len(asking) == len(parts) or not parts[-1].rstrip().endswith("?"):
        return "", text
    return " ".join(p for p in parts if p not in asking), " ".join(asking)


# a statement of one's own after a question mark, to the end: "... ? I'm looking into X."
_OWN_CONTEXT_AFTER = re.compile(
    r"(?<=\?)\s+(?:I|I'm|I am|I've|we|we're|we are|my|our)\b[^?]*$", re.I
)


# a sentence's end: a full stop or "!" after a word of three letters or more (not "e.g.",
# "vs.", "2.5") or after a name masked as "A", before the next sentence
_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=\bA))\s*[.!]\s+(?=\S)")
