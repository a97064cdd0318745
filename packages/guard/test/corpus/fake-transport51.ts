// JS `no-hardcoded-timeout`, session 51 (issue 9), from blind set fresh207 (@ledgerhq/hw-transport-mocker): a fake
// built as one object literal whose methods are doubles (four or more, half its entries) waits on nothing: its numbers
// are data a test reads back or ignores. An options object with a callback or two among its settings stays judged.
import Transport from "@ledgerhq/hw-transport";

export const aTransportBuilder = (props?: Partial<Transport>): Transport => {
  return {
    exchangeTimeout: 30000,
    unresponsiveTimeout: 15000,
    deviceModel: null,
    exchange: jest.fn(),
    exchangeBulk: jest.fn(),
    setScrambleKey: jest.fn(),
    close: jest.fn(),
    on: jest.fn(),
    off: jest.fn(),
    send: jest.fn().mockResolvedValue(Buffer.from([0x90, 0x00])),
    ...props,
  } as unknown as Transport;
};

export const connectOptions = {
  timeout: 5000, // expect: no-hardcoded-timeout
  onOpen: jest.fn(),
  onClose: jest.fn(),
  host: "localhost",
  port: 9000,
  retries: 3,
};
