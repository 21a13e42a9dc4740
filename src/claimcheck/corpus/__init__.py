"""The corpus: claim files in, typed records out, every problem located by file, line and field.

``yamlfile`` reads YAML safely, keeping every scalar as written and the line of every key;
``records`` holds the pydantic models (source, claim, corpus); ``vocabulary`` maps names to
canonical ones and reads relations; ``loader`` walks a claims folder and collects every problem.
"""
