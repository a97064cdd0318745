# The seed's end-to-end test, fixed: the timeout comes from ORG_ENV (staging: 30 s per attempt),
# and failures are retried with backoff. No literal to copy, nothing for org-guard to refuse.
from org_toolkit.http import StagingSession


def test_proxy_request_via_api_key(staging_url, api_key):
    with StagingSession(base_url=staging_url) as http:
        response = http.get("request", headers={"Authorization": f"Bearer {api_key}"})
    assert response.status_code == 200
