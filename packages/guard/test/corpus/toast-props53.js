// JS `no-hardcoded-timeout`, session 53 (issue 9), from blind set fresh247 (@magento/peregrine): a message shown to
// the user is known by its shape (a severity and a text) wherever it is built, so its `timeout` is how long it stays on
// screen. A protocol message's `type` is not a severity.
import { useMemo } from "react";

export const useSingleWishlist = ({ formatMessage, addProductData }) => {
  const successToastProps = useMemo(() => {
    if (addProductData) {
      return {
        type: "success",
        message: formatMessage({ id: "wishlist.galleryButton.successMessageGeneral" }),
        timeout: 5000,
      };
    }
    return null;
  }, [formatMessage, addProductData]);
  return { successToastProps };
};

export function ping(socket) {
  return socket.request({ type: "ping", message: "are you there", timeout: 5000 }); // expect: no-hardcoded-timeout
}
