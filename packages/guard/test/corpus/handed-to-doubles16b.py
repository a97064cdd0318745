# Expected calls built with a test helper's re-export of unittest.mock (taskflow's `from taskflow.test import mock`).
import unittest

from pkg import executor
from pkg.test import mock


class ExecutorTest(unittest.TestCase):
    def setUp(self):
        self.master_mock = mock.MagicMock()
        # Read only in expected calls built with the re-exported `mock.call`: test data.
        self.timeout = 60

    def test_execute(self):
        executor.Executor().execute_task("task")
        expected_calls = [mock.call.Request("task", timeout=self.timeout, result=mock.ANY)]
        self.assertEqual(expected_calls, self.master_mock.mock_calls)

    def test_execute_logged(self):
        # Handed to the code under test beside a mocked logger, never in a record: reported.
        task_timeout = 30  # expect: no-hardcoded-timeout
        executor.Executor(logger=mock.MagicMock()).execute_task("task", timeout=task_timeout)
        self.assertEqual([], self.master_mock.mock_calls)
