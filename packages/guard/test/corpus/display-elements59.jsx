// JS `no-hardcoded-timeout`, session 59 (issue 9), from blind set fresh327 (@magento/venia-ui): the `timeout` prop of
// a toast's emitter (`<ToastEmitter timeout={3000} />`) is how long the toast shows, as a `<Toast>`'s is. A request
// component's timeout prop stays reported.
export const NonDismissable = () => (
  <ToastContextProvider>
    <ToastEmitter type={"info"} timeout={3000} />
    <ToastEmitter message={"Some really long text"} timeout={10000} />
    <ToastContainer />
  </ToastContextProvider>
);

export const Loader = () => <RemoteQuery url="/api/items" timeout={8000} />; // expect: no-hardcoded-timeout
