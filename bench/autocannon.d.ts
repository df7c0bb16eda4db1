/** The part of autocannon 9's API that bench/public-pages.ts uses (the package ships no types). */
declare module 'autocannon' {
  type Options = { url: string; connections?: number; duration?: number; overallRate?: number; pipelining?: number };
  type Histogram = { average: number; p50: number; p99: number; max: number };
  type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
