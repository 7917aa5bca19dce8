// dockerode's per-object modules carry no types of their own; src/util/dockerode-client.ts
// gives them dockerode's published ones where it constructs them.
declare module 'dockerode/lib/container' {
  const Container: unknown;
  export default Container;
}
declare module 'dockerode/lib/image' {
  const Image: unknown;
  export default Image;
}
