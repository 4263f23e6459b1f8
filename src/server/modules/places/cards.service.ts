/**
 * Contact cards (便民服务连心卡) for one household, a whole building (batch printing), or the
 * signed-in resident's own household. The QR code links to the resident app's report page for the
 * building, so a snap report lands with the right grid.
 */
import type { AppContext } from '../../context';
import { can, type Actor } from '../../platform/auth/actor';
import { maskName } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { cardsRepository, type CardRow } from './cards.repository';
import { renderCardsHtml, renderCardsPdf, type CardContent } from './cards.render';
import { gridsRepository } from './grids.repository';
import { residentOfAccount } from './places.duty';
import type { ResidentAccountsService } from './resident-accounts.service';
import { residentsRepository } from './residents.repository';

export type CardFormat = 'html' | 'pdf';

export function createCardsService(ctx: AppContext, deps: { accounts: ResidentAccountsService }) {
  const { db } = ctx;

  async function contents(list: CardRow[], origin: string, withCodes: boolean): Promise<CardContent[]> {
    const gridIds = [...new Set(list.flatMap((r) => [r.gridId, r.parentGridId]).filter((g): g is string => !!g))];
    const duties = await gridsRepository.dutiesOf(db, gridIds);
    const holder = (gridId: string | null, duty: 'primary' | 'backup' | 'leader') => {
      const d = gridId ? duties.find((x) => x.gridId === gridId && x.duty === duty) : undefined;
      return d ? { name: d.displayName, phone: d.servicePhone } : null;
    };
    const out: CardContent[] = [];
    for (const r of list) {
      const codes = withCodes ? (await deps.accounts.pendingCodes(r.householdId)).map((c) => ({ ...c, residentName: maskName(c.residentName)! })) : [];
      out.push({
        communityName: r.communityName,
        communityPhone: r.communityPhone,
        address: r.address,
        gridName: r.gridName,
        primary: holder(r.gridId, 'primary'),
        backup: holder(r.gridId, 'backup'),
        leader: holder(r.gridId, 'leader') ?? holder(r.parentGridId, 'leader'),
        buildingHead: r.buildingHead,
        property: r.propertyCompany ? { name: r.propertyCompany, phone: r.propertyPhone } : null,
        reportUrl: `${origin}/m/report?building=${r.buildingId}`,
        codes,
      });
    }
    return out;
  }

  async function render(format: CardFormat, cards: CardContent[], title: string) {
    return format === 'pdf' ? { type: 'application/pdf', body: await renderCardsPdf(cards, title) } : { type: 'text/html; charset=utf-8', body: await renderCardsHtml(cards, title) };
  }

  /** Activation codes are printed only for those who may issue accounts in that household's scope. */
  async function mayPrintCodes(actor: Actor, householdId: string, asked: boolean): Promise<boolean> {
    if (!asked) return false;
    if (!can(actor, 'resident_account.manage') || !(await residentsRepository.findHousehold(db, actor, 'resident_account.manage', householdId))) throw new AppError('forbidden');
    return true;
  }

  return {
    async household(actor: Actor, id: string, opts: { format: CardFormat; origin: string; withCodes: boolean }) {
      const h = await residentsRepository.findHousehold(db, actor, 'household.read', id);
      if (!h) throw new AppError('not_found');
      const withCodes = await mayPrintCodes(actor, id, opts.withCodes);
      return render(opts.format, await contents(await cardsRepository.cards(db, [id]), opts.origin, withCodes), h.household.addressText);
    },

    async building(actor: Actor, buildingId: string, opts: { format: CardFormat; origin: string }) {
      const b = await gridsRepository.findBuilding(db, actor, 'household.read', buildingId);
      if (!b) throw new AppError('not_found');
      const ids = (await cardsRepository.householdIdsOfBuilding(db, buildingId)).map((r) => r.id);
      return render(opts.format, await contents(await cardsRepository.cards(db, ids), opts.origin, false), b.name);
    },

    /** The resident's own card, as data for the app (and the same page to print). */
    async mine(actor: Actor, origin: string): Promise<CardContent & { members: { name: string; relationToHead: string | null }[] }> {
      const me = actor.accountId ? await residentOfAccount(db, actor.accountId) : undefined;
      if (!me?.householdId) throw new AppError('not_found');
      const [card] = await contents(await cardsRepository.cards(db, [me.householdId]), origin, false);
      if (!card) throw new AppError('not_found');
      const members = (await residentsRepository.members(db, me.householdId)).filter((m) => m.status === 'active').map((m) => ({ name: m.name, relationToHead: m.relationToHead }));
      return { ...card, members };
    },
  };
}

export type CardsService = ReturnType<typeof createCardsService>;
