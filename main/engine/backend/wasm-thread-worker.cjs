// The pthread worker of tfjs-backend-wasm's threaded build, started from a file: Node's
// Worker refuses the blob: URL the package would use. The package's worker script already
// has a Node branch; this file only runs it.
'use strict';
const path = require('node:path');

const wasmOut = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');
require(path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js'));
