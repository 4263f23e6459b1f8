/** The part of lunar-javascript (ships without types) that care uses: lunar date → solar date. */
declare module 'lunar-javascript' {
  export interface SolarDate {
    toYmd(): string;
  }
  export interface LunarDate {
    getSolar(): SolarDate;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDate };
}
