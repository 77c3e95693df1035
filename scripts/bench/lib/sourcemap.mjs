// Decodes a source map's `mappings` (Base64 VLQ), for the bundle breakdown (report.mjs) and the
// profiler (profile.mjs). Hand-written: a few lines, where a library would add a dependency.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line, its segments as [column, source index or -1, name index or -1]. */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const points = [];
    let column = 0;
    for (const segment of line ? line.split(',') : []) {
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        let digit = B64.indexOf(ch);
        const more = digit & 32;
        digit &= 31;
        value += digit << shift;
        if (more) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      if (values.length > 4) name += values[4];
      points.push([column, values.length > 1 ? source : -1, values.length > 4 ? name : -1]);
    }
    lines.push(points);
  }
  return lines;
}
