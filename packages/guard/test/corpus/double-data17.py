# Test data only doubles hold (session 17, guard-pyprec17): values set on a double, dicts that only doubles receive.
import copy
import unittest
from unittest import mock

from service import api, conductor, server


class ClusterUpdateTest(unittest.TestCase):
    def test_update_same_timeout(self):
        # A value set on a double no patch made: the double holds it, handed on only to another such double.
        x_cluster = mock.Mock(id="12345678AB", status="ACTIVE")
        x_cluster.timeout = 10
        fake_db = mock.Mock()
        fake_db.find.return_value = x_cluster
        self.assertEqual("ACTIVE", fake_db.find("FAKE_ID").status)

    def test_action_index(self):
        # A dict only a double no patch made answers with, and compared.
        engine_resp = [
            {
                "action": "NODE_CREATE",
                "timeout": 3600,
            }
        ]
        fake_rpc = mock.Mock()
        fake_rpc.call.return_value = engine_resp
        self.assertEqual(engine_resp, fake_rpc.call("req"))

    @mock.patch.object(conductor.Cluster, "find")
    def test_patched_find_answers_cluster(self, mock_find):
        # review17 item 2: what a patch answers is handed to the code under test that calls the patched function
        # (cluster_update may wait with x_cluster.timeout): reported, as at 9359feb.
        x_cluster = mock.Mock(id="12345678AB", status="ACTIVE")
        x_cluster.timeout = 10  # expect: no-hardcoded-timeout
        mock_find.return_value = x_cluster
        result = conductor.Service().cluster_update("ctx", "FAKE_ID")
        self.assertEqual({"action": "ACTION_ID"}, result)
        mock_find.assert_called_once_with("ctx", "FAKE_ID")

    @mock.patch.object(api.EngineClient, "call")
    def test_patched_call_answers_copy(self, mock_call):
        # The same through a copy: reported.
        engine_resp = [{"action": "NODE_CREATE", "timeout": 3600}]  # expect: no-hardcoded-timeout
        mock_call.return_value = copy.deepcopy(engine_resp)
        result = api.Controller().index("req")
        self.assertEqual(engine_resp, result["actions"])

    @mock.patch.object(api, "load_conf")
    def test_fetch_uses_loaded_conf(self, mock_load):
        # review17 probe: api.fetch_loaded waits with load_conf().timeout.
        conf = mock.Mock()
        conf.timeout = 30  # expect: no-hardcoded-timeout
        mock_load.return_value = conf
        assert api.fetch_loaded("http://localhost:8080/slow").status_code == 200

    @mock.patch.object(api, "load_conf")
    def test_fetch_uses_loaded_dict(self, mock_load):
        # review17 probe: api.fetch_loaded_dict waits with load_conf()["timeout"].
        resp = {"url": "http://localhost:8080/slow", "timeout": 40}  # expect: no-hardcoded-timeout
        mock_load.return_value = resp
        assert api.fetch_loaded_dict().status_code == 200

    @mock.patch.object(server, "Server")
    def test_patched_class_instance_timeout(self, mock_server_cls):
        # A value set on the instance a patched class answers: the code under test uses that instance.
        mock_server_cls.return_value.timeout = 12  # expect: no-hardcoded-timeout
        api.start_server()

    def test_patch_started_side_effect(self):
        # A patch started by hand, answering through side_effect: reported.
        mock_load = mock.patch("service.api.load_conf").start()
        self.addCleanup(mock.patch.stopall)
        mock_load.side_effect = [{"timeout": 45}]  # expect: no-hardcoded-timeout
        api.fetch_loaded_dict()

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
