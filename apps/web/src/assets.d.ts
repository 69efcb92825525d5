/** `import url from 'file.js?url'`: build.js emits the file with a content hash and gives its URL. */
declare module '*?url' {
  const url: string;
  export default url;
}

/** Stylesheets imported by an entry; esbuild bundles them into the page's CSS file. */
declare module '*.css';
