"""vanilla thread pages as text dumps (work in progress)."""
ADAPTERS = ()
