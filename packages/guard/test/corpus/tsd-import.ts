// A tsd type test found by its import (tsd never runs the file). Nothing here may be flagged.
import { expectType } from "tsd";
declare function connect(options: { connectTimeout?: number }): Promise<void>;

expectType<Promise<void>>(connect({ connectTimeout: 5000 }));
connect({ connectTimeout: 0 });
