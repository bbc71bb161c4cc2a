"""The IR models shared by every stage."""
from policykg.schema.models import (
    DUE_KINDS,
    Cell,
    ColumnRole,
    Deadline,
    DeadlineKind,
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
    "DUE_KINDS", "Cell", "ColumnRole", "Deadline", "DeadlineKind", "Document", "ExtractionError", "ExtractionResult",
    "Line", "Precision", "Provenance",
    "Reference", "Role", "SourceText", "Target", "Task", "UnitMention",
]
