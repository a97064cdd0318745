# Reads the API helper's constant (traced to `tools/api/helper.py`), not the release helper's.
from argparse import ArgumentParser

from tools.api.helper import DEFAULT_TIMEOUT


def parser():
    parsed = ArgumentParser()
    parsed.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    return parsed
