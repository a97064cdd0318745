// JS `no-hardcoded-timeout`, session 62 (issue 9), from blind set fresh364 (@strapi/helper-plugin's compiled
// `Notification`): a display component's prop default read by its own timer (`setTimeout(handleClose, timeout)`) is how
// long it stays on screen, as the literal in the timer's delay is. The component is known by its name and the JSX it
// returns, compiled to `jsxRuntime.jsx(...)` calls here. A function that renders nothing keeps its default reported.
const Notification = ({ clearNotification, id, timeout = 2500, title }) => {
  React.useEffect(() => {
    const timeoutReference = setTimeout(() => {
      clearNotification(id);
    }, timeout);
    return () => {
      clearTimeout(timeoutReference);
    };
  }, [clearNotification, id, timeout]);
  return jsxRuntime.jsx("div", { role: "alert", children: title });
};

const Alert = function ({ onClose, title }, timeout = 4000) {
  setTimeout(onClose, timeout);
  return React.createElement("p", null, title);
};

const NotificationPoller = ({
  request,
  timeout = 2500, // expect: no-hardcoded-timeout
}) => {
  const timer = setTimeout(() => request.abort(), timeout);
  return request.done.then(() => clearTimeout(timer));
};

export { Notification, Alert, NotificationPoller };
