/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS worker script */
// The pthread worker of tfjs-backend-wasm's threaded build, started from a file: Node's
// Worker refuses the blob: URL the package would use. The package ships the worker script
// as a string (it has a Node branch); this file runs that string with Node's require.
'use strict';
const path = require('node:path');

const wasmOut = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');
const { wasmWorkerContents } = require(path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js'));
// The package escapes newlines the same way before making its blob: inside the script's
// string literals "\n" has become a real line break.
new Function('require', '__filename', wasmWorkerContents.replace(/\n/g, '\\n'))(require, __filename);
