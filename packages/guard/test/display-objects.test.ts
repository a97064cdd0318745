import { describe, expect, it } from "vitest";
import { findingLines } from "./helpers.ts";

// Session 41's blind sets (issue 9): @syncfusion's `ToastUtility.show` builds a toast's model with a default
// `timeOut: 5000` and hands it to `new Toast(model)` (fresh125); strapi-admin's `Notification` component closes
// itself after `timeout || 2500` and sets `Notification.defaultProps = { notification: { timeout: 2500 } }`
// (fresh123). How long a message stays on screen is a display duration, as `<Toast timeout={3000}>` is.

const toastUtility = (target: string) =>
  [
    "export function show(content, type, timeOut) {",
    "  var model;",
    "  if (typeof content === 'string') {",
    "    model = { content: content, cssClass: type, timeOut: timeOut != null ? timeOut : 5000 };",
    "  } else {",
    "    model = content;",
    "  }",
    `  var handle = new ${target}(model);`,
    "  handle.show();",
    "  return handle;",
    "}",
  ].join("\n");

describe("options handed to a class that shows a message", () => {
  it("a model later handed to new Toast(...) holds a display duration", async () => {
    expect(await findingLines("src/toast.js", toastUtility("Toast"))).toEqual([]);
  });

  it("the same model handed to a client is still a timeout", async () => {
    expect(await findingLines("src/toast.js", toastUtility("HttpClient"))).toEqual(["4: no-hardcoded-timeout"]);
  });

  it("an object written in the call of a notification class holds a display duration", async () => {
    const source = "export const note = new Notification({ title: 'Saved', timeout: 4000 });";
    expect(await findingLines("src/note.js", source)).toEqual([]);
  });

  it("a service named after toasts is not a toast: its timeout stays reported", async () => {
    const source = "export const service = new ToastService({ endpoint: '/toasts', timeout: 4000 });";
    expect(await findingLines("src/service.js", source)).toEqual(["1: no-hardcoded-timeout"]);
  });

  it("a model bound in another function is not the one handed over", async () => {
    const source = [
      "export function options() {",
      "  const model = { timeout: 5000 };",
      "  return fetchJson('/api', model);",
      "}",
      "export function show(model) {",
      "  return new Toast(model);",
      "}",
    ].join("\n");
    expect(await findingLines("src/mixed.js", source)).toEqual(["2: no-hardcoded-timeout"]);
  });
});

const notification = (name: string) =>
  [
    "import React, { useEffect } from 'react';",
    `const ${name} = ({ notification, onClose }) => {`,
    "  const { timeout, message } = notification;",
    "  useEffect(() => {",
    "    const handle = setTimeout(() => onClose(), timeout || 2500);",
    "    return () => clearTimeout(handle);",
    "  }, [timeout]);",
    "  return <div className='notification'>{message}</div>;",
    "};",
    `${name}.defaultProps = {`,
    "  notification: { message: 'Saved', timeout: 2500 },",
    "};",
    `export default ${name};`,
  ].join("\n");

describe("a notification component", () => {
  it("its own timer and its default props say how long it shows", async () => {
    expect(await findingLines("src/Notification/index.jsx", notification("Notification"))).toEqual([]);
  });

  it("a component with another name keeps both findings", async () => {
    expect(await findingLines("src/Poller/index.jsx", notification("Poller"))).toEqual([
      "5: no-hardcoded-timeout",
      "11: no-hardcoded-timeout",
    ]);
  });
});
