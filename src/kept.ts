/**
 * What `make` gives for `key`, made once per isolate and then kept (a number's tel: link, a
 * date's text, a letter's folding). Bounded: past 4,096 keys the map starts again.
 */
export function kept<V>(map: Map<string, V>, key: string, make: (key: string) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    if (map.size >= 4096) map.clear();
    map.set(key, value);
  }
  return value;
}
