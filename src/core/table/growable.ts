type TypedArray = Float64Array | Int16Array | Uint16Array | Uint32Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** An append-only typed array that doubles its buffer, so rows can stream in without knowing the count. */
export class Growable<T extends TypedArray> {
  private buffer: T;
  length = 0;

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    initialCapacity = 1024,
  ) {
    this.buffer = new make(initialCapacity);
  }

  /** Makes room for `capacity` values at once, so a good estimate avoids every doubling and its garbage. */
  reserve(capacity: number): void {
    if (capacity <= this.buffer.length) return;
    const bigger = new this.make(capacity);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
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
