"""Imports every command module so that each registers itself on the app."""

from . import clean_cmd  # noqa: F401
from . import check_cmd  # noqa: F401  (check, fix)
from . import explain_cmd  # noqa: F401
from . import rules_cmd  # noqa: F401
from . import eval_cmd  # noqa: F401
from . import config_cmd  # noqa: F401
from . import learn_cmd  # noqa: F401
