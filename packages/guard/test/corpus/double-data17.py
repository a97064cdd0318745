# Test data only doubles hold (session 17, guard-pyprec17): values set on a double, dicts that only doubles receive.
import copy
import unittest
from unittest import mock

from service import api, conductor, server


class ClusterUpdateTest(unittest.TestCase):
    @mock.patch.object(conductor.Cluster, "find")
    def test_update_same_timeout(self, mock_find):
        # A value set on a double: the double holds it, handed on only to another double.
        x_cluster = mock.Mock(id="12345678AB", status="ACTIVE")
        x_cluster.timeout = 10
        mock_find.return_value = x_cluster
        result = conductor.Service().cluster_update("ctx", "FAKE_ID")
        self.assertEqual({"action": "ACTION_ID"}, result)
        mock_find.assert_called_once_with("ctx", "FAKE_ID")

    @mock.patch.object(api.EngineClient, "call")
    def test_action_index(self, mock_call):
        # A dict only a double answers with, and compared with the result.
        engine_resp = [
            {
                "action": "NODE_CREATE",
                "timeout": 3600,
            }
        ]
        mock_call.return_value = engine_resp
        result = api.Controller().index("req")
        self.assertEqual(engine_resp, result["actions"])

    @mock.patch.object(api.EngineClient, "call")
    def test_action_index_copied(self, mock_call):
        # The same, handed to the double as a copy.
        engine_resp = [{"action": "NODE_CREATE", "timeout": 3600}]
        mock_call.return_value = copy.deepcopy(engine_resp)
        result = api.Controller().index("req")
        self.assertEqual(engine_resp, result["actions"])

    def test_double_settings(self):
        # A dict handed to a call on a double.
        fake = mock.Mock()
        fake.create({"name": "x", "timeout": 5})
        fake.create.assert_called_once_with(mock.ANY)


class KeptReportedTest(unittest.TestCase):
    def test_conf_handed_to_server(self):
        # A double's attribute read by the real server it is handed to: the server may wait with it.
        conf = mock.Mock()
        conf.timeout = 5  # expect: no-hardcoded-timeout
        server.Server(conf).serve_once()

    def test_params_handed_to_real_code(self):
        # A dict handed to the code under test: the real client may wait with it.
        params = {"url": "http://localhost", "timeout": 7}  # expect: no-hardcoded-timeout
        mock_log = mock.Mock()
        api.Client(**params).get(logger=mock_log)

    def test_dict_read_after_double(self):
        # One read goes to a double, another to the code under test: reported.
        spec = {"timeout": 9}  # expect: no-hardcoded-timeout
        mock_call = mock.Mock()
        mock_call.return_value = spec
        server.start(spec)

    def test_double_made_with_data_handed_to_dispatcher(self):
        # The double made with the data is handed to the real dispatcher, which reads it: reported.
        message = {"method": "sleep", "args": {"timeout": 3.5}}  # expect: no-hardcoded-timeout
        incoming = mock.Mock(message=message)
        dispatcher = server.Dispatcher()
        dispatcher.dispatch(incoming)
        self.assertEqual(1, incoming.heartbeat.call_count)

    def test_double_field_handed_to_server(self):
        # A double kept on the test object and handed to the real server from there: reported.
        self.conf = mock.Mock()
        self.conf.timeout = 6  # expect: no-hardcoded-timeout
        server.Server(self.conf).serve_once()
