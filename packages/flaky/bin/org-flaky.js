#!/usr/bin/env node
// Committed shim so the bin exists before the first build; the CLI itself is dist/bin.js.
import "../dist/bin.js";
