/**
 * The entry a record holds itself under an id, never one it inherits: rubrics and profiles handed in by a
 * library user are plain objects, where `points.toString` would be Object.prototype's function.
 */
export function own<V>(record: Readonly<Record<string, V>> | undefined, id: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
}

/** An empty record on a null prototype, for maps built from ids. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
