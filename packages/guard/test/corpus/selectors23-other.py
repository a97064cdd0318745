# No `selectors` import: a `select` method here is some other object's (a query builder's, a widget's).
class Query:
    def __init__(self, session):
        self.session = session

    def first(self):
        query = self.session.query()
        return query.select(1)
