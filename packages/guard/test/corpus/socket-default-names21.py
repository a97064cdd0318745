# Calls of a local whose name is a property every JS object has: none is a standard-library network call.
import pytest
from urllib.request import urlopen


@pytest.mark.parametrize("constructor", [dict, list])
def test_builds(constructor):
    value = constructor()
    return value.__class__


def pick(toString, valueOf, hasOwnProperty):
    return toString(1), valueOf(2), hasOwnProperty(3)


def fetch(url):
    return urlopen(url)  # expect: no-unbounded-timeout
