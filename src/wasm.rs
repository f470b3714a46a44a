//! The WebAssembly boundary (see the wasm issue); the only file that knows JavaScript.
