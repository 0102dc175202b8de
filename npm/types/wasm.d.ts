// `import wasmUrl from "article-annotator/wasm"`: the WebAssembly file, as the URL a bundler gives a file asset
// (esbuild's `--loader:.wasm=file`, webpack's `asset/resource`); pass it to `init({ module_or_path: wasmUrl })`
// and `configure({ wasm: wasmUrl })`.
declare const url: string;
export default url;
