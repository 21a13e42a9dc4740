"""The claims store: a claims folder parsed once into Parquet, and re-parsed only where a file changed.

``refresh(folder)`` builds or updates ``folder/.claimcheck/store/``; ``open_store(folder)`` opens
it; ``Store.corpus()`` gives back what ``load`` would. ``columns`` says what a stored claim holds.
It needs pyarrow (``pip install 'claimcheck[store]'``); nothing else in claimcheck imports it.
"""

from claimcheck.store.store import (
    FORMAT,
    STORE_FOLDER,
    Refreshed,
    Store,
    is_current,
    open_store,
    refresh,
    remove_store,
    store_path,
)

__all__ = ["FORMAT", "STORE_FOLDER", "Refreshed", "Store", "is_current", "open_store", "refresh", "remove_store",
           "store_path"]
