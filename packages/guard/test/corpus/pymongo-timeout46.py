import pymongo
from pymongo import timeout as query_timeout


# maggma's API resources: the constructor's None is kept and applied around every query; pymongo.timeout(None) sets no
# deadline, so each query waits without a limit.
class ReadOnlyResource:
    def __init__(self, store, timeout=None):  # expect: no-unbounded-timeout
        self.store = store
        self.timeout = timeout

    def query(self, criteria):
        with query_timeout(self.timeout):
            return list(self.store.find(criteria))


def insert(coll, doc):
    with pymongo.timeout(5):  # expect: no-hardcoded-timeout
        coll.insert_one(doc)


# The caller's own choice: the function is the wait.
def find(coll, criteria, timeout=None):
    with pymongo.timeout(timeout):
        return coll.find_one(criteria)
