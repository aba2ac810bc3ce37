type TypedArray = Float64Array | Int16Array | Uint16Array | Uint32Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** An append-only typed array that doubles its buffer, so rows can stream in without knowing the count. */
export class Growable<T extends TypedArray> {
  private buffer: T;
  length = 0;

  constructor(private readonly make: TypedArrayConstructor<T>, initialCapacity = 1024) {
    this.buffer = new make(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new this.make(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = value;
  }

  /** A view trimmed to the pushed length; the builder must not push after this. */
  finish(): T {
    return this.buffer.subarray(0, this.length) as T;
  }
}
