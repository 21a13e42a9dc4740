"""The file spark-submit runs: ``spark-submit --py-files claimcheck.zip submit.py FOLDER FINDINGS`` (docs/scale.md).

The job itself is ``claimcheck.scale.spark.main``; it is imported rather than run as a script,
so that the functions Spark sends to its executors are found there by name.
"""

import sys

from claimcheck.scale.spark import main

if __name__ == "__main__":
    sys.exit(main())
