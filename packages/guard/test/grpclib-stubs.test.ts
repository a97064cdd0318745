import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// A gRPC stub's own "no limit" (session 32, guard-py32): betterproto's `ServiceStub.__init__(channel, *, timeout=None,
// deadline=None)` keeps both on `self`, returns them from a method in a dictionary of keyword arguments, and every RPC
// splats that dictionary into grpclib's `channel.request`, where None is no deadline (README "A wait's own "no limit"
// default": an object's kept None is real). The request methods' own `timeout=None` ("use the stub's") stays silent.

const STUB = [
  "from typing import TYPE_CHECKING, Optional",
  "import grpclib.const",
  "if TYPE_CHECKING:",
  "    from grpclib.client import Channel",
  "    from grpclib.metadata import Deadline",
  "",
  "class ServiceStub:",
  "    def __init__(",
  "        self,",
  '        channel: "Channel",',
  "        *,",
  "        timeout: Optional[float] = None,",
  '        deadline: Optional["Deadline"] = None,',
  "    ) -> None:",
  "        self.channel = channel",
  "        self.timeout = timeout",
  "        self.deadline = deadline",
  "",
  "    def __resolve_request_kwargs(self, timeout, deadline):",
  "        return {",
  '            "timeout": self.timeout if timeout is None else timeout,',
  '            "deadline": self.deadline if deadline is None else deadline,',
  "        }",
  "",
  "    async def _unary_unary(self, route, request, response_type, *, timeout: Optional[float] = None, deadline=None):",
  "        async with self.channel.request(",
  "            route,",
  "            grpclib.const.Cardinality.UNARY_UNARY,",
  "            type(request),",
  "            response_type,",
  "            **self.__resolve_request_kwargs(timeout, deadline),",
  "        ) as stream:",
  "            await stream.send_message(request, end=True)",
  "            return await stream.recv_message()",
];

describe("a stub's kept None handed to grpclib's channel through a returned keyword dictionary", () => {
  it("reports the constructor's timeout=None and deadline=None, not the request method's own", async () => {
    expect(await findingLines("betterproto/grpc/client.py", STUB.join("\n"))).toEqual([
      "12: no-unbounded-timeout",
      "13: no-unbounded-timeout",
    ]);
  });

  it("reports the None handed straight to a channel the class made, and a call's own timeout=None there", async () => {
    const source = [
      "from grpclib.client import Channel",
      "class Client:",
      "    def __init__(self, host, timeout=None):",
      "        self._channel = Channel(host, 50051)",
      "        self._timeout = timeout",
      "    async def call(self, route, request, reply):",
      "        async with self._channel.request(route, None, request, reply, timeout=self._timeout) as stream:",
      "            return await stream.recv_message()",
      "    async def once(self, route, request, reply):",
      "        async with self._channel.request(route, None, request, reply, timeout=None) as stream:",
      "            return await stream.recv_message()",
    ];
    expect(await findingLines("client.py", source.join("\n"))).toEqual([
      "3: no-unbounded-timeout",
      "10: no-unbounded-timeout",
    ]);
  });

  it("stays silent where the receiver is not a grpclib channel or the dictionary is not splatted into a wait", async () => {
    const notChannel = STUB.map((line) => line.replace('channel: "Channel"', "channel").replace("grpclib", "mylib"));
    expect(await findingLines("stub.py", notChannel.join("\n"))).toEqual([]);
    const notSplatted = STUB.map((line) =>
      line.replace(
        "**self.__resolve_request_kwargs(timeout, deadline)",
        "self.__resolve_request_kwargs(timeout, deadline)",
      ),
    );
    expect(await findingLines("stub.py", notSplatted.join("\n"))).toEqual([]);
    // A deadline parameter the object never hands to a wait is not reported at all (no timeout's name).
    const unread = ["class Job:", "    def __init__(self, deadline=None):", "        self.deadline = deadline"];
    expect(await findingLines("job.py", unread.join("\n"))).toEqual([]);
  });
});
