"""The IR models shared by every stage."""
from policykg.schema.models import (
    Cell,
    ColumnRole,
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
    "Cell", "ColumnRole", "Deadline", "Document", "ExtractionError", "ExtractionResult", "Line", "Precision", "Provenance",
    "Reference", "Role", "SourceText", "Target", "Task", "UnitMention",
]
