"""newsprism: many outlets' coverage of one event, turned into one cross-checked account."""

from newsprism.errors import NewsprismError
from newsprism.model import SCHEMA_VERSION, Analysis, Document

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Analysis", "Document", "NewsprismError", "__version__"]
