// Vite's asset imports used by frameAssets.ts (as in vite/client): each gives the URL of a file.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
declare module '*?url&no-inline' {
  const url: string;
  export default url;
}
