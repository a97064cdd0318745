# Clock budgets over work done in this process (issue 9, session 11 round 2: nltk's provers, hypothesis' shrinking,
# fresh14's in-process budgets). `expect:` marks each line that must be flagged; every other line must not be.
import socket
import time

# A module constant turned into a deadline that only a computation loop checks: a budget on local work.
MAX_SEARCH_SECONDS = 300


class Prover:
    # A class attribute read as `self.TIMEOUT`, tested for "limit on" and added to the clock for the proof loop.
    TIMEOUT = 60

    def prove(self, clauses):
        deadline = time.monotonic() + self.TIMEOUT if self.TIMEOUT else None
        i = 0
        while i < len(clauses):
            if deadline is not None and time.monotonic() > deadline:
                return False
            clauses.extend(self.resolve(clauses[i], clauses, deadline=deadline))
            i += 1
        return True

    # A function of this file that does not wait: the deadline handed to it stays in local work.
    def resolve(self, clause, clauses, deadline=None):
        if deadline is not None and time.monotonic() > deadline:
            return []
        return [c for c in clauses if c != clause]


class Shrinker:
    def start(self):
        self.finish_deadline = time.perf_counter() + MAX_SEARCH_SECONDS

    def step(self, candidates):
        for candidate in candidates:
            if time.perf_counter() >= self.finish_deadline:
                return None
            simplify(candidate)
        # A string's `join` is no thread's.
        print(", ".join(str(c) for c in candidates))
        return candidates


def simplify(candidate):
    return candidate


# The same shape around a wait: the loop sleeps, receives or takes from a queue, so the budget bounds waiting for
# something outside.
CONNECT_TIMEOUT = 10  # expect: no-hardcoded-timeout


def connect(address):
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while time.monotonic() < deadline:
        try:
            return socket.create_connection(address)  # expect: no-unbounded-timeout
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(address)


class Reader:
    READ_TIMEOUT = 5  # expect: no-hardcoded-timeout

    def drain(self, sock: socket.socket):
        deadline = time.monotonic() + self.READ_TIMEOUT
        chunks = []
        while time.monotonic() < deadline:
            chunks.append(sock.recv(4096))
        return chunks


# Read elsewhere too (handed to a call): not only a deadline, stays reported.
class Worker:
    TIMEOUT = 30  # expect: no-hardcoded-timeout

    def run_once(self, job):
        deadline = time.monotonic() + self.TIMEOUT
        while time.monotonic() < deadline:
            job.step()
        job.finish(self.TIMEOUT)


# Handed to a function the file does not define: what it does with the deadline is not shown, stays reported.
class Poller:
    POLL_TIMEOUT = 20  # expect: no-hardcoded-timeout

    def poll_all(self, conn):
        deadline = time.monotonic() + self.POLL_TIMEOUT
        while time.monotonic() < deadline:
            conn.process(deadline=deadline)
