// JS `no-hardcoded-timeout`, session 24: which function a timer's callback names follows the block a `let` / `const`
// is declared in. Minified bundles reuse one short name in several blocks of one function: the `n` a stand-in timer
// runs (where `requestIdleCallback` is missing) is not the `n` another block hands to `addEventListener`, so the timer
// races no event; and a poll written twice re-arms the `check` it runs in, not the other one. Kept: a timer whose
// callback is the very function a listener of the same block gets (the handle is kept to be cleared when the event
// comes first), and a timer that settles the wait with what it has when the event is late.
function hydrate(strategy, el, query, run) {
  switch (strategy) {
    case "idle": {
      let n = () => run();
      if ("requestIdleCallback" in window) {
        requestIdleCallback(n);
      } else {
        let handle = setTimeout(n, 200);
        cleanups.add(() => clearTimeout(handle));
      }
      break;
    }
    case "media": {
      const media = window.matchMedia(query);
      if (media.matches) run();
      else {
        let n = (event) => {
          if (event.matches) media.removeEventListener("change", n), run();
        };
        media.addEventListener("change", n);
      }
      break;
    }
  }
}

function waitForExit(child) {
  return new Promise((resolve) => {
    {
      let n = () => {
        child.kill("SIGKILL");
        resolve();
      };
      child.once("exit", n);
      let handle = setTimeout(n, 5000); // expect: no-hardcoded-timeout
      child.on("close", () => clearTimeout(handle));
    }
  });
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const existing = document.querySelector(`script[src="${src}"]`);
    if (existing) {
      const check = () => {
        if (window.Widget) resolve();
        else setTimeout(check, 50);
      };
      check();
      return;
    }
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", () => {
      const check = () => {
        if (window.Widget) resolve();
        else setTimeout(check, 50);
      };
      check();
    });
    script.addEventListener("error", () => reject(new Error("script failed")));
    document.head.appendChild(script);
  });
}

function waitForWidget() {
  return new Promise((resolve) => {
    const check = () => resolve(window.Widget ?? null);
    window.addEventListener("widget-ready", check);
    setTimeout(check, 8000); // expect: no-hardcoded-timeout
  });
}
