// Why setting up regions, coordinators and accounts did not go through, in the words the
// caller reads (the API as a problem, the CLI as its message); nothing is half-created.
/** Words in Dutch and in English. */
export type Tekst = Record<'nl' | 'en', string>;

export type Beheersoort = 'ongeldig' | 'bestaat' | 'onbekend' | 'conflict';

export class BeheerFout extends Error {
  constructor(
    readonly soort: Beheersoort,
    readonly tekst: Tekst,
    /** The field it is about, where there is one. */
    readonly veld?: string,
  ) {
    super(tekst.en);
    this.name = 'BeheerFout';
  }
}

export const ongeldig = (veld: string, nl: string, en: string) => new BeheerFout('ongeldig', { nl, en }, veld);
