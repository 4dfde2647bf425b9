"""Reading and writing files: atomic in-place writes (atomic.py)."""
