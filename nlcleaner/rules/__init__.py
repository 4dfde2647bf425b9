"""Rule packs: the data model, the loader, and the built-in catalogue."""

from .loader import builtin_pack_paths, load_pack, load_packs
from .model import CATEGORIES, KINDS, Pack, Rule, selected

__all__ = ["CATEGORIES", "KINDS", "Pack", "Rule", "builtin_pack_paths", "load_pack", "load_packs", "selected"]
