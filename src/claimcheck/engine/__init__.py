"""The engine: records to rows, rows grouped by each rule's blocking key, the rules run per group.

``findings`` defines what rules see (``Row``, ``Context``) and what they say (``Finding``);
``check`` normalizes, groups and runs; ``rules`` holds one module per rule family. The engine
never reads a file: it sees records and rows only.
"""
