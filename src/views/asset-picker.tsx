import type { AssetClaim } from '../session/claims';
import * as React from './jsx-factory';
import type { Shell } from './shell';

export function AssetPicker(props: { shell: Shell; assets: readonly AssetClaim[] }) {
  const { t, paths } = props.shell;
  const collator = new Intl.Collator(t.locale);
  const sorted = [...props.assets].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section aria-labelledby="picker-title">
      <h1 id="picker-title">{t.picker.title}</h1>
      <p>{t.picker.text}</p>
      <ul class="assets">
        {sorted.map((asset) => (
          <li>
            <a class="card-link" href={paths.contacts(asset.id)}>
              {asset.name || asset.id}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
