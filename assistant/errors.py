"""Domain exceptions: raised inside the package, turned into clean messages at the edges."""


class DigestError(Exception):
    """Base class: anything a user can act on. The CLI prints it without a traceback."""


class StoreError(DigestError):
    """The vector store cannot be opened or reached."""


class EmbedderMismatch(StoreError):
    """The store was built by another embedder than the one configured."""


class EmptyStoreError(StoreError):
    """Nothing has been ingested yet."""


class LLMError(DigestError):
    """The LLM call failed (timeout, rate limit, server error, malformed reply)."""


class StoreBusy(StoreError):
    """Another ingest is writing to the store (and we were told not to wait for it)."""
