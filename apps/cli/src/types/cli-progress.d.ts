// cli-progress ships no types; this declares the part of its API that the CLI uses.
declare module "cli-progress" {
  interface BarOptions {
    format?: string;
    stream?: NodeJS.WritableStream;
    clearOnComplete?: boolean;
    hideCursor?: boolean;
    barsize?: number;
  }

  export class SingleBar {
    constructor(options: BarOptions, preset?: object);
    start(total: number, startValue: number): void;
    update(value: number): void;
    stop(): void;
  }

  export const Presets: { shades_classic: object; shades_grey: object; legacy: object; rect: object };

  const cliProgress: { SingleBar: typeof SingleBar; Presets: typeof Presets };
  export default cliProgress;
}
