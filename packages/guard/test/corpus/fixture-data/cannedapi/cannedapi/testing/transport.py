import importlib


class FixtureTransport:
    """Answers each call with the canned data of `cannedapi.fixtures.<service>`."""

    def __call__(self, service, method):
        module = importlib.import_module("cannedapi.fixtures.%s" % service)
        return getattr(module, method)
