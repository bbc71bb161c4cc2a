"""The IR models shared by every stage."""
from policykg.schema.models import (
    Deadline,
    Document,
    ExtractionError,
    ExtractionResult,
    Line,
    Precision,
    Provenance,
    Reference,
    Role,
    SourceText,
    Target,
    Task,
    UnitMention,
)

__all__ = [
    "Deadline", "Document", "ExtractionError", "ExtractionResult", "Line", "Precision", "Provenance",
    "Reference", "Role", "SourceText", "Target", "Task", "UnitMention",
]
