// A test renders the package's own test app with inputs: `timeout` is how long AsyncChildrenApp waits before it
// renders its children (@wix/unidriver-common), judged in the component's own file, not where a test hands it over.
import React from "react";
import { render } from "@testing-library/react";
import { AsyncChildrenApp } from "../testing/AsyncChildrenApp";
import { Uploader } from "../Uploader";

describe("the driver", () => {
  it("finds an element the app renders late", async () => {
    const { container } = render(
      <AsyncChildrenApp timeout={30}>
        <div data-testid="late" />
      </AsyncChildrenApp>,
    );
    expect(container).toBeTruthy();
  });

  it("finds it in the compiled form too", () => {
    render(React.createElement(AsyncChildrenApp, { timeout: 20 }, React.createElement("div")));
  });

  it("still judges a callback prop, which runs here", () => {
    render(<Uploader onRetry={() => fetch("/upload", { timeout: 5000 })} />); // expect: no-hardcoded-timeout
  });
});
