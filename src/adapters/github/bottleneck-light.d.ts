// plugin-throttling builds on Bottleneck's light build (no Redis clustering); the gate makes its
// own limiter groups from the same build, which the package ships without its own declaration.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
