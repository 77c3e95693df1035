import type { AssetClaim } from '../session/claims';

export interface DemoUser {
  key: string;
  sub: string;
  name: string;
  role: string;
  assets: AssetClaim[];
}

const lindenhof12: AssetClaim = { id: 'lindenhof-whg-12', name: 'Lindenhof, Wohnung 12' };
const lindenhof3: AssetClaim = { id: 'lindenhof-whg-3', name: 'Lindenhof, Wohnung 3' };
const seeblick7: AssetClaim = { id: 'seeblick-whg-7', name: 'Seeblick, Wohnung 7' };

/** Demo users for the local dev login (contract §3): co-buyers, another buyer, staff. */
export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'anna', sub: 'demo-anna', name: 'Anna Müller', role: 'customer', assets: [lindenhof12] },
  { key: 'jonas', sub: 'demo-jonas', name: 'Jonas Müller', role: 'customer', assets: [lindenhof12] },
  // A third co-buyer: what two others saved at once (a clash's names per field, one sentence for
  // both in a merge's notice) is seen as the docs' examples describe it (UX walkthrough, stop 77).
  { key: 'lena', sub: 'demo-lena', name: 'Lena Schulz', role: 'customer', assets: [lindenhof12] },
  { key: 'selin', sub: 'demo-selin', name: 'Selin Yıldız', role: 'customer', assets: [lindenhof3, seeblick7] },
  { key: 'petra', sub: 'demo-petra', name: 'Petra Weber (Projektleitung)', role: 'project_manager', assets: [lindenhof12] },
  { key: 'admin', sub: 'demo-admin', name: 'Admin (Projektadministration)', role: 'project_admin', assets: [lindenhof12] },
];
