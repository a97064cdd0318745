// Outside a test, a prop handed to the package's own component is still judged: the component may make its wait with it.
import { Uploader } from "./Uploader";

export function UploadPage() {
  return <Uploader url="/upload" timeout={5000} />; // expect: no-hardcoded-timeout
}
