/** Thrown by long work (reading, scoring, exporting) when its AbortSignal fires. */
export class Cancelled extends Error {}
