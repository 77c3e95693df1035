import * as React from '../../views/jsx-factory';
import type { Shell } from '../../views/shell';

/**
 * The list's ways out of the app (issue 16): the .vcf of what the list shows, "Teilen" to the
 * phone's share sheet, and the printable phone list. The links carry the search `q`, so the file
 * and the printout hold exactly what the list found.
 */
export function ExportActions(props: { shell: Shell; assetId: string; q: string; found?: number }) {
  const { t } = props.shell;
  return (
    <>
      <ExportLinks {...props} />
      {/* Shown by src/client/app.js only where navigator.canShare({ files }) says yes. */}
      <button type="button" class="button" data-share="export-vcf" hidden>
        {t.share}
      </button>
    </>
  );
}

/**
 * The two links that follow the search. Active search swaps only #results, so its answer carries
 * these again as out-of-band swaps (`oob`): the links never export or print a stale selection.
 * After a search they say that they take its `found` contacts, and none when it found none (an
 * empty .vcf reads as a broken file on a phone: UX review).
 */
export function ExportLinks(props: { shell: Shell; assetId: string; q: string; found?: number; oob?: boolean }) {
  const { t, paths } = props.shell;
  const oob = props.oob ? 'true' : undefined;
  // None found: hidden, with their plain words (an active search that finds some sends them anew).
  const found = props.q === '' || props.found === 0 ? undefined : props.found;
  const none = props.q !== '' && props.found === 0;
  return (
    <>
      <a class="button" href={paths.vcf(props.assetId, props.q)} download id="export-vcf" hx-swap-oob={oob} hidden={none}>
        {found === undefined ? t.exportAll : t.exportFound(found)}
      </a>
      <a class="button" href={paths.print(props.assetId, props.q)} id="print-list" hx-swap-oob={oob} hidden={none}>
        {found === undefined ? t.print.link : t.print.found(found)}
      </a>
      {/* How to get the file into iPhone, Android and Outlook: a page of its own (…/help/phone),
          linked right below the buttons (not after the rows), and hidden with them (review). */}
      {props.oob ? <HelpLink {...props} none={none} /> : null}
    </>
  );
}

export function HelpLink(props: { shell: Shell; assetId: string; oob?: boolean; none?: boolean }) {
  const { t, paths } = props.shell;
  return (
    <p class="help" id="export-help" hx-swap-oob={props.oob ? 'true' : undefined} hidden={props.none}>
      <a href={paths.help(props.assetId, 'phone')}>{t.phoneHelp}</a>
    </p>
  );
}
